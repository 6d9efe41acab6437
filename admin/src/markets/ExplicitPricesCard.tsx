import { Alert, Button, Card, EmptyState, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CsvImportModal } from '../csv-import/CsvImportModal.tsx';
import { useCsvUpload } from '../csv-import/use-csv-upload.ts';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconDownload, IconTag, IconUpload } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import {
  explicitPricesCsvPath,
  explicitPricesImportPath,
  explicitPricesQuery,
  useMarketsRefresh,
  useRemoveExplicitPrice,
} from './market-queries.ts';
import type { ExplicitPricesImportReport, Market } from './market-types.ts';

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * A market's own prices per variant: listed a page at a time, exported as CSV with every variant
 * (fill in the prices), and imported back, checked first, all rows or none.
 */
export function ExplicitPricesCard({ market }: { market: Market }) {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const prices = useInfiniteQuery(explicitPricesQuery(store.handle, market.id));
  const remove = useRemoveExplicitPrice(store.handle, market.id);
  const refresh = useMarketsRefresh(store.handle);
  const [importing, setImporting] = useState(false);
  const send = useCsvUpload<ExplicitPricesImportReport>(explicitPricesImportPath(store.handle, market.id));
  const rows = prices.data?.pages.flatMap((page) => page.items) ?? [];
  const unused = market.priceList.mode === 'converted' && market.explicitPriceCount > 0;

  return (
    <Card withBorder padding={0} radius="md" component="section" aria-labelledby="explicit-prices-title">
      <Group p="md" gap="sm" justify="space-between" wrap="wrap" align="flex-start">
        <div style={{ flex: '1 1 20rem' }}>
          <Title order={3} size="h5" id="explicit-prices-title">
            Explicit prices
          </Title>
          <Text size="sm" c="dimmed">
            Prices in {market.currency} you set per variant: download the CSV of every variant, fill in the
            price column, and import it back.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            component="a"
            href={explicitPricesCsvPath(store.handle, market.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download CSV
          </Button>
          {writable ? (
            <Button
              variant="default"
              leftSection={<IconUpload size={16} />}
              onClick={() => setImporting(true)}
            >
              Import CSV
            </Button>
          ) : null}
        </Group>
      </Group>
      {unused ? (
        <Alert color="gray" variant="light" mx="md" mb="md">
          This market converts its prices, so these are kept but not used. Choose “Explicit prices” in the
          market’s settings to sell at them.
        </Alert>
      ) : null}
      <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        {prices.isError ? (
          <Text c="red" p="md" role="alert">
            {prices.error.message}
          </Text>
        ) : prices.isPending ? (
          <ListSkeleton label="Loading explicit prices" rows={3} />
        ) : rows.length === 0 ? (
          <EmptyState
            py="xl"
            variant="light"
            icon={<IconTag size={28} />}
            title="No explicit prices"
            description={`Every variant is priced by converting its base price. Set your own ${market.currency} prices for some or all variants by CSV.`}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Explicit prices" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Variant</Table.Th>
                    <Table.Th>SKU</Table.Th>
                    <Table.Th ta="right">Price</Table.Th>
                    <Table.Th ta="right">Compare-at</Table.Th>
                    <Table.Th>Set</Table.Th>
                    {writable ? (
                      <Table.Th w={90}>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.variantId}>
                      <Table.Td>
                        <Text size="sm" fw={500} lineClamp={1}>
                          {row.productTitle ?? 'Deleted variant'}
                        </Text>
                        {row.variantTitle ? (
                          <Text size="xs" c="dimmed">
                            {row.variantTitle}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={row.sku ? undefined : 'dimmed'}>
                          {row.sku ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={numeric}>
                        <Text size="sm" fw={600}>
                          {formatMoney(row.price.amount, row.price.currency)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={numeric}>
                        <Text size="sm" c="dimmed" td={row.compareAt ? 'line-through' : undefined}>
                          {row.compareAt ? formatMoney(row.compareAt.amount, row.compareAt.currency) : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatDateTime(row.updatedAt)}
                        </Text>
                      </Table.Td>
                      {writable ? (
                        <Table.Td>
                          <Group justify="flex-end">
                            <Button
                              variant="subtle"
                              color="red"
                              size="xs"
                              loading={remove.isPending && remove.variables === row.variantId}
                              aria-label={`Remove the explicit price of ${row.productTitle ?? row.variantId}`}
                              onClick={() =>
                                remove.mutate(row.variantId, {
                                  onSuccess: () =>
                                    notifySuccess('Explicit price removed; the variant is converted again.'),
                                  onError: (error) => notifyError(error, 'Not removed'),
                                })
                              }
                            >
                              Remove
                            </Button>
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {prices.hasNextPage ? (
              <Group
                justify="center"
                p="sm"
                style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              >
                <Button
                  variant="subtle"
                  onClick={() => void prices.fetchNextPage()}
                  loading={prices.isFetchingNextPage}
                >
                  Load more
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </div>
      {writable ? (
        <CsvImportModal<ExplicitPricesImportReport>
          opened={importing}
          onClose={() => setImporting(false)}
          title={`Import prices for ${market.name}`}
          intro={`Each row sets one variant’s price in ${market.currency} (the price column; compare_at_price too when present). An empty price removes the variant’s explicit price; variants not in the file keep theirs. The file is checked first; nothing changes until you import it.`}
          hint="The CSV this market’s “Download CSV” gives, prices filled in"
          testId="explicit-prices-dropzone"
          send={send}
          summarize={(report) => ({
            changes: report.set + report.removed,
            counts: [
              { label: 'Rows read', value: report.rows },
              { label: report.dryRun ? 'Will set' : 'Set', value: report.set, highlight: true },
              { label: report.dryRun ? 'Will remove' : 'Removed', value: report.removed, highlight: true },
              { label: 'Unchanged', value: report.unchanged },
            ],
          })}
          onApplied={(report) => {
            refresh();
            notifySuccess(
              `${(report.set + report.removed).toLocaleString()} prices changed for ${market.name}.`,
            );
          }}
        />
      ) : null}
    </Card>
  );
}
