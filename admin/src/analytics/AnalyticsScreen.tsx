import {
  Alert,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnomaliesCard } from './AnomaliesCard.tsx';
import { kpiQuery } from './analytics-queries.ts';
import { type AnalyticsSearch, type AnalyticsView, periodOf } from './analytics-search.ts';
import { BreakdownCard } from './BreakdownCard.tsx';
import { CampaignsPanel } from './CampaignsPanel.tsx';
import { CohortsCard } from './CohortsCard.tsx';
import { ExplorePanel } from './ExplorePanel.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { KpiCards } from './KpiCards.tsx';
import { LifetimeValueCard } from './LifetimeValueCard.tsx';
import { ProductsCard } from './ProductsCard.tsx';
import { SearchTermsCard } from './SearchTermsCard.tsx';
import { SegmentsCard } from './SegmentsCard.tsx';
import { TrendCharts } from './TrendCharts.tsx';

const analyticsRoute = getRouteApi('/signed-in/stores/$store/analytics');

/**
 * The store's numbers over a period against a comparison period: headline KPIs, daily trends, the
 * checkout funnel, where sales came from, the best and slowest products, and searches that found
 * nothing (docs/metrics.md says how each is counted). (Return type written out: the router's types
 * include the screens'.)
 */
export function AnalyticsScreen(): ReactNode {
  const { store } = useCurrentStore();
  const search = analyticsRoute.useSearch();
  const navigate = analyticsRoute.useNavigate();
  const change = (next: Partial<AnalyticsSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const period = periodOf(search);
  const compare = search.compare ?? 'previous_period';
  const report = useQuery(kpiQuery(store.handle, { ...period, compare }));

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How the store is doing: sales, traffic and conversion over a period, against the one before."
      />
      <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label="Period"
          value={search.range ?? '30d'}
          onChange={(range) => change({ range: range as AnalyticsSearch['range'] })}
          data={[
            { value: '7d', label: '7 days' },
            { value: '30d', label: '30 days' },
            { value: '90d', label: '90 days' },
            { value: '365d', label: '12 months' },
            { value: 'custom', label: 'Custom' },
          ]}
        />
        {search.range === 'custom' ? (
          <>
            <TextInput
              type="date"
              label="From"
              size="sm"
              value={period.from}
              max={period.to}
              onChange={(e) =>
                e.currentTarget.value && change({ from: e.currentTarget.value, to: period.to })
              }
            />
            <TextInput
              type="date"
              label="To"
              size="sm"
              value={period.to}
              min={period.from}
              onChange={(e) =>
                e.currentTarget.value && change({ from: period.from, to: e.currentTarget.value })
              }
            />
          </>
        ) : null}
        <Select
          aria-label="Compare with"
          size="sm"
          w={200}
          allowDeselect={false}
          value={compare}
          onChange={(v) => v && change({ compare: v as AnalyticsSearch['compare'] })}
          data={[
            { value: 'previous_period', label: 'Previous period' },
            { value: 'previous_year', label: 'Same period last year' },
            { value: 'none', label: 'No comparison' },
          ]}
        />
        <Text size="sm" c="dimmed">
          {period.from} to {period.to}
          {report.data?.comparison
            ? ` · against ${report.data.comparison.from} to ${report.data.comparison.to}`
            : ''}
        </Text>
      </Group>
      <Tabs
        value={search.view ?? 'sales'}
        onChange={(tab) => change({ view: tab === 'sales' ? undefined : (tab as AnalyticsView) })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="sales">Sales and traffic</Tabs.Tab>
          <Tabs.Tab value="explore">Explore</Tabs.Tab>
          <Tabs.Tab value="customers">Customers</Tabs.Tab>
          <Tabs.Tab value="campaigns">Campaigns</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sales">
          {report.isError ? (
            <LoadFailed what="The analytics" error={report.error} onRetry={() => void report.refetch()} />
          ) : !report.data ? (
            <ListSkeleton label="Loading the analytics" rows={6} />
          ) : (
            <Stack gap={0}>
              {report.data.pendingDays > 0 ? (
                <Alert variant="light" mb="md" title="Catching up">
                  The latest changes on {report.data.pendingDays} day(s) are being added to these numbers;
                  they follow within a minute.
                </Alert>
              ) : null}
              <AnomaliesCard store={store.handle} />
              <KpiCards report={report.data} />
              <TrendCharts report={report.data} />
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mb="lg">
                <FunnelCard
                  store={store.handle}
                  period={{ ...period, compare }}
                  breakdown={search.funnelBy}
                  onBreakdown={(funnelBy) => change({ funnelBy })}
                />
                <SearchTermsCard store={store.handle} period={period} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
                <BreakdownCard
                  store={store.handle}
                  period={{ ...period, compare }}
                  dimension={search.dimension ?? 'channel'}
                  onDimension={(dimension) => change({ dimension })}
                />
                <ProductsCard store={store.handle} period={period} />
              </SimpleGrid>
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="explore">
          <ExplorePanel
            store={store.handle}
            period={{ ...period, compare }}
            search={search}
            onChange={change}
          />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns">
          <CampaignsPanel
            store={store.handle}
            period={period}
            canImport={store.permissions.includes('marketing:write')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="customers">
          <Stack gap="sm">
            <LifetimeValueCard store={store.handle} />
            <SegmentsCard store={store.handle} />
            <CohortsCard store={store.handle} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
