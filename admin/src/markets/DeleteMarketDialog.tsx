import { Alert, Stack, Text } from '@mantine/core';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useDeleteMarket } from './market-queries.ts';
import type { Market } from './market-types.ts';

/** Asks before deleting a market; a refusal stays in the dialog in the server's words. */
export function DeleteMarketDialog({
  market,
  onClose,
  onDeleted,
}: {
  market: Market | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { store } = useCurrentStore();
  const remove = useDeleteMarket(store.handle);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!market) return;
    remove.mutate(market.id, {
      onSuccess: () => {
        notifySuccess(`${market.name} deleted.`);
        close();
        onDeleted?.();
      },
    });
  };
  return (
    <ConfirmDialog
      opened={market !== null}
      title="Delete market?"
      confirmLabel="Delete market"
      loading={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      <Stack gap="sm">
        <Text size="sm">
          {market
            ? `${market.name} and its ${market.explicitPriceCount.toLocaleString()} explicit prices go. Shoppers in its countries buy in the primary market, in ${store.baseCurrency}. To stop selling there for a while, make it inactive instead.`
            : ''}
        </Text>
        {remove.isError ? (
          <Alert color="red" role="alert" title="Not deleted">
            {remove.error.message}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
