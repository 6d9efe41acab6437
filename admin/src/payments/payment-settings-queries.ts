import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { PaymentSettings, PaymentSettingsChange } from './payment-settings-types.ts';

const settingsKey = (store: string) => ['stores', store, 'payments', 'settings'] as const;

export const paymentSettingsQuery = (store: string) =>
  queryOptions({
    queryKey: settingsKey(store),
    queryFn: async () =>
      (await api.get<{ settings: PaymentSettings }>(storeApiPath(store, '/payments/settings'))).settings,
  });

export function useUpdatePaymentSettings(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: PaymentSettingsChange) =>
      (await api.put<{ settings: PaymentSettings }>(storeApiPath(store, '/payments/settings'), change))
        .settings,
    onSuccess: (settings) => queryClient.setQueryData(settingsKey(store), settings),
  });
}

/** A new webhook signing secret: the answer is the one time it is shown. */
export function useRotateWebhookSecret(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<{ secret: string; webhookPath: string }>(
        storeApiPath(store, '/payments/settings/webhook-secret'),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey(store) }),
  });
}
