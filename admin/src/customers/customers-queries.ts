import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { CustomerProfile, CustomerRow, Segment, SegmentRule } from './customer-types.ts';

export const customersKey = (store: string) => ['stores', store, 'customers'] as const;

export interface CustomerListParams {
  q?: string;
  segmentId?: string;
  sort?: string;
  acceptsMarketing?: string;
  offset?: number;
}

export const customerListQuery = (store: string, params: CustomerListParams) =>
  queryOptions({
    queryKey: [...customersKey(store), 'list', params],
    queryFn: () =>
      api.get<{ items: CustomerRow[]; total: number }>(storeApiPath(store, '/customers'), {
        ...Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')),
        limit: 50,
      }),
    placeholderData: keepPreviousData,
  });

export const customerQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...customersKey(store), 'one', id],
    queryFn: () => api.get<CustomerProfile>(storeApiPath(store, `/customers/${encodeURIComponent(id)}`)),
  });

export const segmentsQuery = (store: string) =>
  queryOptions({
    queryKey: [...customersKey(store), 'segments'],
    queryFn: () => api.get<{ items: Segment[] }>(storeApiPath(store, '/customer-segments')),
  });

export const groupsQuery = (store: string) =>
  queryOptions({
    queryKey: [...customersKey(store), 'groups'],
    queryFn: () =>
      api.get<{ items: { id: string; name: string; memberCount: number }[] }>(
        storeApiPath(store, '/customer-groups'),
      ),
  });

/** The builder's live count: rules not saved yet. */
export const segmentPreviewQuery = (store: string, match: 'all' | 'any', rules: SegmentRule[]) =>
  queryOptions({
    queryKey: [...customersKey(store), 'preview', match, rules],
    queryFn: () =>
      api.post<{ total: number; items: CustomerRow[] }>(storeApiPath(store, '/customer-segments/preview'), {
        match,
        rules,
        limit: 5,
      }),
    enabled: rules.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });

export function useSaveSegment(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Omit<Segment, 'id'> }) =>
      id
        ? api.patch<{ segment: Segment }>(
            storeApiPath(store, `/customer-segments/${encodeURIComponent(id)}`),
            body,
          )
        : api.post<{ segment: Segment }>(storeApiPath(store, '/customer-segments'), body),
    onSuccess: () => client.invalidateQueries({ queryKey: customersKey(store) }),
  });
}

export function useDeleteSegment(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(storeApiPath(store, `/customer-segments/${encodeURIComponent(id)}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: customersKey(store) }),
  });
}

export function useSetConsent(store: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (acceptsMarketing: boolean) =>
      api.put(storeApiPath(store, `/customers/${encodeURIComponent(id)}/marketing-consent`), {
        acceptsMarketing,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: customersKey(store) }),
  });
}
