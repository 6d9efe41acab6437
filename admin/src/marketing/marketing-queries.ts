import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  AttributionModel,
  AttributionReport,
  CampaignFields,
  CampaignList,
  DiscountCodeReport,
} from './marketing-types.ts';

export const marketingKey = (store: string) => ['stores', store, 'marketing'] as const;

type Period = { from: string; to: string };

export const campaignListQuery = (store: string) =>
  queryOptions({
    queryKey: [...marketingKey(store), 'campaigns'],
    queryFn: () => api.get<CampaignList>(storeApiPath(store, '/marketing/campaigns')),
  });

export const attributionQuery = (store: string, args: Period & { model: AttributionModel }) =>
  queryOptions({
    queryKey: [...marketingKey(store), 'attribution', args],
    queryFn: () => api.get<AttributionReport>(storeApiPath(store, '/marketing/attribution'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const discountCodesQuery = (store: string, args: Period) =>
  queryOptions({
    queryKey: [...marketingKey(store), 'discount-codes', args],
    queryFn: () => api.get<DiscountCodeReport>(storeApiPath(store, '/marketing/discount-codes'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const saveCampaign = (store: string, id: string | null, fields: CampaignFields) =>
  id
    ? api.put(storeApiPath(store, `/marketing/campaigns/${id}`), fields)
    : api.post(storeApiPath(store, '/marketing/campaigns'), fields);

export const recordSpend = (store: string, entry: { campaignId: string; day: string; amount: number }) =>
  api.post(storeApiPath(store, '/marketing/ad-spend/entries'), entry);
