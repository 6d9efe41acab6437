import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import { categoryTreeQuery, flattenTree } from '../categories/category-queries.ts';
import { currencyFractionDigits } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconArrowLeft, IconExternalLink, IconTrash } from '../ui/icons.tsx';
import { fieldErrorsFrom, notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CenteredLoader } from '../ui/route-states.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import {
  type CollectionFormErrors,
  type CollectionFormValues,
  collectionInput,
  emptyCollectionValues,
  valuesFromCollection,
} from './collection-form-values.ts';
import {
  collectionQuery,
  useCreateCollection,
  useDeleteCollection,
  useUpdateCollection,
} from './collection-queries.ts';
import { type Collection, type CollectionSortOrder, sortOrderLabels } from './collection-types.ts';
import { ManualProducts } from './ManualProducts.tsx';
import { RuleBuilder } from './RuleBuilder.tsx';
import { RulePreview } from './RulePreview.tsx';
import { rulesFromDrafts } from './rule-fields.ts';

const editRoute = getRouteApi('/signed-in/stores/$store/collections/$collectionId');

function BackToCollections({ store }: { store: string }) {
  return (
    <ButtonLink
      to="/stores/$store/collections"
      params={{ store }}
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<IconArrowLeft size={14} />}
      mb="xs"
    >
      Collections
    </ButtonLink>
  );
}

export function CollectionCreateScreen() {
  return <CollectionEditor />;
}

export function CollectionEditScreen() {
  const { collectionId } = editRoute.useParams();
  const { store } = useCurrentStore();
  const collection = useQuery(collectionQuery(store.handle, collectionId));
  if (collection.isError) {
    const missing = collection.error instanceof ApiError && collection.error.status === 404;
    return (
      <Container size="sm" py="xl">
        <BackToCollections store={store.handle} />
        <Alert
          color={missing ? 'gray' : 'red'}
          title={missing ? 'Collection not found' : 'Could not load it'}
        >
          {missing ? 'It may have been deleted.' : collection.error.message}
        </Alert>
      </Container>
    );
  }
  if (collection.isPending) return <CenteredLoader />;
  return <CollectionEditor key={collection.data.id} collection={collection.data} />;
}

const fieldForPath = (path: string): keyof CollectionFormValues | undefined => {
  const field = path.split('.')[0];
  return field && field in emptyCollectionValues() ? (field as keyof CollectionFormValues) : undefined;
};

/** Create or edit a collection: its page (title, text, SEO, image), and which products it shows. */
function CollectionEditor({ collection }: { collection?: Collection }) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const digits = currencyFractionDigits(store.baseCurrency);
  const [values, setValues] = useState<CollectionFormValues>(() =>
    collection ? valuesFromCollection(collection, digits) : emptyCollectionValues(),
  );
  const [errors, setErrors] = useState<CollectionFormErrors>({});
  const [tried, setTried] = useState(false);
  const [confirmingDelete, { open: askDelete, close: cancelDelete }] = useDisclosure(false);
  const create = useCreateCollection(store.handle);
  const update = useUpdateCollection(store.handle, collection?.id ?? '');
  const remove = useDeleteCollection(store.handle, collection?.id ?? '');
  const categories = useQuery(categoryTreeQuery(store.handle));
  const canWrite = can('catalog:write');
  const saving = create.isPending || update.isPending;

  const change = (changes: Partial<CollectionFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setErrors((current) => ({
      ...current,
      ...Object.fromEntries(Object.keys(changes).map((k) => [k, undefined])),
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const checked = collectionInput(values, digits, collection);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const onError = (error: unknown) => {
      setErrors(fieldErrorsFrom(error, fieldForPath, { handle_taken: 'handle', unknown_category: 'rules' }));
      notifyError(error, 'Could not save the collection');
    };
    if (!collection) {
      create.mutate(checked.input, {
        onSuccess: (created) => {
          notifySuccess(`Created “${created.title}”.`);
          void navigate({
            to: '/stores/$store/collections/$collectionId',
            params: { store: store.handle, collectionId: created.id },
          });
        },
        onError,
      });
    } else if (Object.keys(checked.input).length === 0) {
      notifySuccess('Nothing to save.');
    } else {
      update.mutate(checked.input, { onSuccess: () => notifySuccess('Saved.'), onError });
    }
  };

  const categoryOptions = flattenTree(categories.data ?? []).map(({ node }) => ({
    value: node.id,
    label: node.path,
  }));
  const sortOptions = (Object.keys(sortOrderLabels) as CollectionSortOrder[])
    .filter((s) => s !== 'manual' || values.kind === 'manual')
    .map((s) => ({ value: s, label: sortOrderLabels[s] }));

  return (
    <form onSubmit={submit} noValidate>
      <BackToCollections store={store.handle} />
      <PageHeader
        sticky
        title={collection ? collection.title : 'New collection'}
        actions={
          canWrite ? (
            <>
              {collection ? (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={askDelete}
                >
                  Delete
                </Button>
              ) : null}
              <Button type="submit" loading={saving}>
                {collection ? 'Save' : 'Create collection'}
              </Button>
            </>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Stack>
                <TextInput
                  label="Title"
                  required
                  value={values.title}
                  onChange={(e) => change({ title: e.currentTarget.value })}
                  error={errors.title}
                  readOnly={!canWrite}
                  maxLength={255}
                />
                <Textarea
                  label="Description"
                  description="Shown above the products on the collection page; simple HTML is kept."
                  autosize
                  minRows={3}
                  value={values.description}
                  onChange={(e) => change({ description: e.currentTarget.value })}
                  readOnly={!canWrite}
                />
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Stack>
                <Group justify="space-between" wrap="wrap">
                  <Title order={3} size="h5">
                    Products
                  </Title>
                  {collection ? null : (
                    <SegmentedControl
                      aria-label="How products are chosen"
                      value={values.kind}
                      onChange={(kind) =>
                        change({
                          kind: kind as CollectionFormValues['kind'],
                          sortOrder: kind === 'manual' ? 'manual' : 'newest',
                        })
                      }
                      data={[
                        { value: 'rules', label: 'By rules' },
                        { value: 'manual', label: 'Picked by hand' },
                      ]}
                    />
                  )}
                </Group>
                {values.kind === 'rules' ? (
                  <>
                    <Text size="sm" c="dimmed">
                      Products join and leave by themselves as they change: a price cut or a new tag is
                      enough.
                    </Text>
                    <RuleBuilder
                      match={values.match}
                      rules={values.rules}
                      onChange={(match, rules) => change({ match, rules })}
                      categories={categoryOptions}
                      currency={store.baseCurrency}
                      fractionDigits={digits}
                      showErrors={tried}
                      disabled={!canWrite}
                    />
                    {errors.rules ? (
                      <Text size="sm" c="red" role="alert">
                        {errors.rules}
                      </Text>
                    ) : null}
                    <RulePreview
                      match={values.match}
                      rules={rulesFromDrafts(values.rules, digits)}
                      sortOrder={values.sortOrder}
                    />
                  </>
                ) : collection ? (
                  <ManualProducts collectionId={collection.id} canWrite={canWrite} />
                ) : (
                  <Text size="sm" c="dimmed">
                    Create the collection, then add products here or from the product list.
                  </Text>
                )}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Stack>
                <Select
                  label="Sort products by"
                  data={sortOptions}
                  value={values.sortOrder}
                  onChange={(value) => value && change({ sortOrder: value as CollectionSortOrder })}
                  allowDeselect={false}
                  readOnly={!canWrite}
                />
                <TextInput
                  label="Handle"
                  description={
                    collection
                      ? 'Changing it keeps the old address as a redirect.'
                      : 'Made from the title when empty.'
                  }
                  leftSection={
                    <Text size="xs" c="dimmed">
                      /collections/
                    </Text>
                  }
                  leftSectionWidth={92}
                  value={values.handle}
                  onChange={(e) => change({ handle: e.currentTarget.value })}
                  error={errors.handle}
                  readOnly={!canWrite}
                />
                {collection ? (
                  <Anchor href={collection.storefrontUrl} target="_blank" rel="noreferrer" size="sm">
                    <Group gap={4} component="span">
                      View on the storefront <IconExternalLink size={14} />
                    </Group>
                  </Anchor>
                ) : null}
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Stack>
                <Title order={3} size="h5">
                  Search engines
                </Title>
                <TextInput
                  label="Page title"
                  description={`${values.seoTitle.length}/60 characters`}
                  value={values.seoTitle}
                  onChange={(e) => change({ seoTitle: e.currentTarget.value })}
                  error={errors.seoTitle}
                  readOnly={!canWrite}
                  maxLength={200}
                />
                <Textarea
                  label="Meta description"
                  description={`${values.seoDescription.length}/160 characters`}
                  autosize
                  minRows={2}
                  value={values.seoDescription}
                  onChange={(e) => change({ seoDescription: e.currentTarget.value })}
                  error={errors.seoDescription}
                  readOnly={!canWrite}
                  maxLength={400}
                />
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Stack>
                <Title order={3} size="h5">
                  Image
                </Title>
                <TextInput
                  label="Image URL"
                  placeholder="https://…"
                  value={values.imageUrl}
                  onChange={(e) => change({ imageUrl: e.currentTarget.value })}
                  error={errors.imageUrl}
                  readOnly={!canWrite}
                />
                <TextInput
                  label="Alt text"
                  value={values.imageAlt}
                  onChange={(e) => change({ imageAlt: e.currentTarget.value })}
                  readOnly={!canWrite}
                />
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      {collection ? (
        <ConfirmDialog
          opened={confirmingDelete}
          title={`Delete “${collection.title}”?`}
          confirmLabel="Delete collection"
          loading={remove.isPending}
          onCancel={cancelDelete}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                notifySuccess('Collection deleted.');
                void navigate({ to: '/stores/$store/collections', params: { store: store.handle } });
              },
              onError: (error) => notifyError(error, 'Could not delete it'),
            })
          }
        >
          Its page goes away; its products stay in the catalog.
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
