import { Button, Card, Group, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDate } from '../ui/format-date.ts';
import {
  IconCheck,
  IconCreditCard,
  IconMail,
  IconPencil,
  IconReceipt,
  IconReturn,
  IconTag,
  IconTruck,
  IconX,
} from '../ui/icons.tsx';
import { useFormErrors } from '../ui/use-form-errors.ts';
import { useOrderAction } from './order-queries.ts';
import type { OrderDetail, OrderEvent } from './order-types.ts';

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The bullet of each kind of entry (see the orders module's OrderEventKind). */
const kindLooks: Record<string, { icon: ReactNode; color: string }> = {
  placed: { icon: <IconReceipt size={12} />, color: 'indigo' },
  created: { icon: <IconReceipt size={12} />, color: 'indigo' },
  payment: { icon: <IconCreditCard size={12} />, color: 'teal' },
  fulfilment: { icon: <IconTruck size={12} />, color: 'blue' },
  delivery: { icon: <IconTruck size={12} />, color: 'green' },
  refund: { icon: <IconCreditCard size={12} />, color: 'grape' },
  return: { icon: <IconReturn size={12} />, color: 'orange' },
  cancelled: { icon: <IconX size={12} />, color: 'red' },
  completed: { icon: <IconCheck size={12} />, color: 'teal' },
  reopened: { icon: <IconReturn size={12} />, color: 'gray' },
  edited: { icon: <IconPencil size={12} />, color: 'gray' },
  note: { icon: <IconPencil size={12} />, color: 'gray' },
  tags: { icon: <IconTag size={12} />, color: 'gray' },
  email: { icon: <IconMail size={12} />, color: 'cyan' },
};

/**
 * What happened to the order, newest first and by day: transitions, e-mails sent, staff notes (in a
 * bubble, as they are people's words). Members who may work the order write notes at the top.
 */
export function OrderTimeline({ order }: { order: OrderDetail }) {
  const { can } = useCurrentStore();
  const days = byDay([...order.events].reverse());
  return (
    <Card withBorder radius="md">
      <Title order={3} size="h5" mb="sm">
        Timeline
      </Title>
      {can('orders:write') ? <NoteBox orderId={order.id} /> : null}
      <Stack gap="md" mt="md" aria-label="Timeline" role="list">
        {days.map(([day, events]) => (
          <Stack key={day} gap="xs" role="listitem">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {day}
            </Text>
            <Timeline bulletSize={22} lineWidth={2}>
              {events.map((event) => {
                const look = kindLooks[event.kind] ?? { icon: null, color: 'gray' };
                return (
                  <Timeline.Item
                    key={event.id}
                    bullet={look.icon}
                    color={look.color}
                    data-kind={event.kind}
                    title={
                      <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                        {event.kind === 'note' ? (
                          <Text size="sm" fw={500}>
                            {event.actorLabel} added a note
                          </Text>
                        ) : (
                          <Text size="sm">{event.message}</Text>
                        )}
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {time.format(new Date(event.createdAt))}
                        </Text>
                      </Group>
                    }
                  >
                    {event.kind === 'note' ? (
                      <Paper withBorder bg="gray.0" p="xs" mt={4} radius="md">
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {event.message}
                        </Text>
                      </Paper>
                    ) : event.actorLabel && !/^(system|checkout|storefront)/i.test(event.actorLabel) ? (
                      <Text size="xs" c="dimmed">
                        by {event.actorLabel}
                      </Text>
                    ) : null}
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** Events grouped by the day they happened (in the reader's time zone), keeping their order. */
function byDay(events: OrderEvent[]): [string, OrderEvent[]][] {
  const days = new Map<string, OrderEvent[]>();
  for (const event of events) {
    const day = formatDate(event.createdAt);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  return [...days];
}

function NoteBox({ orderId }: { orderId: string }) {
  const { store } = useCurrentStore();
  const post = useOrderAction(store.handle, orderId);
  const [text, setText] = useState('');
  const form = useFormErrors<'text'>({ text: 'text' });
  const submit = () => {
    if (!form.showFound(text.trim() ? {} : { text: 'Write something first.' })) return;
    post.mutate(
      { path: '/notes', body: { text: text.trim() } },
      { onSuccess: () => setText(''), onError: form.showServerError },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          aria-label="Note"
          placeholder="Leave a note for your team (customers never see it)"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit();
          }}
          error={form.errors.text ?? form.general}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="default" loading={post.isPending} disabled={!text.trim()}>
            Post note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
