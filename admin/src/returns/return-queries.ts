import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { ReturnReason, ReturnResolution, ReturnStatus } from '../orders/order-types.ts';
import { storeApiPath } from '../stores/current-store.tsx';

/** A row of GET /returns (the orders module's list-returns.ts). */
export interface ReturnSummary {
  id: string;
  orderId: string;
  orderNumber: number | null;
  status: ReturnStatus;
  resolution: ReturnResolution | null;
  requestedBy: 'customer' | 'staff';
  requestedAt: string;
  closedAt: string | null;
  email: string;
  customerName: string;
  units: number;
  receivedUnits: number;
}

/** GET /returns/reasons (the orders module's return-reasons-report.ts). */
export interface ReturnReasonsReport {
  from: string;
  to: string;
  returns: number;
  units: number;
  reasons: {
    reason: ReturnReason;
    returns: number;
    units: number;
    /** 0–1. */
    share: number;
    refunded: { currency: string; amount: number }[];
  }[];
  topProducts: {
    productId: string | null;
    title: string;
    units: number;
    returns: number;
    reasons: { reason: ReturnReason; units: number }[];
  }[];
}

export const returnsKey = (store: string) => ['stores', store, 'returns'] as const;

export const returnListQuery = (
  store: string,
  args: { status?: ReturnStatus; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...returnsKey(store), 'list', args],
    queryFn: () =>
      api.get<{ items: ReturnSummary[]; total: number }>(storeApiPath(store, '/returns'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const returnReasonsQuery = (store: string, days: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...returnsKey(store), 'reasons', days],
    queryFn: async () => {
      const answer = await api.get<ReturnReasonsReport | { report: ReturnReasonsReport }>(
        storeApiPath(store, '/returns/reasons'),
        days,
      );
      return 'report' in answer ? answer.report : answer;
    },
    placeholderData: keepPreviousData,
  });
