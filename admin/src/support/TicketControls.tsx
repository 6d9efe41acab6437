import { Button, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api } from '../api/http.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { storeApiPath, useCurrentStore } from '../stores/current-store.tsx';
import { membersQuery } from '../team/team-queries.ts';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { useChangeTicket, useMergeTicket } from './support-queries.ts';
import { type Ticket, type TicketPage, ticketPriorities, ticketStatuses } from './support-types.ts';

/** Nothing goes back to `new`, and `closed` is final (the server's state machine). */
function statusOptions(current: Ticket['status']) {
  return ticketStatuses
    .filter((s) => s === current || (s !== 'new' && current !== 'closed'))
    .map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }));
}

/** Status, priority, assignee and tags of the open ticket, and merging it into another. */
export function TicketControls({
  ticket,
  onMerged,
}: {
  ticket: Ticket;
  onMerged: (id: string) => void;
}): ReactNode {
  const { store, can } = useCurrentStore();
  const { data: session } = useSuspenseQuery(sessionQuery);
  const members = useQuery({ ...membersQuery(store.handle), enabled: can('team:read') });
  const change = useChangeTicket(store.handle, ticket.id);
  const [merging, setMerging] = useState(false);
  const writable = can('support:write') && ticket.status !== 'closed';
  const save = (input: Parameters<typeof change.mutate>[0], done: string) =>
    change.mutate(input, {
      onSuccess: () => notifySuccess(done),
      onError: (error) => notifyError(error, 'The ticket was not changed'),
    });

  const me = session.user.id;
  const people = new Map<string, string>([[me, `Me (${session.user.name || session.user.email})`]]);
  for (const m of members.data ?? []) if (m.userId !== me) people.set(m.userId, m.name || m.email);
  if (ticket.assigneeId && !people.has(ticket.assigneeId)) people.set(ticket.assigneeId, 'A colleague');
  const assignees = [
    { value: 'none', label: 'Unassigned' },
    ...[...people].map(([value, label]) => ({ value, label })),
  ];

  return (
    <Group gap="xs" align="flex-end">
      <Select
        size="xs"
        label="Status"
        data={statusOptions(ticket.status)}
        value={ticket.status}
        disabled={!writable}
        allowDeselect={false}
        onChange={(status) => status && status !== ticket.status && save({ status }, `Ticket ${status}.`)}
        w={104}
      />
      <Select
        size="xs"
        label="Priority"
        data={ticketPriorities.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))}
        value={ticket.priority}
        disabled={!writable}
        allowDeselect={false}
        onChange={(priority) => priority && save({ priority }, 'Priority changed.')}
        w={96}
      />
      <Select
        size="xs"
        label="Assignee"
        data={assignees}
        value={ticket.assigneeId ?? 'none'}
        disabled={!writable}
        allowDeselect={false}
        onChange={(id) => save({ assigneeId: id === 'none' ? null : id }, 'Assignee changed.')}
        w={150}
      />
      <TagsInput
        size="xs"
        label="Tags"
        value={ticket.tags}
        disabled={!writable}
        onChange={(tags) => save({ tags }, 'Tags saved.')}
        w={170}
        clearable
      />
      {writable && (
        <Button size="xs" variant="default" onClick={() => setMerging(true)}>
          Merge…
        </Button>
      )}
      {merging && (
        <MergeModal
          ticket={ticket}
          onClose={() => setMerging(false)}
          onMerged={(id) => {
            setMerging(false);
            onMerged(id);
          }}
        />
      )}
    </Group>
  );
}

function MergeModal({
  ticket,
  onClose,
  onMerged,
}: {
  ticket: Ticket;
  onClose: () => void;
  onMerged: (id: string) => void;
}): ReactNode {
  const { store } = useCurrentStore();
  const [number, setNumber] = useState('');
  const merge = useMergeTicket(store.handle, ticket.id);
  const wanted = number.replace(/^#/, '').trim();
  const target = useQuery({
    queryKey: ['stores', store.handle, 'support', 'merge-target', wanted],
    queryFn: async () =>
      (
        await api.get<TicketPage>(storeApiPath(store.handle, '/support/tickets'), {
          q: `#${wanted}`,
          limit: 1,
        })
      ).items[0] ?? null,
    enabled: /^\d+$/.test(wanted),
  });
  const into = target.data && target.data.id !== ticket.id ? target.data : null;
  return (
    <Modal opened onClose={onClose} title={`Merge #${ticket.number} into another ticket`}>
      <Stack>
        <TextInput
          label="Ticket number"
          placeholder="#1042"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          data-autofocus
        />
        {into ? (
          <Text size="sm">
            Into #{into.number} · {into.subject} ({into.requesterEmail}). This ticket’s messages move there
            and it is closed.
          </Text>
        ) : (
          wanted &&
          !target.isFetching && (
            <Text size="sm" c="dimmed">
              No other ticket with this number.
            </Text>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!into}
            loading={merge.isPending}
            onClick={() =>
              into &&
              merge.mutate(into.id, {
                onSuccess: () => {
                  notifySuccess(`Merged into #${into.number}.`);
                  onMerged(into.id);
                },
                onError: (error) => notifyError(error, 'The tickets were not merged'),
              })
            }
          >
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
