import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { AuditEntry, Page } from '../api/types.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export interface AuditFilter {
  limit: number;
  offset: number;
  entityType?: string;
  action?: string;
}

export const auditQuery = (store: string, filter: AuditFilter) =>
  queryOptions({
    queryKey: ['stores', store, 'audit', filter],
    queryFn: () => api.get<Page<AuditEntry>>(storeApiPath(store, '/audit'), { ...filter }),
    placeholderData: keepPreviousData,
  });
