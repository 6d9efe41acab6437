import { Alert, Button, Card, Group, NumberInput, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { lineErrorsFrom } from './line-errors.ts';
import { transferQuery, useTransferStep } from './stock-move-queries.ts';
import { type Transfer, variantLabel } from './stock-move-types.ts';
import { TransferDraftEditor } from './TransferDraftEditor.tsx';
import { TransferStateBadge } from './TransferStateBadge.tsx';

const transferRoute = getRouteApi('/signed-in/stores/$store/transfers/$transferId');

/** One transfer: its lines, and the step its state allows (edit or ship a draft, receive what arrived, cancel). */
export function TransferScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { transferId } = transferRoute.useParams();
  const transfer = useQuery(transferQuery(store.handle, transferId));

  return (
    <>
      <PageHeader
        title={transfer.data?.name ?? 'Transfer'}
        badge={transfer.data ? <TransferStateBadge state={transfer.data.state} /> : null}
        description={
          transfer.data ? `${transfer.data.fromLocationName} → ${transfer.data.toLocationName}` : undefined
        }
        actions={
          <ButtonLink
            to="/stores/$store/transfers"
            params={{ store: store.handle }}
            variant="default"
            leftSection={<IconArrowLeft />}
          >
            Transfers
          </ButtonLink>
        }
      />
      {transfer.isError ? (
        <Text c="red" role="alert">
          {transfer.error.message}
        </Text>
      ) : transfer.isPending ? (
        <Skeleton height={200} aria-busy="true" aria-label="Loading transfer" />
      ) : (
        // Keyed by state and lines so the receipt inputs start again from what is still on its way.
        <TransferDetail
          key={`${transfer.data.state}:${transfer.data.lines.map((l) => l.quantityReceived).join(',')}`}
          transfer={transfer.data}
        />
      )}
    </>
  );
}

function TransferDetail({ transfer }: { transfer: Transfer }) {
  const { store, can } = useCurrentStore();
  const step = useTransferStep(store.handle, transfer.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [editing, setEditing] = useState(false);
  // What arrived, per line: the rest still on its way unless changed.
  const [receipt, setReceipt] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(transfer.lines.map((l) => [l.variantId, l.quantityOutstanding])),
  );
  const receiptLines = transfer.lines.filter((l) => l.quantityOutstanding > 0);
  const errors = lineErrorsFrom(step.error, (index) =>
    step.variables?.lines ? step.variables.lines[index]?.variantId : transfer.lines[index]?.variantId,
  );
  const writable = can('inventory:write');
  const receiving = transfer.state === 'in_transit';
  const open = transfer.state === 'draft' || receiving;

  const receive = () => {
    const lines = receiptLines
      .map((l) => ({ variantId: l.variantId, quantity: Number(receipt[l.variantId] || 0) }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) return;
    step.mutate(
      { step: 'receive', lines },
      {
        onSuccess: (t) => notifySuccess(t.state === 'received' ? `${t.name} received.` : 'Receipt recorded.'),
      },
    );
  };

  if (editing && transfer.state === 'draft') {
    return <TransferDraftEditor transfer={transfer} onClose={() => setEditing(false)} />;
  }

  return (
    <Stack gap="lg">
      <Card withBorder padding={0} radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label="Transfer lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
                {receiving && writable ? <Table.Th w={170}>Receive now</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transfer.lines.map((line) => {
                const error = errors.byVariant[line.variantId];
                return (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Text size="sm">{variantLabel(line)}</Text>
                      {error && !(receiving && writable) ? (
                        <Text size="xs" c="red" role="alert">
                          {error}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{line.sku ?? '—'}</Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.quantity}
                    </Table.Td>
                    <Table.Td ta="right" style={numberCell}>
                      {line.quantityReceived}
                    </Table.Td>
                    {receiving && writable ? (
                      <Table.Td>
                        {line.quantityOutstanding > 0 ? (
                          <NumberInput
                            aria-label={`Receive ${variantLabel(line)}`}
                            min={0}
                            allowDecimal={false}
                            value={receipt[line.variantId] ?? ''}
                            onChange={(value) => {
                              setReceipt((prev) => ({ ...prev, [line.variantId]: value }));
                              // An edited line's old refusal no longer applies.
                              if (step.isError) step.reset();
                            }}
                            error={error}
                          />
                        ) : (
                          <Text size="sm" c="dimmed">
                            Complete
                          </Text>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Text size="sm" c="dimmed">
        Created {formatDateTime(transfer.createdAt)}
        {transfer.shippedAt ? ` · shipped ${formatDateTime(transfer.shippedAt)}` : ''}
        {transfer.receivedAt ? ` · received ${formatDateTime(transfer.receivedAt)}` : ''}
        {transfer.note ? ` · ${transfer.note}` : ''}
      </Text>
      {errors.general ? (
        <Alert color="red" role="alert">
          {errors.general}
        </Alert>
      ) : null}
      {writable && open ? (
        <Group>
          {transfer.state === 'draft' ? (
            <Button
              loading={step.isPending && step.variables?.step === 'ship'}
              onClick={() =>
                step.mutate({ step: 'ship' }, { onSuccess: (t) => notifySuccess(`${t.name} shipped.`) })
              }
            >
              Ship
            </Button>
          ) : (
            <Button loading={step.isPending && step.variables?.step === 'receive'} onClick={receive}>
              Receive
            </Button>
          )}
          {transfer.state === 'draft' ? (
            <Button
              variant="default"
              onClick={() => {
                step.reset();
                setEditing(true);
              }}
            >
              Edit
            </Button>
          ) : null}
          <Button variant="default" color="red" onClick={() => setConfirmCancel(true)}>
            Cancel transfer
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirmCancel}
        title={`Cancel ${transfer.name}?`}
        confirmLabel="Cancel transfer"
        cancelLabel="Keep it"
        danger
        loading={step.isPending && step.variables?.step === 'cancel'}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() =>
          step.mutate(
            { step: 'cancel' },
            {
              onSettled: () => setConfirmCancel(false),
              onSuccess: (t) => notifySuccess(`${t.name} cancelled.`),
            },
          )
        }
      >
        {receiving
          ? 'The units not yet received go back on hand at the source. Units already received stay where they arrived.'
          : 'The draft closes; no stock moves.'}
      </ConfirmDialog>
    </Stack>
  );
}
