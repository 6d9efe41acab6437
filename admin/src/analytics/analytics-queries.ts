import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  AnomaliesReport,
  BreakdownReport,
  CohortReport,
  Dimension,
  ExploreReport,
  FunnelReport,
  Granularity,
  KpiKey,
  KpiReport,
  LifetimeValueReport,
  ProductReport,
  SearchTermsReport,
  SegmentsReport,
} from './analytics-types.ts';

export const analyticsKey = (store: string) => ['stores', store, 'analytics'] as const;

type PeriodArgs = { from: string; to: string; compare: string };

export const kpiQuery = (store: string, args: PeriodArgs) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'kpis', args],
    queryFn: () => api.get<KpiReport>(storeApiPath(store, '/analytics/kpis'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const breakdownQuery = (store: string, args: PeriodArgs & { dimension: Dimension }) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'breakdown', args],
    queryFn: () => api.get<BreakdownReport>(storeApiPath(store, '/analytics/breakdown'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const productReportQuery = (
  store: string,
  args: { from: string; to: string; order: 'top' | 'bottom' },
) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'products', args],
    queryFn: () => api.get<ProductReport>(storeApiPath(store, '/analytics/products'), { ...args, limit: 10 }),
    placeholderData: keepPreviousData,
  });

export const searchTermsQuery = (store: string, args: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'search-terms', args],
    queryFn: () =>
      api.get<SearchTermsReport>(storeApiPath(store, '/analytics/search-terms'), { ...args, limit: 10 }),
    placeholderData: keepPreviousData,
  });

export const segmentsQuery = (store: string) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'segments'],
    queryFn: () => api.get<SegmentsReport>(storeApiPath(store, '/analytics/customers/segments')),
  });

export const cohortsQuery = (store: string, months: number) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'cohorts', months],
    queryFn: () => api.get<CohortReport>(storeApiPath(store, '/analytics/customers/cohorts'), { months }),
  });

export const lifetimeValueQuery = (store: string) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'lifetime-value'],
    queryFn: () => api.get<LifetimeValueReport>(storeApiPath(store, '/analytics/customers/lifetime-value')),
    staleTime: 10 * 60_000,
  });

/** Where a segment's CSV audience downloads from (the browser sends the session cookie). */
export const segmentCsvPath = (store: string, segment: string) =>
  storeApiPath(store, `/analytics/customers/segments/${segment}?format=csv`);

export const anomaliesQuery = (store: string) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'anomalies'],
    queryFn: () => api.get<AnomaliesReport>(storeApiPath(store, '/insights/anomalies')),
    staleTime: 5 * 60_000,
  });

export const exploreQuery = (
  store: string,
  args: PeriodArgs & { metric: KpiKey; breakdown: Dimension | 'none'; granularity: Granularity },
) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'explore', args],
    queryFn: () => api.get<ExploreReport>(storeApiPath(store, '/analytics/explore'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const funnelQuery = (store: string, args: PeriodArgs & { breakdown?: Dimension }) =>
  queryOptions({
    queryKey: [...analyticsKey(store), 'funnel', args],
    queryFn: () => api.get<FunnelReport>(storeApiPath(store, '/analytics/funnel'), { ...args }),
    placeholderData: keepPreviousData,
  });
