import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export interface PrivacyRequest {
  id: string;
  kind: 'export' | 'erasure';
  source: 'admin' | 'customer';
  customerId: string;
  customerLabel: string;
  /** ready: an export to download; expired: its customer was erased since; completed: an erasure. */
  status: 'ready' | 'expired' | 'completed';
  requestedBy: { type: string; id: string | null; label: string };
  createdAt: string;
  completedAt: string | null;
  downloadUrl: string | null;
}

export interface PrivacySettings {
  analyticsRetentionMonths: number | null;
  updatedAt: string | null;
}

const privacyKey = (store: string) => ['stores', store, 'privacy'] as const;

export const privacyRequestsQuery = (store: string, customerId?: string) =>
  queryOptions({
    queryKey: [...privacyKey(store), 'requests', customerId ?? null],
    queryFn: () =>
      api.get<{ items: PrivacyRequest[] }>(storeApiPath(store, '/privacy/requests'), {
        customerId,
        limit: 200,
      }),
  });

export const privacySettingsQuery = (store: string) =>
  queryOptions({
    queryKey: [...privacyKey(store), 'settings'],
    queryFn: () => api.get<PrivacySettings>(storeApiPath(store, '/privacy/settings')),
  });

/** Where an export's file is downloaded from (the session cookie authorises a plain link). */
export function exportDownloadHref(store: string, requestId: string): string {
  return storeApiPath(store, `/privacy/requests/${encodeURIComponent(requestId)}/download`);
}

export function useExportCustomer(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      api.post<PrivacyRequest>(storeApiPath(store, '/privacy/requests'), { type: 'export', customerId }),
    onSuccess: () => client.invalidateQueries({ queryKey: privacyKey(store) }),
  });
}

export function useEraseCustomer(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { customerId: string; confirmation: string }) =>
      api.post<PrivacyRequest>(storeApiPath(store, '/privacy/requests'), { type: 'erasure', ...input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: privacyKey(store) });
      void client.invalidateQueries({ queryKey: ['stores', store, 'customers'] });
    },
  });
}

export function useSaveRetention(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (analyticsRetentionMonths: number | null) =>
      api.put<PrivacySettings>(storeApiPath(store, '/privacy/settings'), { analyticsRetentionMonths }),
    onSuccess: () => client.invalidateQueries({ queryKey: privacyKey(store) }),
  });
}
