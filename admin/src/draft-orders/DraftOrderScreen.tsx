import { Alert, Button, Grid, Menu, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { formatMoney } from '../money/minor-units.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconArrowLeft, IconCreditCard, IconDots, IconMail, IconReceipt } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { DraftCustomerCard } from './DraftCustomerCard.tsx';
import { DraftLinesCard } from './DraftLinesCard.tsx';
import { DraftStatusBadge } from './DraftOrdersScreen.tsx';
import { DraftShippingCard } from './DraftShippingCard.tsx';
import { DraftSummaryCard } from './DraftSummaryCard.tsx';
import { missingText } from './draft-order-labels.ts';
import { draftQuery, useCompleteDraft, useDeleteDraft, useSaveDraft } from './draft-order-queries.ts';
import type { DraftChange, DraftOrder } from './draft-order-types.ts';
import { SendInvoiceModal } from './SendInvoiceModal.tsx';

const draftRoute = getRouteApi('/signed-in/stores/$store/draft-orders/$draftId');

function BackToDrafts() {
  const { store } = useCurrentStore();
  return (
    <ButtonLink
      to="/stores/$store/draft-orders"
      params={{ store: store.handle }}
      variant="default"
      leftSection={<IconArrowLeft />}
    >
      Draft orders
    </ButtonLink>
  );
}

/** A new draft order: the editor with nothing saved yet; the first change creates the draft. */
export function NewDraftOrderScreen(): ReactNode {
  return <DraftEditor draft={null} />;
}

/** One draft order: its editor while it is open, its order once completed. */
export function DraftOrderScreen(): ReactNode {
  const { store } = useCurrentStore();
  const { draftId } = draftRoute.useParams();
  const draft = useQuery(draftQuery(store.handle, draftId));
  if (draft.isError) {
    return (
      <>
        <PageHeader title="Draft order" actions={<BackToDrafts />} />
        <Alert color="red" role="alert">
          {draft.error.message}
        </Alert>
      </>
    );
  }
  if (draft.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Loading draft order">
        <Skeleton height={40} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton height={280} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton height={280} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  return <DraftEditor draft={draft.data} />;
}

type Dialog = 'invoice' | 'paid' | 'pending' | 'delete' | null;

/**
 * The draft as Shopify's draft order page has it: items left, customer and address right, shipping
 * options and live totals from the server's pricing. Every change is saved as it is made (a new
 * draft on its first one). Once ready, "Send invoice" mails the customer a link to pay; "Collect
 * payment" places the order with the payment taken by staff (received, or pending) and opens it.
 */
function DraftEditor({ draft }: { draft: DraftOrder | null }) {
  const { store, can } = useCurrentStore();
  const navigate = useNavigate();
  const saving = useSaveDraft(store.handle);
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = draft === null || draft.status !== 'completed';
  const editable = open && can('orders:write');

  /** Saves one change; the card that sent it shows an objection beside its field (or as a notice). */
  const save = async (change: DraftChange): Promise<DraftOrder> => {
    const saved = await saving.mutateAsync({ draftId: draft?.id ?? null, change });
    if (!draft) {
      void navigate({
        to: '/stores/$store/draft-orders/$draftId',
        params: { store: store.handle, draftId: saved.id },
        replace: true,
      });
    }
    return saved;
  };

  const title = draft ? draft.name : 'New draft order';
  const ready = draft !== null && draft.missing.length === 0 && (draft.priced?.lines.length ?? 0) > 0;
  const description = draft
    ? `Created ${formatDateTime(draft.createdAt)}${draft.createdBy ? ` by ${draft.createdBy}` : ''}${
        draft.invoiceSentAt ? ` · invoice sent ${formatDateTime(draft.invoiceSentAt)}` : ''
      }`
    : 'Add the items, the customer and where it goes. It is saved as you go.';

  return (
    <>
      <PageHeader
        title={title}
        badge={draft ? <DraftStatusBadge status={draft.status} /> : null}
        description={description}
        actions={
          <>
            <BackToDrafts />
            {draft && editable ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconMail />}
                  disabled={!ready}
                  onClick={() => setDialog('invoice')}
                >
                  Send invoice
                </Button>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button leftSection={<IconCreditCard />} disabled={!ready}>
                      Collect payment
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setDialog('paid')}>Mark as paid</Menu.Item>
                    <Menu.Item onClick={() => setDialog('pending')}>Payment pending</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button variant="default" rightSection={<IconDots size={16} />}>
                      More
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" onClick={() => setDialog('delete')}>
                      Delete draft
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </>
            ) : null}
          </>
        }
      />
      {draft?.status === 'completed' && draft.order ? (
        <CompletedNotice draft={draft} />
      ) : draft && draft.missing.length > 0 ? (
        <Alert color="gray" variant="light" mb="md" title="Before it can be paid">
          {missingText(draft.missing)}
        </Alert>
      ) : null}
      {open ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <DraftLinesCard draft={draft} editable={editable} save={save} />
              <DraftShippingCard draft={draft} editable={editable} save={save} />
              <DraftSummaryCard draft={draft} editable={editable} save={save} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <DraftCustomerCard draft={draft} editable={editable} save={save} />
          </Grid.Col>
        </Grid>
      ) : null}
      {draft && editable ? (
        <DraftDialogs draft={draft} dialog={dialog} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function CompletedNotice({ draft }: { draft: DraftOrder }) {
  const { store } = useCurrentStore();
  const order = draft.order!;
  return (
    <Alert color="teal" variant="light" title="This draft is an order now" icon={<IconReceipt />}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Order {order.number === null ? '' : `#${order.number}`} ({order.id}) was placed for{' '}
          {formatMoney(order.total, order.currency)}.
        </Text>
        <ButtonLink
          to="/stores/$store/orders/$orderId"
          params={{ store: store.handle, orderId: order.id }}
          size="xs"
        >
          View order
        </ButtonLink>
      </Stack>
    </Alert>
  );
}

/** Sending, collecting the payment and deleting, each behind its own question. */
function DraftDialogs({
  draft,
  dialog,
  onClose,
}: {
  draft: DraftOrder;
  dialog: Dialog;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const navigate = useNavigate();
  const complete = useCompleteDraft(store.handle, draft.id);
  const remove = useDeleteDraft(store.handle, draft.id);
  const total = draft.priced ? formatMoney(draft.priced.totals.total, draft.priced.currency) : '';

  const collect = (paymentPending: boolean) =>
    complete.mutate(
      { paymentPending, ...(draft.priced ? { expectedTotal: draft.priced.totals.total } : {}) },
      {
        onSuccess: ({ order }) => {
          onClose();
          notifySuccess(
            paymentPending
              ? `Order #${order.number} placed; its payment is pending.`
              : `Order #${order.number} placed and paid.`,
          );
          void navigate({
            to: '/stores/$store/orders/$orderId',
            params: { store: store.handle, orderId: order.id },
          });
        },
        onError: (error) => notifyError(error, 'The order could not be placed'),
      },
    );

  return (
    <>
      <SendInvoiceModal draft={draft} opened={dialog === 'invoice'} onClose={onClose} />
      <ConfirmDialog
        opened={dialog === 'paid'}
        title="Mark as paid"
        confirmLabel={`Place order, paid ${total}`}
        danger={false}
        loading={complete.isPending}
        onConfirm={() => collect(false)}
        onCancel={onClose}
      >
        {`You took ${total} yourself (cash, card terminal, transfer received). The order is placed as paid and the stock is sold.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'pending'}
        title="Payment pending"
        confirmLabel="Place order, payment pending"
        danger={false}
        loading={complete.isPending}
        onConfirm={() => collect(true)}
        onCancel={onClose}
      >
        {`The order is placed and the stock is sold; its ${total} stays pending until you mark the payment received on the order.`}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={`Delete ${draft.name}?`}
        confirmLabel="Delete draft"
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              onClose();
              notifySuccess(`${draft.name} deleted.`);
              void navigate({ to: '/stores/$store/draft-orders', params: { store: store.handle } });
            },
            onError: (error) => notifyError(error, 'The draft could not be deleted'),
          })
        }
        onCancel={onClose}
      >
        {draft.invoiceSentAt
          ? 'The customer’s payment link stops working. This cannot be undone.'
          : 'This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
