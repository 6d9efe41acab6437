import { Alert, Button, Container, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { Product } from '../api/types.ts';
import { currencyFractionDigits } from '../money/minor-units.ts';
import { ProductSeoPanel } from '../seo/ProductSeoPanel.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { CenteredLoader } from '../ui/route-states.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { ProductImageGallery } from './media/ProductImageGallery.tsx';
import { ProductForm } from './ProductForm.tsx';
import {
  checkProductValues,
  errorsAfterEdit,
  type ProductFormErrors,
  type ProductFormValues,
  productChanges,
  productErrorsFrom,
  sameProductValues,
  sentVariantSet,
  valuesFromProduct,
} from './product-form-values.ts';
import { productQuery, useDeleteProduct } from './product-queries.ts';
import { ProductTranslationsPanel } from './translations/ProductTranslationsPanel.tsx';
import { followServerImages } from './variants/variant-drafts.ts';
import { ProductWorkflowPanel } from './workflow/ProductWorkflowPanel.tsx';
import { RevisionDiff } from './workflow/RevisionDiff.tsx';
import { notifyReviewReset } from './workflow/review-reset-notice.ts';
import { WorkflowStateBadge } from './workflow/WorkflowStateBadge.tsx';
import { productWorkflowQuery, useEditProduct } from './workflow/workflow-queries.ts';
import type { ProductWorkflow } from './workflow/workflow-types.ts';

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
  const { store, can } = useCurrentStore();
  const product = useQuery(productQuery(store.handle, productId));
  const workflow = useQuery(productWorkflowQuery(store.handle, productId));

  if (product.isError || workflow.isError) {
    const error = product.error ?? workflow.error;
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Container size="sm" py="xl">
        <BackToProducts store={store.handle} />
        <Alert
          color={missing ? 'gray' : 'red'}
          title={missing ? 'Product not found' : 'Could not load the product'}
        >
          {missing ? 'It may have been deleted.' : error?.message}
        </Alert>
      </Container>
    );
  }
  if (product.isPending || workflow.isPending) return <CenteredLoader />;
  // Without catalog:publish, a live product is edited through its staged revision: the form shows
  // the proposed version, and starts afresh when that revision appears or goes.
  const staged =
    !can('catalog:publish') && workflow.data.revision?.kind === 'staged' ? workflow.data.revision : null;
  return (
    <>
      <ProductEditor
        key={`${product.data.id}:${staged?.id ?? 'live'}`}
        product={product.data}
        formSource={staged?.proposed ?? product.data}
        editsStaged={!can('catalog:publish') && product.data.status === 'active'}
        workflow={workflow.data}
      />
      {/* Outside the product form: each language saves on its own. */}
      <ProductTranslationsPanel productId={product.data.id} live={product.data.status === 'active'} />
    </>
  );
}

function ProductEditor({
  product,
  formSource,
  editsStaged,
  workflow,
}: {
  product: Product;
  /** What the form starts from: the product, or the proposed version of its staged revision. */
  formSource: Product;
  /** Saving stages the edits for review instead of changing the live product. */
  editsStaged: boolean;
  workflow: ProductWorkflow;
}) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const digits = currencyFractionDigits(product.price.currency);
  const [baseline, setBaseline] = useState(() => valuesFromProduct(formSource, digits));
  const [values, setValues] = useState<ProductFormValues>(baseline);
  const [errors, setErrors] = useState<ProductFormErrors>({});
  const [confirmingDelete, { open: askDelete, close: cancelDelete }] = useDisclosure(false);
  const update = useEditProduct(store.handle, product.id);
  const remove = useDeleteProduct(store.handle, product.id);
  const canWrite = can('catalog:write');
  const dirty = !sameProductValues(values, baseline);
  // The product moved on under an untouched form (published by a reviewer, another tab): show it as it is now.
  const [shownSource, setShownSource] = useState(formSource);
  if (shownSource !== formSource) {
    setShownSource(formSource);
    const next = valuesFromProduct(formSource, digits);
    if (!dirty) {
      setBaseline(next);
      setValues(next);
    } else {
      // Keep the edits, but let variant images the grid left alone follow the gallery's changes.
      const followed = followServerImages(baseline.variants, values.variants, next.variants);
      setBaseline({ ...baseline, variants: followed.baseline });
      setValues({ ...values, variants: followed.edited });
    }
  }
  const leaving = useRef({ dirty, deleted: false });
  leaving.current.dirty = dirty;

  const change = (changes: Partial<ProductFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setErrors((current) => errorsAfterEdit(current, values, changes));
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
    const changes = productChanges(baseline, values, digits, formSource.images ?? []);
    const sent = sentVariantSet(values);
    if (Object.keys(changes).length === 0) {
      setValues(baseline);
      return;
    }
    update.mutate(changes, {
      onSuccess: (answer) => {
        if (answer.staged && answer.revision?.proposed) {
          acceptSaved(answer.revision.proposed);
          notifySuccess(
            'The storefront keeps the live version until a reviewer approves and publishes your changes.',
            'Saved for review',
          );
        } else {
          acceptSaved(answer.product);
          notifySuccess(`“${answer.product.title}” was updated.`, 'Changes saved');
        }
        // What the reviewer reads changed: the review starts over, whichever way the edit went.
        if (answer.reviewReset) notifyReviewReset();
      },
      onError: (error) => {
        setErrors(productErrorsFrom(error, sent));
        notifyError(error, 'Changes were not saved');
      },
    });
  };

  const archive = (status: 'archived' | 'draft') => {
    update.mutate(
      { status },
      {
        onSuccess: ({ product: saved }) =>
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

  const statusCard = (
    <ProductWorkflowPanel product={product} workflow={workflow} dirty={dirty}>
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
          ) : editsStaged ? null : (
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
    </ProductWorkflowPanel>
  );

  return (
    <form onSubmit={save} noValidate aria-label="Edit product">
      <UnsavedChangesGuard hasUnsavedChanges={() => leaving.current.dirty && !leaving.current.deleted} />
      <BackToProducts store={store.handle} />
      <PageHeader
        title={product.title}
        sticky
        badge={<WorkflowStateBadge workflow={workflow} />}
        description={
          dirty
            ? 'You have unsaved changes.'
            : editsStaged
              ? 'Your edits are saved for review; the storefront shows the live version until they are published.'
              : undefined
        }
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
      {workflow.revision ? <RevisionDiff revision={workflow.revision} /> : null}
      <ProductForm
        values={values}
        errors={errors}
        currency={product.price.currency}
        onChange={change}
        readOnly={!canWrite}
        storeName={store.name}
        statusCard={statusCard}
        variantImages={formSource.images}
        media={
          <ProductImageGallery
            store={store.handle}
            productId={product.id}
            variants={product.variants ?? []}
            readOnly={!canWrite}
          />
        }
        seoPreview={
          <ProductSeoPanel
            store={store.handle}
            productId={product.id}
            updatedAt={product.updatedAt}
            listing={values}
            unsaved={dirty}
          />
        }
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
