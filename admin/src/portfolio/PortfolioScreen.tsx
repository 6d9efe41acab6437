import { Sparkline } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Container,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../api/http.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { UserMenu } from '../layout/UserMenu.tsx';
import { currencyOptions } from '../money/currency-options.ts';
import { formatMoney } from '../money/minor-units.ts';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import type { Portfolio, PortfolioKpi } from './portfolio-types.ts';

const ranges = { '7': 7, '28': 28, '90': 90 } as const;

function periodEnding(days: number): { from: string; to: string } {
  const to = new Date(Date.now() - 86_400_000);
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

function Change({ kpi }: { kpi: PortfolioKpi }) {
  if (kpi.change === null) return null;
  const pct = Math.round(kpi.change * 1000) / 10;
  return (
    <Text span size="xs" c={pct >= 0 ? 'teal' : 'red'} ml={4}>
      {pct >= 0 ? '+' : ''}
      {pct} %
    </Text>
  );
}

/**
 * Every store the signed-in person may read analytics of, side by side: the period's figures
 * against the period before, a net-sales sparkline, yesterday's alerts and the goals' pacing, money
 * in one reporting currency at each store's own rates (docs/portfolio.md). (Return type written
 * out: the router's types include the screens'.)
 */
export function PortfolioScreen(): ReactNode {
  const { data: session } = useSuspenseQuery(sessionQuery);
  const [currency, setCurrency] = useState(session.stores[0]?.baseCurrency ?? 'EUR');
  const [range, setRange] = useState<keyof typeof ranges>('28');
  const period = periodEnding(ranges[range]);
  const report = useQuery({
    queryKey: ['portfolio', currency, period],
    queryFn: () => api.get<Portfolio>('/api/admin/portfolio', { currency, ...period }),
    placeholderData: keepPreviousData,
  });
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency));
  const count = (v: number | null) => (v === null ? '—' : v.toLocaleString());
  const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)} %`);

  return (
    <Container size="xl" py="lg">
      <Group justify="space-between" mb="lg">
        <Stack gap={2}>
          <Title order={2} size="h3">
            Portfolio
          </Title>
          <Text size="sm" c="dimmed">
            All your stores in one currency, against the period before.
          </Text>
        </Stack>
        <UserMenu />
      </Group>
      <Group mb="md" gap="sm" align="flex-end">
        <SegmentedControl
          aria-label="Period"
          value={range}
          onChange={(v) => setRange(v as keyof typeof ranges)}
          data={[
            { value: '7', label: '7 days' },
            { value: '28', label: '28 days' },
            { value: '90', label: '90 days' },
          ]}
        />
        <Select
          label="Reporting currency"
          aria-label="Reporting currency"
          searchable
          w={220}
          value={currency}
          allowDeselect={false}
          onChange={(v) => v && setCurrency(v)}
          data={currencyOptions}
        />
      </Group>
      {report.isPending ? (
        <ListSkeleton label="Loading the portfolio" />
      ) : report.isError ? (
        <LoadFailed what="The portfolio" error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Stack>
          {report.data.unconverted.length > 0 && (
            <Alert color="yellow" title="Some stores have no rate to this currency">
              {report.data.stores
                .filter((s) => !s.converted)
                .map((s) => s.store.name)
                .join(', ')}{' '}
              record no exchange rate between their currency and {currency}: their money is left out of the
              totals. Add one under Markets → Exchange rates in that store.
            </Alert>
          )}
          <Card withBorder padding={0}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="portfolio-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Store</Table.Th>
                  <Table.Th>Net sales</Table.Th>
                  <Table.Th>Trend</Table.Th>
                  <Table.Th>Orders</Table.Th>
                  <Table.Th>Sessions</Table.Th>
                  <Table.Th>Conversion</Table.Th>
                  <Table.Th>AOV</Table.Th>
                  <Table.Th>Alerts</Table.Th>
                  <Table.Th>Goals</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.stores.map((row) => (
                  <Table.Tr key={row.store.id} data-testid="portfolio-row">
                    <Table.Td>
                      <AnchorLink to="/stores/$store/analytics" params={{ store: row.store.handle }} fw={500}>
                        {row.store.name}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {row.store.baseCurrency} · {row.role}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {row.converted ? (
                        money(row.kpis.netSales.value)
                      ) : (
                        <Tooltip label={`No exchange rate ${row.store.baseCurrency} → ${currency}`}>
                          <Text span c="dimmed">
                            no rate
                          </Text>
                        </Tooltip>
                      )}
                      <Change kpi={row.kpis.netSales} />
                    </Table.Td>
                    <Table.Td>
                      <Sparkline
                        w={120}
                        h={32}
                        curveType="linear"
                        color="indigo"
                        fillOpacity={0.2}
                        data={row.trend.map((t) => t.netSales ?? 0)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {count(row.kpis.orders.value)}
                      <Change kpi={row.kpis.orders} />
                    </Table.Td>
                    <Table.Td>
                      {count(row.kpis.sessions.value)}
                      <Change kpi={row.kpis.sessions} />
                    </Table.Td>
                    <Table.Td>
                      {rate(row.kpis.conversionRate.value)}
                      <Change kpi={row.kpis.conversionRate} />
                    </Table.Td>
                    <Table.Td>{money(row.kpis.averageOrderValue.value)}</Table.Td>
                    <Table.Td>
                      {row.anomalies.flagged.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          none
                        </Text>
                      ) : (
                        <Tooltip label={row.anomalies.flagged.join(', ')}>
                          <Badge color="orange" variant="light">
                            {row.anomalies.flagged.length} flagged
                          </Badge>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {row.goals.on_pace > 0 && (
                          <Badge color="teal" variant="light">
                            {row.goals.on_pace} on pace
                          </Badge>
                        )}
                        {row.goals.at_risk > 0 && (
                          <Badge color="yellow" variant="light">
                            {row.goals.at_risk} at risk
                          </Badge>
                        )}
                        {row.goals.behind > 0 && (
                          <Badge color="red" variant="light">
                            {row.goals.behind} behind
                          </Badge>
                        )}
                        {row.goals.on_pace + row.goals.at_risk + row.goals.behind === 0 && (
                          <AnchorLink
                            to="/stores/$store/goals"
                            params={{ store: row.store.handle }}
                            size="sm"
                          >
                            set one
                          </AnchorLink>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>All stores</Table.Th>
                  <Table.Th>
                    {money(report.data.totals.netSales.value)}
                    <Change kpi={report.data.totals.netSales} />
                  </Table.Th>
                  <Table.Th>
                    <Sparkline
                      w={120}
                      h={32}
                      curveType="linear"
                      color="teal"
                      fillOpacity={0.2}
                      data={report.data.trend.map((t) => t.netSales)}
                    />
                  </Table.Th>
                  <Table.Th>{count(report.data.totals.orders.value)}</Table.Th>
                  <Table.Th>{count(report.data.totals.sessions.value)}</Table.Th>
                  <Table.Th>{rate(report.data.totals.conversionRate.value)}</Table.Th>
                  <Table.Th>{money(report.data.totals.averageOrderValue.value)}</Table.Th>
                  <Table.Th />
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Card>
          <Text size="xs" c="dimmed">
            {report.data.period.from} – {report.data.period.to} against {report.data.comparison.from} –{' '}
            {report.data.comparison.to}. Each day's sales convert at that store's rate of the day.{' '}
            <Anchor href="/admin/">Back to the stores</Anchor>
          </Text>
        </Stack>
      )}
    </Container>
  );
}
