import { Alert, Stack, Text } from '@mantine/core';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { useDeleteChannel } from './channel-queries.ts';
import type { SalesChannel } from './channel-types.ts';

/**
 * Asks before removing a channel. A refusal (the store's last channel: `last_channel`) stays in the
 * dialog in the server's words, next to the question it answers, rather than in a passing toast.
 */
export function DeleteChannelDialog({
  channel,
  onClose,
  onDeleted,
}: {
  channel: SalesChannel | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { store } = useCurrentStore();
  const remove = useDeleteChannel(store.handle);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!channel) return;
    remove.mutate(channel.id, {
      onSuccess: () => {
        notifySuccess(`${channel.name} removed.`);
        close();
        onDeleted?.();
      },
    });
  };

  return (
    <ConfirmDialog
      opened={channel !== null}
      title="Remove sales channel?"
      confirmLabel="Remove channel"
      loading={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      <Stack gap="sm">
        <Text size="sm">
          {channel
            ? `${channel.name} and its stock list go. Systems reading its stock get “not found”, and no more changes are sent for it.`
            : ''}
        </Text>
        {remove.isError ? (
          <Alert color="red" role="alert" title="Not removed">
            {remove.error.message}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
