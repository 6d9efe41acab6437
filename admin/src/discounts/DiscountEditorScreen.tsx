import { Alert, Button, Card, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { DiscountCodesCard } from './DiscountCodesCard.tsx';
import { DiscountForm } from './DiscountForm.tsx';
import { DiscountStatusBadge } from './DiscountStatusBadge.tsx';
import { valueText } from './discount-labels.ts';
import { discountQuery, useDeleteDiscount } from './discount-queries.ts';
import type { Discount } from './discount-types.ts';

const editRoute = getRouteApi('/signed-in/stores/$store/discounts/$discountId');

function BackToDiscounts() {
  const { store } = useCurrentStore();
  return (
    <ButtonLink
      to="/stores/$store/discounts"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Discounts
    </ButtonLink>
  );
}

/** A new discount. (Return type written out: see LocationsScreen.) */
export function DiscountCreateScreen(): ReactNode {
  return (
    <>
      <PageHeader title="Create discount" actions={<BackToDiscounts />} />
      <DiscountForm discount={null} writable />
    </>
  );
}

/** One discount: the form, how often it was used, and its codes. */
export function DiscountEditScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { discountId } = editRoute.useParams();
  const discount = useQuery(discountQuery(store.handle, discountId));
  if (discount.isError) {
    return (
      <>
        <PageHeader title="Discount" actions={<BackToDiscounts />} />
        <Alert color="red" role="alert">
          {discount.error.message}
        </Alert>
      </>
    );
  }
  if (discount.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading discount">
        <Skeleton height={40} />
        <Skeleton height={320} />
      </Stack>
    );
  }
  return <DiscountPage discount={discount.data} />;
}

function DiscountPage({ discount }: { discount: Discount }) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const writable = can('promotions:write');
  const remove = useDeleteDiscount(store.handle);
  const [deleting, setDeleting] = useState(false);
  const limit = discount.usageLimit;

  return (
    <>
      <PageHeader
        title={discount.title}
        badge={<DiscountStatusBadge discount={discount} />}
        description={`${valueText(discount)} · ${discount.kind === 'code' ? 'with a code' : 'automatic'}`}
        actions={
          <>
            <BackToDiscounts />
            {writable ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDeleting(true)}
              >
                Delete
              </Button>
            ) : null}
          </>
        }
      />
      <DiscountForm
        discount={discount}
        writable={writable}
        aside={
          <>
            <Card withBorder radius="md" padding="lg" component="section" aria-label="Usage">
              <Stack gap={6}>
                <Title order={3} size="h5">
                  Usage
                </Title>
                <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {discount.used.toLocaleString()}
                  <Text span size="sm" c="dimmed" fw={400}>
                    {limit !== null
                      ? ` of ${limit.toLocaleString()} uses`
                      : ` order${discount.used === 1 ? '' : 's'}, no limit`}
                  </Text>
                </Text>
                {limit !== null ? (
                  <Progress
                    value={Math.min(100, (discount.used / limit) * 100)}
                    color={discount.used >= limit ? 'orange' : 'teal'}
                    aria-label="Uses of the limit"
                  />
                ) : null}
                <Text size="xs" c="dimmed">
                  {discount.perCustomerLimit !== null
                    ? `At most ${discount.perCustomerLimit} per customer. `
                    : ''}
                  Created {formatDateTime(discount.createdAt)}.{' '}
                  {discount.used === 0 ? 'No order has used it yet.' : 'Uses count when an order is placed.'}
                </Text>
              </Stack>
            </Card>
            {discount.kind === 'code' ? <DiscountCodesCard discount={discount} writable={writable} /> : null}
          </>
        }
      />
      <ConfirmDialog
        opened={deleting}
        title="Delete discount?"
        confirmLabel="Delete discount"
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(discount.id, {
            onSuccess: () => {
              notifySuccess(`${discount.title} deleted.`);
              void navigate({ to: '/stores/$store/discounts', params: { store: store.handle } });
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {`${discount.title} and its ${discount.codeCount.toLocaleString()} code${discount.codeCount === 1 ? '' : 's'} go; orders that used it keep their discount. To stop it for a while, disable it instead.`}
      </ConfirmDialog>
    </>
  );
}
