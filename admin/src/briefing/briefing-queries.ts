import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { BriefingMail, DailyBriefing } from './briefing-types.ts';

export const briefingQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'briefing'],
    queryFn: () => api.get<DailyBriefing>(storeApiPath(store, '/briefing')),
  });

const briefingMailKey = ['me', 'briefing-mail'] as const;

export const briefingMailQuery = () =>
  queryOptions({
    queryKey: briefingMailKey,
    queryFn: () => api.get<BriefingMail>('/api/me/briefing-mail'),
  });

export function useSetBriefingMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { enabled: boolean; sendHour: number; timeZone: string }) =>
      api.put<BriefingMail>('/api/me/briefing-mail', input),
    onSuccess: (data) => client.setQueryData(briefingMailKey, data),
  });
}
