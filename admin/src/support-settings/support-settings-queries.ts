import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

export interface DayHours {
  open: string;
  close: string;
}

/** GET/PUT …/support/sla (docs/support.md): targets in business minutes, hours in the store's zone. */
export interface SlaSettings {
  targets: Record<Priority, { firstResponseMinutes: number; resolutionMinutes: number }>;
  hours: { days: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>; closedDates: string[] };
  timezone: string;
  custom: boolean;
}

export interface Durations {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
}

export interface SlaShare {
  met: number;
  judged: number;
  share: number | null;
}

export interface Csat {
  score: number | null;
  good: number;
  bad: number;
  responses: number;
  surveysSent: number;
  responseRate: number | null;
}

export interface GroupMetrics {
  created: number;
  solved: number;
  firstResponse: Durations;
  resolution: Durations;
  withinSla: { firstResponse: SlaShare; resolution: SlaShare };
  csat: Csat;
}

/** GET …/support/metrics?from&to. */
export interface SupportMetrics extends GroupMetrics {
  from: string;
  to: string;
  timezone: string;
  backlog: { now: number };
  days: { date: string; created: number; solved: number; backlog: number }[];
  byAgent: ({ assigneeId: string | null } & GroupMetrics)[];
  byChannel: ({ channel: string } & GroupMetrics)[];
}

const supportKey = (store: string) => ['stores', store, 'support'] as const;

export const slaSettingsQuery = (store: string) =>
  queryOptions({
    queryKey: [...supportKey(store), 'sla'],
    queryFn: () => api.get<SlaSettings>(storeApiPath(store, '/support/sla')),
  });

export function useUpdateSlaSettings(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Pick<SlaSettings, 'targets' | 'hours'>) =>
      api.put<SlaSettings>(storeApiPath(store, '/support/sla'), settings),
    // The inbox's clocks and filters follow the new policy.
    onSuccess: (saved) => {
      client.setQueryData(slaSettingsQuery(store).queryKey, saved);
      void client.invalidateQueries({ queryKey: supportKey(store) });
    },
  });
}

export const supportMetricsQuery = (store: string, period: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...supportKey(store), 'metrics', period],
    queryFn: () => api.get<SupportMetrics>(storeApiPath(store, '/support/metrics'), period),
    placeholderData: keepPreviousData,
  });
