import {
  Alert,
  Button,
  Card,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { numberCell } from '../inventory/StockTable.tsx';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDate, formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { formatExchangeRate, formatWithBaseCurrency, needsExchangeRate } from './exchange-rate.ts';
import { PurchaseOrderDraftForm } from './PurchaseOrderDraftForm.tsx';
import { PurchaseOrderMail } from './PurchaseOrderMail.tsx';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge.tsx';
import { purchaseOrderQuery, useOrderAction } from './purchasing-queries.ts';
import type { PurchaseOrderDetail } from './purchasing-types.ts';
import { ReceiveForm } from './ReceiveForm.tsx';
import { variantLabel } from './VariantPicker.tsx';

const orderRoute = getRouteApi('/signed-in/stores/$store/purchasing/$purchaseOrderId');

/** One purchase order: its draft editor, or its lines, receiving, mail and receipts once sent. */
export function PurchaseOrderScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { purchaseOrderId } = orderRoute.useParams();
  const order = useQuery(purchaseOrderQuery(store.handle, purchaseOrderId));
  const back = (
    <ButtonLink
      to="/stores/$store/purchasing"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Purchase orders
    </ButtonLink>
  );
  if (order.isError) {
    return (
      <>
        <PageHeader title="Purchase order" actions={back} />
        <Alert color="red" role="alert">
          {order.error.message}
        </Alert>
      </>
    );
  }
  if (order.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading purchase order">
        <Skeleton height={40} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  return <OrderPage order={order.data} back={back} />;
}

type Confirming = 'send' | 'cancel' | 'close' | null;

function OrderPage({ order, back }: { order: PurchaseOrderDetail; back: ReactNode }) {
  const { store, can } = useCurrentStore();
  const writable = can('purchasing:write');
  const action = useOrderAction(store.handle, order.id);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [closeNote, setCloseNote] = useState('');
  const [closeError, setCloseError] = useState<string | null>(null);
  const open = order.state === 'sent' || order.state === 'partially_received';
  const foreign = needsExchangeRate(order.currency, store.baseCurrency);

  const run = (which: Exclude<Confirming, null>, body: unknown, done: string) =>
    action.mutate(
      { action: which, body },
      {
        onSuccess: () => {
          notifySuccess(done);
          setConfirming(null);
        },
        onError: (error) => {
          if (which === 'close') setCloseError(error.message);
          else {
            setConfirming(null);
            notifyError(error, `Could not ${which} ${order.label}`);
          }
        },
      },
    );

  return (
    <>
      <PageHeader
        title={order.label}
        badge={<PurchaseOrderStateBadge state={order.state} />}
        description={`${order.supplier.name} → ${order.location.name}`}
        actions={
          <>
            {back}
            {writable && order.state === 'draft' ? (
              <Button onClick={() => setConfirming('send')} disabled={order.lines.length === 0}>
                Send to supplier
              </Button>
            ) : null}
            {writable && (order.state === 'draft' || order.state === 'sent') ? (
              <Button color="red" variant="light" onClick={() => setConfirming('cancel')}>
                Cancel order
              </Button>
            ) : null}
            {writable && order.state === 'partially_received' ? (
              <Button variant="light" onClick={() => setConfirming('close')}>
                Close short
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md">
          <SimpleGrid cols={{ base: 2, sm: foreign ? 3 : 5, lg: foreign ? 6 : 5 }} spacing="md">
            <Fact label="Supplier" value={order.supplier.name} />
            <Fact label="Deliver to" value={order.location.name} />
            <Fact label="Expected" value={formatDate(order.expectedOn)} />
            <Fact label="Received" value={`${order.unitsReceived} of ${order.unitsOrdered} units`} />
            {foreign ? (
              <Fact
                label="Exchange rate"
                value={formatExchangeRate(order.currency, store.baseCurrency, order.exchangeRate)}
              />
            ) : null}
            <Fact
              label="Total"
              value={formatWithBaseCurrency(order.total, store.baseCurrency, order.exchangeRate)}
            />
          </SimpleGrid>
          {order.state === 'draft' && !order.supplier.email ? (
            <Alert color="yellow" mt="md">
              {order.supplier.name} has no e-mail address: add one on the Suppliers page before sending.
            </Alert>
          ) : null}
        </Card>
        {order.state === 'draft' && writable ? (
          <PurchaseOrderDraftForm order={order} onSaved={() => notifySuccess(`${order.label} saved.`)} />
        ) : open && writable ? (
          <ReceiveForm key={`${order.unitsReceived}`} order={order} />
        ) : (
          <LinesTable order={order} />
        )}
        <PurchaseOrderMail mail={order.mail} />
        {order.receipts.length > 0 ? <Receipts order={order} /> : null}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'send'}
        title={`Send ${order.label}?`}
        confirmLabel="Send order"
        danger={false}
        loading={action.isPending}
        onConfirm={() => run('send', undefined, `${order.label} sent to ${order.supplier.email}.`)}
        onCancel={() => setConfirming(null)}
      >
        {`The order goes by e-mail to ${order.supplier.email ?? 'the supplier'} as ${order.supplier.orderFormat.toUpperCase()}. Its lines cannot be changed afterwards.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'cancel'}
        title={`Cancel ${order.label}?`}
        confirmLabel="Cancel order"
        cancelLabel="Keep order"
        loading={action.isPending}
        onConfirm={() => run('cancel', {}, `${order.label} cancelled.`)}
        onCancel={() => setConfirming(null)}
      >
        {order.state === 'sent'
          ? 'The supplier already has this order: tell them it is cancelled. Its units stop counting as incoming.'
          : 'The draft is kept as cancelled and can no longer be sent.'}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'close'}
        title={`Close ${order.label} short?`}
        confirmLabel="Close short"
        loading={action.isPending}
        onConfirm={() => {
          if (!closeNote.trim()) {
            setCloseError('Say why the rest will not come.');
            return;
          }
          run('close', { note: closeNote.trim() }, `${order.label} closed.`);
        }}
        onCancel={() => setConfirming(null)}
      >
        <Stack gap="sm">
          <Text size="sm">
            The {order.unitsOrdered - order.unitsReceived} units still open will not arrive and stop counting
            as incoming stock.
          </Text>
          <Textarea
            label="Note"
            placeholder="Supplier discontinued the rest"
            value={closeNote}
            onChange={(e) => setCloseNote(e.currentTarget.value)}
            error={closeError}
            required
          />
        </Stack>
      </ConfirmDialog>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function LinesTable({ order }: { order: PurchaseOrderDetail }) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Order lines" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variant</Table.Th>
              <Table.Th ta="right">Ordered</Table.Th>
              <Table.Th ta="right">Received</Table.Th>
              <Table.Th ta="right">Unit cost</Table.Th>
              <Table.Th ta="right">Line total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  {variantLabel({ productTitle: line.productTitle, title: line.variantTitle, sku: line.sku })}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {line.quantityOrdered}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {line.quantityReceived}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {formatMoney(line.unitCost.amount, line.unitCost.currency)}
                </Table.Td>
                <Table.Td ta="right" style={numberCell}>
                  {formatMoney(line.lineTotal.amount, line.lineTotal.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Receipts({ order }: { order: PurchaseOrderDetail }) {
  const labels = new Map(
    order.lines.map((l) => [
      l.id,
      variantLabel({ productTitle: l.productTitle, title: l.variantTitle, sku: l.sku }),
    ]),
  );
  return (
    <Card withBorder radius="md">
      <Title order={3} size="h4" mb="sm">
        Receipts
      </Title>
      <Stack gap={4}>
        {order.receipts.map((receipt) => (
          <Text size="sm" key={receipt.movementId}>
            {formatDateTime(receipt.createdAt)}: {receipt.quantity} ×{' '}
            {labels.get(receipt.lineId ?? '') ?? 'variant'}
            {/* The ledger keeps the cost in the store's currency, converted at the order's rate. */}
            {receipt.unitCost ? ` at ${formatMoney(receipt.unitCost.amount, receipt.unitCost.currency)}` : ''}
            {receipt.actorLabel ? ` by ${receipt.actorLabel}` : ''}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
