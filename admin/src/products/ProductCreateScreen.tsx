import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { suggestHandle } from '../handles/suggest-handle.ts';
import { currencyFractionDigits } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { UnsavedChangesGuard } from '../ui/UnsavedChangesGuard.tsx';
import { ProductForm } from './ProductForm.tsx';
import {
  checkProductValues,
  createProductInput,
  emptyProductValues,
  errorsAfterEdit,
  type ProductFormErrors,
  type ProductFormValues,
  productErrorsFrom,
  sameProductValues,
  sentVariantSet,
} from './product-form-values.ts';
import { useCreateProduct } from './product-queries.ts';

export function ProductCreateScreen() {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const createProduct = useCreateProduct(store.handle);
  const currency = store.baseCurrency;
  const digits = currencyFractionDigits(currency);
  const [values, setValues] = useState<ProductFormValues>(emptyProductValues);
  const [errors, setErrors] = useState<ProductFormErrors>({});
  const [handleTouched, setHandleTouched] = useState(false);
  const dirty = !sameProductValues(values, emptyProductValues);
  const leaving = useRef({ dirty, created: false });
  leaving.current.dirty = dirty;

  const change = (changes: Partial<ProductFormValues>) => {
    const next = { ...values, ...changes };
    if (changes.handle !== undefined) setHandleTouched(changes.handle !== '');
    else if (changes.title !== undefined && !handleTouched) next.handle = suggestHandle(changes.title);
    setValues(next);
    setErrors((current) => errorsAfterEdit(current, values, changes));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkProductValues(values, digits);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sent = sentVariantSet(values);
    createProduct.mutate(createProductInput(values, digits), {
      onSuccess: (product) => {
        leaving.current.created = true;
        notifySuccess(`“${product.title}” was saved as a draft.`, 'Product created');
        void navigate({
          to: '/stores/$store/products/$productId',
          params: { store: store.handle, productId: product.id },
          replace: true,
        });
      },
      onError: (error) => {
        setErrors(productErrorsFrom(error, sent));
        notifyError(error, 'The product was not created');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New product">
      <UnsavedChangesGuard hasUnsavedChanges={() => leaving.current.dirty && !leaving.current.created} />
      <ButtonLink
        to="/stores/$store/products"
        params={{ store: store.handle }}
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconArrowLeft size={14} />}
        mb="xs"
      >
        Products
      </ButtonLink>
      <PageHeader
        title="New product"
        sticky
        badge={<Badge color="gray">Draft</Badge>}
        actions={
          <>
            <ButtonLink to="/stores/$store/products" params={{ store: store.handle }} variant="default">
              Cancel
            </ButtonLink>
            <Button type="submit" loading={createProduct.isPending} disabled={!can('catalog:write')}>
              Save product
            </Button>
          </>
        }
      />
      <ProductForm
        values={values}
        errors={errors}
        currency={currency}
        onChange={change}
        readOnly={!can('catalog:write')}
        storeName={store.name}
        statusCard={
          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                Status
              </Title>
              <Badge color="gray">Draft</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              New products start as drafts, hidden from the storefront. Publish it once it is saved and
              reviewed.
            </Text>
          </Card>
        }
      />
    </form>
  );
}
