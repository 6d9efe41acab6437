import {
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { currencyName } from '../money/currency-options.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { storeDetailQuery } from '../stores/store-queries.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconPlus, IconTransfer } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { rateText } from './exchange-rate-text.ts';
import { exchangeRatesQuery, marketsQuery, useDeleteExchangeRate } from './market-queries.ts';
import type { ExchangeRate } from './market-types.ts';
import { RecordRateModal } from './RecordRateModal.tsx';
import { type RateState, rateState, ratesByCurrency, storeToday } from './rate-history.ts';

const stateBadges: Record<RateState, { label: string; color: string }> = {
  in_use: { label: 'In use', color: 'teal' },
  scheduled: { label: 'Scheduled', color: 'indigo' },
  replaced: { label: 'Replaced', color: 'gray' },
};

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The store's exchange rates: per currency its markets sell in, the rate in use today and the next
 * one scheduled; below, every rate recorded, with a way to record one or take one back.
 */
export function ExchangeRatesScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const writable = can('pricing:write');
  const detail = useQuery(storeDetailQuery(store.handle));
  const rates = useQuery(exchangeRatesQuery(store.handle));
  const markets = useQuery(marketsQuery(store.handle));
  const [recording, setRecording] = useState<{ currency: string | null } | null>(null);
  const [deleting, setDeleting] = useState<ExchangeRate | null>(null);
  const [filter, setFilter] = useState<string | null>(null);
  const remove = useDeleteExchangeRate(store.handle);
  const base = store.baseCurrency;
  const today = storeToday(detail.data?.store.timezone);

  const history = (rates.data ?? []).filter((rate) => rate.baseCurrency === base);
  const inUse = ratesByCurrency(history, today);
  // Every currency a market sells in (but the base), and every one that has rates.
  const marketCurrencies = new Map<string, string[]>();
  for (const market of markets.data ?? []) {
    if (market.currency === base) continue;
    marketCurrencies.set(market.currency, [...(marketCurrencies.get(market.currency) ?? []), market.name]);
  }
  const currencies = [...new Set([...marketCurrencies.keys(), ...inUse.keys()])].sort();
  const shown = filter ? history.filter((rate) => rate.quoteCurrency === filter) : history;
  const pending = rates.isPending || markets.isPending;

  return (
    <>
      <PageHeader
        title="Exchange rates"
        description={`How many units of each currency one ${base} buys. Markets convert your prices at the rate of the day: the latest recorded on or before it.`}
        actions={
          <>
            <ButtonLink
              to="/stores/$store/markets"
              params={{ store: store.handle }}
              variant="default"
              leftSection={<IconArrowLeft />}
            >
              Markets
            </ButtonLink>
            {writable ? (
              <Button leftSection={<IconPlus />} onClick={() => setRecording({ currency: null })}>
                Record rate
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding={0} radius="md" component="section" aria-labelledby="rates-today-title">
          <Group p="md" justify="space-between">
            <Title order={3} size="h5" id="rates-today-title">
              Today ({today})
            </Title>
          </Group>
          <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            {rates.isError ? (
              <Text c="red" p="md" role="alert">
                {rates.error.message}
              </Text>
            ) : pending ? (
              <ListSkeleton label="Loading exchange rates" rows={2} />
            ) : currencies.length === 0 ? (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconTransfer size={28} />}
                title="Every market sells in your currency"
                description={`Rates are needed once a market sells in another currency than ${base}. Add one on the Markets screen, then record its rate here.`}
              />
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label="Rates in use" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Currency</Table.Th>
                      <Table.Th>Rate in use</Table.Th>
                      <Table.Th>Since</Table.Th>
                      <Table.Th>Next</Table.Th>
                      <Table.Th>Markets</Table.Th>
                      {writable ? (
                        <Table.Th w={120}>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {currencies.map((currency) => {
                      const entry = inUse.get(currency);
                      return (
                        <Table.Tr key={currency}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {currency}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {currencyName(currency)}
                            </Text>
                          </Table.Td>
                          <Table.Td style={numeric}>
                            {entry?.current ? (
                              <Text size="sm">{rateText(base, currency, entry.current.rate)}</Text>
                            ) : (
                              <Badge color="red" variant="light">
                                No rate
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td style={numeric}>
                            <Text size="sm" c="dimmed">
                              {entry?.current?.effectiveOn ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td style={numeric}>
                            <Text size="sm" c={entry?.next ? undefined : 'dimmed'}>
                              {entry?.next ? `${entry.next.rate} from ${entry.next.effectiveOn}` : '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c={marketCurrencies.has(currency) ? undefined : 'dimmed'}>
                              {marketCurrencies.get(currency)?.join(', ') ?? 'No market sells in it'}
                            </Text>
                          </Table.Td>
                          {writable ? (
                            <Table.Td>
                              <Group justify="flex-end">
                                <Button
                                  variant="subtle"
                                  size="xs"
                                  onClick={() => setRecording({ currency })}
                                  aria-label={`Record a ${currency} rate`}
                                >
                                  Record rate
                                </Button>
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
          </div>
        </Card>

        <Card withBorder padding={0} radius="md" component="section" aria-labelledby="rate-history-title">
          <Group p="md" justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Title order={3} size="h5" id="rate-history-title">
                History
              </Title>
              <Text size="sm" c="dimmed">
                Every rate recorded, newest first. Taking one back makes the one before it apply again.
              </Text>
            </div>
            <Select
              aria-label="Currency"
              placeholder="All currencies"
              data={[...inUse.keys()].sort()}
              value={filter}
              onChange={setFilter}
              clearable
              w={180}
            />
          </Group>
          <div style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            {rates.isPending ? (
              <ListSkeleton label="Loading rate history" rows={3} />
            ) : shown.length === 0 ? (
              <Text size="sm" c="dimmed" p="md">
                No rates recorded yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label="Rate history" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Rate</Table.Th>
                      <Table.Th>Applies from</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Recorded</Table.Th>
                      {writable ? (
                        <Table.Th w={100}>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((rate) => {
                      const state = stateBadges[rateState(rate, inUse, today)];
                      return (
                        <Table.Tr key={rate.id}>
                          <Table.Td style={numeric}>
                            <Text size="sm">
                              {rateText(rate.baseCurrency, rate.quoteCurrency, rate.rate)}
                            </Text>
                          </Table.Td>
                          <Table.Td style={numeric}>
                            <Text size="sm">{rate.effectiveOn}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge size="sm" variant="light" color={state.color}>
                              {state.label}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c="dimmed">
                              {formatDateTime(rate.updatedAt)}
                            </Text>
                          </Table.Td>
                          {writable ? (
                            <Table.Td>
                              <Group justify="flex-end">
                                <Button
                                  variant="subtle"
                                  color="red"
                                  size="xs"
                                  onClick={() => setDeleting(rate)}
                                  aria-label={`Delete the ${rate.quoteCurrency} rate from ${rate.effectiveOn}`}
                                >
                                  Delete
                                </Button>
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
          </div>
        </Card>
      </Stack>
      {writable && recording ? (
        <RecordRateModal currency={recording.currency} today={today} onClose={() => setRecording(null)} />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete exchange rate?"
        confirmLabel="Delete rate"
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifySuccess('Rate deleted.');
              setDeleting(null);
            },
            onError: (error) => notifyError(error, 'Not deleted'),
          })
        }
      >
        {deleting
          ? `${rateText(deleting.baseCurrency, deleting.quoteCurrency, deleting.rate)} from ${deleting.effectiveOn} goes; from that day the rate before it applies again (or none, and prices in ${deleting.quoteCurrency} cannot be converted).`
          : ''}
      </ConfirmDialog>
    </>
  );
}
