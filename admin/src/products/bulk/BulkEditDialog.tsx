import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { currencyFractionDigits } from '../../money/minor-units.ts';
import { useCurrentStore } from '../../stores/current-store.tsx';
import { notifyError } from '../../ui/notify.ts';
import { BulkActionFields } from './BulkActionFields.tsx';
import { BulkOperationProgress } from './BulkOperationProgress.tsx';
import { type BulkActionValues, bulkActionFrom, initialBulkActionValues } from './bulk-action-values.ts';
import { useStartBulkOperation, useUndoBulkOperation } from './bulk-queries.ts';
import type { BulkSelection } from './bulk-types.ts';

const plural = (n: number) => (n === 1 ? '1 product' : `${n.toLocaleString()} products`);

/** Choose an action for the selected products, run it, watch it, and undo it if need be. */
export function BulkEditDialog({
  selection,
  count,
  onClose,
}: {
  selection: BulkSelection;
  count: number;
  onClose: (ran: boolean) => void;
}) {
  const { store, can } = useCurrentStore();
  const digits = currencyFractionDigits(store.baseCurrency);
  const [values, setValues] = useState<BulkActionValues>(initialBulkActionValues);
  const [tried, setTried] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [undoId, setUndoId] = useState<string | null>(null);
  const start = useStartBulkOperation(store.handle);
  const undo = useUndoBulkOperation(store.handle);
  const built = bulkActionFrom(values, digits, can('catalog:publish'));

  const run = () => {
    setTried(true);
    if (!built.ok) return;
    start.mutate(
      { selection, action: built.action },
      { onSuccess: (operation) => setOperationId(operation.id) },
    );
  };
  const undoIt = () =>
    operationId &&
    undo.mutate(operationId, {
      onSuccess: (operation) => setUndoId(operation.id),
      onError: (error) => notifyError(error, 'Could not undo'),
    });

  return (
    <Modal
      opened
      onClose={() => onClose(operationId !== null)}
      title={`Edit ${plural(count)}`}
      centered
      size="lg"
    >
      {operationId === null ? (
        <Stack>
          {'filter' in selection ? (
            <Text size="sm" c="dimmed">
              Every product matching the list’s current search and filter, as of when you run it.
            </Text>
          ) : null}
          <BulkActionFields
            values={values}
            onChange={(c) => setValues((v) => ({ ...v, ...c }))}
            fractionDigits={digits}
          />
          {(tried || start.isError) && (!built.ok || start.isError) ? (
            <Alert color="red" role="alert">
              {built.ok ? start.error?.message : built.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              Cancel
            </Button>
            <Button
              color={values.type === 'delete' ? 'red' : undefined}
              onClick={run}
              loading={start.isPending}
            >
              {values.type === 'delete' ? `Delete ${plural(count)}` : `Apply to ${plural(count)}`}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <BulkOperationProgress
            operationId={operationId}
            onUndo={undoId ? undefined : undoIt}
            undoing={undo.isPending}
          />
          {undoId ? (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Undo
              </Text>
              <BulkOperationProgress operationId={undoId} />
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={() => onClose(true)}>Close</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
