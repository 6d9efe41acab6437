import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { ProductSeo, SeoSeverity, StoreSeoAudit } from './seo-types.ts';

export interface SeoAuditFilter {
  rule?: string;
  severity?: SeoSeverity;
  limit: number;
  offset: number;
}

export const storeSeoAuditQuery = (store: string, filter: SeoAuditFilter) =>
  queryOptions({
    queryKey: ['stores', store, 'seo', 'audit', filter],
    queryFn: () => api.get<StoreSeoAudit>(storeApiPath(store, '/seo/audit'), { ...filter }),
    placeholderData: keepPreviousData,
  });

/** `version` (the product's last change) makes the findings follow every save. */
export const productSeoQuery = (store: string, productId: string, version: string) =>
  queryOptions({
    queryKey: ['stores', store, 'seo', 'product', productId, version],
    queryFn: () => api.get<ProductSeo>(storeApiPath(store, `/products/${encodeURIComponent(productId)}/seo`)),
    placeholderData: keepPreviousData,
  });
