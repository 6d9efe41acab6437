import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { Product } from '../api/types.ts';
import { currencyFractionDigits } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconExternalLink, IconTrash } from '../ui/icons.tsx';
import { fieldErrorsFrom, notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CenteredLoader } from '../ui/route-states.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { ProductForm } from './ProductForm.tsx';
import { ProductStatusBadge } from './ProductStatusBadge.tsx';
import {
  checkProductValues,
  type ProductFormErrors,
  type ProductFormValues,
  productChanges,
  productFieldForCode,
  productFieldForPath,
  sameProductValues,
  valuesFromProduct,
} from './product-form-values.ts';
import { productQuery, useDeleteProduct, usePublishProduct, useUpdateProduct } from './product-queries.ts';

const productRoute = getRouteApi('/signed-in/stores/$store/products/$productId');

function BackToProducts({ store }: { store: string }) {
  return (
    <ButtonLink
      to="/stores/$store/products"
      params={{ store }}
      variant="subtle"
      color="gray"
      size="compact-sm"
      leftSection={<IconArrowLeft size={14} />}
      mb="xs"
    >
      Products
    </ButtonLink>
  );
}

export function ProductEditScreen() {
  const { productId } = productRoute.useParams();
  const { store } = useCurrentStore();
  const product = useQuery(productQuery(store.handle, productId));

  if (product.isPending) return <CenteredLoader />;
  if (product.isError) {
    const missing = product.error instanceof ApiError && product.error.status === 404;
    return (
      <Container size="sm" py="xl">
        <BackToProducts store={store.handle} />
        <Alert
          color={missing ? 'gray' : 'red'}
          title={missing ? 'Product not found' : 'Could not load the product'}
        >
          {missing ? 'It may have been deleted.' : product.error.message}
        </Alert>
      </Container>
    );
  }
  return <ProductEditor key={product.data.id} product={product.data} />;
}

function ProductEditor({ product }: { product: Product }) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const digits = currencyFractionDigits(product.price.currency);
  const [baseline, setBaseline] = useState(() => valuesFromProduct(product, digits));
  const [values, setValues] = useState<ProductFormValues>(baseline);
  const [errors, setErrors] = useState<ProductFormErrors>({});
  const [confirmingDelete, { open: askDelete, close: cancelDelete }] = useDisclosure(false);
  const update = useUpdateProduct(store.handle, product.id);
  const publish = usePublishProduct(store.handle, product.id);
  const remove = useDeleteProduct(store.handle, product.id);
  const canWrite = can('catalog:write');
  const canPublish = can('catalog:publish');
  const dirty = !sameProductValues(values, baseline);
  const leaving = useRef({ dirty, deleted: false });
  leaving.current.dirty = dirty;

  const change = (changes: Partial<ProductFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    const cleared = Object.fromEntries(Object.keys(changes).map((key) => [key, undefined]));
    setErrors((current) => ({ ...current, ...cleared }));
  };

  const acceptSaved = (saved: Product) => {
    const next = valuesFromProduct(saved, digits);
    setBaseline(next);
    setValues(next);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const found = checkProductValues(values, digits);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes = productChanges(baseline, values, digits);
    if (Object.keys(changes).length === 0) {
      setValues(baseline);
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        acceptSaved(saved);
        notifySuccess(`“${saved.title}” was updated.`, 'Changes saved');
      },
      onError: (error) => {
        setErrors(fieldErrorsFrom(error, productFieldForPath, productFieldForCode));
        notifyError(error, 'Changes were not saved');
      },
    });
  };

  const setPublished = (action: 'publish' | 'unpublish') => {
    publish.mutate(action, {
      onSuccess: (saved) =>
        notifySuccess(
          action === 'publish'
            ? `“${saved.title}” is live on the storefront.`
            : `“${saved.title}” is hidden from the storefront.`,
          action === 'publish' ? 'Published' : 'Unpublished',
        ),
      onError: (error) => notifyError(error, action === 'publish' ? 'Not published' : 'Not unpublished'),
    });
  };

  const archive = (status: 'archived' | 'draft') => {
    update.mutate(
      { status },
      {
        onSuccess: (saved) =>
          notifySuccess(
            status === 'archived' ? `“${saved.title}” was archived.` : `“${saved.title}” is a draft again.`,
            status === 'archived' ? 'Archived' : 'Restored',
          ),
        onError: (error) => notifyError(error, 'Status not changed'),
      },
    );
  };

  const deleteProduct = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        leaving.current.deleted = true;
        cancelDelete();
        notifySuccess(`“${product.title}” was deleted.`, 'Product deleted');
        void navigate({ to: '/stores/$store/products', params: { store: store.handle }, replace: true });
      },
      onError: (error) => notifyError(error, 'The product was not deleted'),
    });
  };

  const publishButton =
    product.status === 'active' ? (
      <Button
        variant="default"
        onClick={() => setPublished('unpublish')}
        loading={publish.isPending}
        disabled={!canPublish}
      >
        Unpublish
      </Button>
    ) : (
      <Button
        color="teal"
        onClick={() => setPublished('publish')}
        loading={publish.isPending}
        disabled={!canPublish || dirty}
      >
        Publish
      </Button>
    );

  const statusCard = (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Status
        </Title>
        <ProductStatusBadge status={product.status} size="lg" data-testid="product-status" />
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {product.status === 'active'
            ? `Live on the storefront since ${formatDateTime(product.publishedAt)}.`
            : product.status === 'archived'
              ? 'Archived: hidden from the storefront and from the default catalog views.'
              : 'Draft: hidden from the storefront until published.'}
        </Text>
        {!canPublish ? (
          <Tooltip label="Your role can edit products; a manager or owner publishes them.">
            <span style={{ display: 'inline-block' }}>{publishButton}</span>
          </Tooltip>
        ) : dirty && product.status !== 'active' ? (
          <Stack gap={4}>
            {publishButton}
            <Text size="xs" c="dimmed">
              Save your changes before publishing.
            </Text>
          </Stack>
        ) : (
          publishButton
        )}
        {product.status === 'active' && product.storefrontUrl ? (
          <Anchor href={product.storefrontUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              View on storefront <IconExternalLink size={14} />
            </Group>
          </Anchor>
        ) : null}
        {canWrite ? (
          <Group gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            {product.status === 'archived' ? (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => archive('draft')}
                disabled={update.isPending}
              >
                Restore as draft
              </Button>
            ) : (
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                onClick={() => archive('archived')}
                disabled={update.isPending}
              >
                Archive
              </Button>
            )}
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              leftSection={<IconTrash size={14} />}
              onClick={askDelete}
            >
              Delete
            </Button>
          </Group>
        ) : null}
        <Text size="xs" c="dimmed">
          Created {formatDateTime(product.createdAt)} · Updated {formatDateTime(product.updatedAt)}
        </Text>
      </Stack>
    </Card>
  );

  return (
    <form onSubmit={save} noValidate aria-label="Edit product">
      <UnsavedChangesGuard hasUnsavedChanges={() => leaving.current.dirty && !leaving.current.deleted} />
      <BackToProducts store={store.handle} />
      <PageHeader
        title={product.title}
        sticky
        badge={<ProductStatusBadge status={product.status} />}
        description={dirty ? 'You have unsaved changes.' : undefined}
        actions={
          canWrite ? (
            <>
              <Button
                variant="default"
                onClick={() => {
                  setValues(baseline);
                  setErrors({});
                }}
                disabled={!dirty || update.isPending}
              >
                Discard
              </Button>
              <Button type="submit" loading={update.isPending} disabled={!dirty}>
                Save
              </Button>
            </>
          ) : null
        }
      />
      <ProductForm
        values={values}
        errors={errors}
        currency={product.price.currency}
        onChange={change}
        readOnly={!canWrite}
        storeName={store.name}
        statusCard={statusCard}
      />
      <ConfirmDialog
        opened={confirmingDelete}
        title="Delete this product?"
        confirmLabel="Delete product"
        loading={remove.isPending}
        onConfirm={deleteProduct}
        onCancel={cancelDelete}
      >
        {`“${product.title}” will be removed from the catalog and the storefront. This cannot be undone.`}
      </ConfirmDialog>
    </form>
  );
}
