import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  OrderFormat,
  PurchaseOrderDetail,
  PurchaseOrderRow,
  PurchaseOrderState,
  Supplier,
  SupplierVariant,
} from './purchasing-types.ts';

/** Purchasing answers sit beside inventory's, so a receipt refreshes stock numbers too. */
const inventoryKey = (store: string) => ['stores', store, 'inventory'] as const;
export const purchasingKey = (store: string) => [...inventoryKey(store), 'purchasing'] as const;

export const suppliersQuery = (store: string) =>
  queryOptions({
    queryKey: [...purchasingKey(store), 'suppliers'],
    queryFn: async () =>
      (await api.get<{ items: Supplier[] }>(storeApiPath(store, '/inventory/suppliers'))).items,
  });

export const supplierCatalogQuery = (store: string, supplierId: string) =>
  queryOptions({
    queryKey: [...purchasingKey(store), 'suppliers', supplierId, 'variants'],
    queryFn: async () =>
      (
        await api.get<{ items: SupplierVariant[] }>(
          storeApiPath(store, `/inventory/suppliers/${encodeURIComponent(supplierId)}/variants`),
        )
      ).items,
    enabled: Boolean(supplierId),
  });

export const purchaseOrdersQuery = (
  store: string,
  args: { state?: PurchaseOrderState; supplierId?: string; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...purchasingKey(store), 'orders', args],
    queryFn: () =>
      api.get<{ items: PurchaseOrderRow[]; total: number }>(
        storeApiPath(store, '/inventory/purchase-orders'),
        {
          ...args,
        },
      ),
    placeholderData: keepPreviousData,
  });

const orderPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/inventory/purchase-orders/${encodeURIComponent(id)}${rest}`);

export const purchaseOrderQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...purchasingKey(store), 'orders', 'one', id],
    queryFn: async () =>
      (await api.get<{ purchaseOrder: PurchaseOrderDetail }>(orderPath(store, id))).purchaseOrder,
  });

/** After any purchasing change: orders, suppliers, stock and incoming numbers may all have moved. */
export function useRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: inventoryKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export interface SupplierInput {
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  leadTimeDays: number;
  minimumOrderQuantity: number | null;
  orderFormat: OrderFormat;
  active: boolean;
}

export function useSaveSupplier(store: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: SupplierInput }) =>
      id
        ? (
            await api.patch<{ supplier: Supplier }>(
              storeApiPath(store, `/inventory/suppliers/${encodeURIComponent(id)}`),
              input,
            )
          ).supplier
        : (await api.post<{ supplier: Supplier }>(storeApiPath(store, '/inventory/suppliers'), input))
            .supplier,
    onSuccess: refresh,
  });
}

export interface DraftLineInput {
  variantId: string;
  quantity: number;
  unitCost?: { amount: number };
}

export interface DraftInput {
  locationId: string;
  expectedOn: string | null;
  /** Store base currency per 1 unit of the supplier's; only when the supplier bills in another currency. */
  exchangeRate?: number;
  note: string | null;
  lines: DraftLineInput[];
}

export function useSaveDraft(store: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async ({
      id,
      supplierId,
      input,
    }: {
      id: string | null;
      supplierId: string;
      input: DraftInput;
    }) =>
      id
        ? (await api.patch<{ purchaseOrder: PurchaseOrderDetail }>(orderPath(store, id), input)).purchaseOrder
        : (
            await api.post<{ purchaseOrder: PurchaseOrderDetail }>(
              storeApiPath(store, '/inventory/purchase-orders'),
              { supplierId, ...input },
            )
          ).purchaseOrder,
    onSuccess: refresh,
  });
}

/** Send, cancel and close: each answers with the order as it now is. */
export function useOrderAction(store: string, id: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async ({ action, body }: { action: 'send' | 'cancel' | 'close'; body?: unknown }) =>
      (await api.post<{ purchaseOrder: PurchaseOrderDetail }>(orderPath(store, id, `/${action}`), body))
        .purchaseOrder,
    onSuccess: refresh,
  });
}

export interface ReceiptInput {
  lines: { lineId: string; quantity: number; unitCost?: { amount: number } }[];
  allowOverReceipt: boolean;
}

export function useReceive(store: string, id: string) {
  const refresh = useRefresh(store);
  return useMutation({
    mutationFn: async (input: ReceiptInput) =>
      (await api.post<{ purchaseOrder: PurchaseOrderDetail }>(orderPath(store, id, '/receipts'), input))
        .purchaseOrder,
    onSuccess: refresh,
  });
}

/** Where the admin opens a mail's attachment (the server sends it with its file name). */
export const mailAttachmentUrl = (store: string, mailId: string, index: number) =>
  storeApiPath(store, `/mail/${encodeURIComponent(mailId)}/attachments/${index}`);
