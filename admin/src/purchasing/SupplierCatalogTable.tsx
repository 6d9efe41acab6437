import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { IconPackage, IconTrash } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import type { Supplier, SupplierVariant } from './purchasing-types.ts';
import { type CatalogRowTarget, SupplierCatalogRowModal } from './SupplierCatalogRowModal.tsx';
import { useRemoveSupplierVariant } from './supplier-catalog-queries.ts';
import { VariantPicker, variantLabel } from './VariantPicker.tsx';

const labelOf = (row: SupplierVariant) =>
  variantLabel({ productTitle: row.productTitle, title: row.variantTitle, sku: row.sku });

/**
 * What the supplier sells of the catalog and on what terms. With `purchasing:write` a variant is
 * added by picking it, a row changed in a modal and removed after a confirmation.
 */
export function SupplierCatalogTable({
  supplier,
  rows,
  writable,
}: {
  supplier: Supplier;
  rows: SupplierVariant[];
  writable: boolean;
}) {
  const { store } = useCurrentStore();
  const remove = useRemoveSupplierVariant(store.handle, supplier.id);
  const [editing, setEditing] = useState<CatalogRowTarget | null>(null);
  const [removing, setRemoving] = useState<SupplierVariant | null>(null);

  return (
    <Card withBorder radius="md" padding={0}>
      <Box p="md" pb="sm">
        <Title order={3} size="h4">
          Catalog
        </Title>
        <Text size="sm" c="dimmed">
          A new purchase order to {supplier.name} takes each variant's cost and supplier SKU from here, and
          its quantities must be whole packs and at least the minimum.
        </Text>
      </Box>
      {rows.length === 0 ? (
        <EmptyState
          py="lg"
          variant="light"
          icon={<IconPackage size={28} />}
          title="Nothing in this catalog yet"
          description={
            writable
              ? `Search for a variant below to record what ${supplier.name} charges for it. Orders can still include variants not listed here, with a unit cost typed in.`
              : `Orders to ${supplier.name} need a unit cost typed in for each line until its prices are recorded here.`
          }
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Supplier catalog" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>Supplier SKU</Table.Th>
                <Table.Th ta="right">Cost per unit</Table.Th>
                <Table.Th ta="right">Pack size</Table.Th>
                <Table.Th ta="right">Minimum</Table.Th>
                {writable ? <Table.Th w={120} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const label = labelOf(row);
                return (
                  <Table.Tr key={row.variantId}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {row.productTitle ?? 'Unknown variant'}
                          {row.variantTitle ? ` – ${row.variantTitle}` : ''}
                        </Text>
                        {row.preferred ? (
                          <Badge size="xs" variant="light" color="teal">
                            Preferred
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {row.sku ? `SKU ${row.sku}` : 'No SKU'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={row.supplierSku ? undefined : 'dimmed'}>
                        {row.supplierSku ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {formatMoney(row.cost.amount, row.cost.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {row.packSize}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {row.minimumOrderQuantity}
                    </Table.Td>
                    {writable ? (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="xs"
                            aria-label={`Edit terms of ${label}`}
                            onClick={() => setEditing({ variantId: row.variantId, label, terms: row })}
                          >
                            Edit
                          </Button>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${label}`}
                            onClick={() => setRemoving(row)}
                          >
                            <IconTrash />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {writable ? (
        <Stack p="md" gap="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <VariantPicker
            onPick={(variant) =>
              setEditing({ variantId: variant.variantId, label: variantLabel(variant), terms: null })
            }
            exclude={new Set(rows.map((r) => r.variantId))}
          />
        </Stack>
      ) : null}
      {editing ? (
        <SupplierCatalogRowModal
          key={editing.variantId}
          supplier={supplier}
          target={editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove from ${supplier.name}'s catalog?`}
        confirmLabel="Remove"
        loading={remove.isPending}
        onConfirm={() => {
          if (!removing) return;
          const label = labelOf(removing);
          remove.mutate(removing.variantId, {
            onSuccess: () => {
              notifySuccess(`${label} removed from ${supplier.name}'s catalog.`);
              setRemoving(null);
            },
            onError: (error) => {
              setRemoving(null);
              notifyError(error, `Could not remove ${label}`);
            },
          });
        }}
        onCancel={() => setRemoving(null)}
      >
        {removing
          ? `${labelOf(removing)} and its terms leave the catalog. Orders already placed keep their prices; a new order for it from ${supplier.name} needs a unit cost typed in.`
          : ''}
      </ConfirmDialog>
    </Card>
  );
}
