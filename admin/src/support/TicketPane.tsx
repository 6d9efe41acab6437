import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, type Ref, useEffect, useRef } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import classes from './inbox.module.css';
import { ReplyBox, type ReplyBoxHandle } from './ReplyBox.tsx';
import { ticketDetailQuery } from './support-queries.ts';
import { TicketControls } from './TicketControls.tsx';
import { TicketSidebar } from './TicketSidebar.tsx';
import { TicketThread } from './TicketThread.tsx';

/** One ticket: its header and controls, the thread, the reply box, and the customer beside it. */
export function TicketPane({
  ticketId,
  replyRef,
  onOpenTicket,
}: {
  ticketId: string;
  replyRef: Ref<ReplyBoxHandle>;
  onOpenTicket: (id: string) => void;
}): ReactNode {
  const { store, can } = useCurrentStore();
  const detail = useQuery(ticketDetailQuery(store.handle, ticketId));
  const localReply = useRef<ReplyBoxHandle>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const count = detail.data?.messages.length ?? 0;
  // A new message (the agent's own, or one found after a collision) is brought into view.
  useEffect(() => {
    if (count > 0) bottom.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);

  if (detail.isPending) return <Text c="dimmed">Loading the ticket…</Text>;
  if (detail.isError) return <Alert color="red">This ticket could not be loaded.</Alert>;
  const { ticket, messages } = detail.data;
  const setRefs = (handle: ReplyBoxHandle | null) => {
    localReply.current = handle;
    if (typeof replyRef === 'function') replyRef(handle);
    else if (replyRef) (replyRef as { current: ReplyBoxHandle | null }).current = handle;
  };

  return (
    <div className={classes.ticket} data-testid="ticket-pane">
      <Stack gap="md" style={{ minWidth: 0 }}>
        <Stack gap={4}>
          <Title order={3}>
            #{ticket.number} · {ticket.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {ticket.requesterName
              ? `${ticket.requesterName} <${ticket.requesterEmail}>`
              : ticket.requesterEmail}{' '}
            · via {ticket.channel.replace('_', ' ')}
          </Text>
        </Stack>
        {ticket.mergedIntoId && (
          <Alert color="gray">
            Merged into another ticket.{' '}
            <Text component="button" c="blue" size="sm" onClick={() => onOpenTicket(ticket.mergedIntoId!)}>
              Open it
            </Text>
          </Alert>
        )}
        <TicketControls ticket={ticket} onMerged={onOpenTicket} />
        <TicketThread store={store.handle} messages={messages} />
        <div ref={bottom} />
        {ticket.status !== 'closed' && !ticket.mergedIntoId ? (
          <ReplyBox
            key={ticket.id}
            ref={setRefs}
            store={store.handle}
            detail={detail.data}
            writable={can('support:write')}
          />
        ) : (
          <Group>
            <Text size="sm" c="dimmed">
              This ticket is closed.
            </Text>
          </Group>
        )}
      </Stack>
      <TicketSidebar ticketId={ticket.id} onInsert={(text) => localReply.current?.insert(text)} />
    </div>
  );
}
