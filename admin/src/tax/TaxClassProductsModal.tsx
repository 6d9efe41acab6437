import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CatalogItemsPicker } from '../catalog-pickers/CatalogItemsPicker.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { taxClassProductsQuery, useAssignTaxClass } from './tax-queries.ts';
import type { TaxClass } from './tax-types.ts';

/**
 * The products taxed as a class other than standard: adding one moves it into the class, taking one
 * out moves it back to standard, each change saved at once.
 */
export function TaxClassProductsModal({
  taxClass,
  writable,
  onClose,
}: {
  taxClass: TaxClass;
  writable: boolean;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const products = useQuery(taxClassProductsQuery(store.handle, taxClass.handle));
  const assign = useAssignTaxClass(store.handle);
  const ids = products.data ?? [];

  const change = (next: string[]) => {
    const added = next.filter((id) => !ids.includes(id));
    const removed = ids.filter((id) => !next.includes(id));
    const move =
      added.length > 0
        ? { productIds: added, taxClass: taxClass.handle }
        : { productIds: removed, taxClass: 'standard' };
    if (move.productIds.length === 0) return;
    assign.mutate(move, {
      onSuccess: () =>
        notifySuccess(added.length > 0 ? `Moved to ${taxClass.name}.` : 'Moved back to the standard class.'),
    });
  };

  return (
    <Modal opened onClose={onClose} title={`Products taxed as ${taxClass.name}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Every product not listed here is taxed at the standard rates. Changes are saved as you make them.
        </Text>
        {products.isError ? (
          <Alert color="red" role="alert">
            {products.error.message}
          </Alert>
        ) : products.isPending ? (
          <Skeleton height={60} />
        ) : (
          <CatalogItemsPicker
            scope="products"
            ids={ids}
            onChange={change}
            label={writable ? 'Add a product' : 'Products'}
            error={assign.isError ? assign.error.message : undefined}
            disabled={!writable || assign.isPending}
          />
        )}
        {products.data && products.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No product is in this class yet.
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
