import { Badge, Button, Center, Group, Table, Text, Tooltip } from '@mantine/core';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { channelVariantLabel } from './channel-labels.ts';
import type { ChannelStockRow } from './channel-types.ts';

/**
 * What a channel may sell of each variant, in the order the numbers last changed (the API's order,
 * the one an integration polling for changes reads too), with "load more" for the next page.
 */
export function ChannelStockTable({
  rows,
  stale,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  rows: ChannelStockRow[];
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table
          aria-label="Sellable stock"
          verticalSpacing="sm"
          highlightOnHover
          style={{ opacity: stale ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variant</Table.Th>
              <Table.Th visibleFrom="sm">SKU</Table.Th>
              <Table.Th ta="right">Sellable</Table.Th>
              <Table.Th visibleFrom="sm">Last changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.variantId} data-variant-id={row.variantId}>
                <Table.Td>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {channelVariantLabel(row)}
                  </Text>
                  {row.sku ? (
                    <Text size="xs" c="dimmed" ff="monospace" hiddenFrom="sm">
                      {row.sku}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text
                    size="sm"
                    ff="monospace"
                    c={row.sku ? undefined : 'dimmed'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {row.sku || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {row.backorder ? (
                      <Tooltip label="Keeps selling when out of stock: 0 does not stop the channel selling it.">
                        <Badge color="grape" variant="light" size="xs">
                          Backorder
                        </Badge>
                      </Tooltip>
                    ) : null}
                    <Text span size="sm" fw={600} c={row.sellable === 0 ? 'red.7' : undefined}>
                      {row.sellable.toLocaleString()}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(row.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore ? (
        <Center p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Button variant="subtle" size="xs" onClick={onLoadMore} loading={loadingMore}>
            Load more
          </Button>
        </Center>
      ) : null}
    </>
  );
}
