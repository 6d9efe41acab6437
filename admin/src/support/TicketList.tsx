import { Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../ui/format-date.ts';
import classes from './inbox.module.css';
import { slaBadgeOf } from './sla-badge.ts';
import type { TicketRow } from './support-types.ts';

export const statusColors: Record<string, string> = {
  new: 'blue',
  open: 'red',
  pending: 'yellow',
  solved: 'green',
  closed: 'gray',
};
export const priorityColors: Record<string, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** The inbox's rows: who wrote, about what, its state; the selected one marked. */
export function TicketList({
  rows,
  selectedId,
  onSelect,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  rows: TicketRow[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}): ReactNode {
  return (
    <Stack gap={0} data-testid="ticket-list">
      {rows
        .map((row) => ({ row, sla: slaBadgeOf(row) }))
        .map(({ row, sla }) => (
          <UnstyledButton
            key={row.id}
            className={classes.row}
            data-selected={row.id === selectedId || undefined}
            data-testid="ticket-row"
            onClick={() => onSelect(row.id)}
            aria-current={row.id === selectedId ? 'true' : undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={row.awaitingReply ? 700 : 500} truncate>
                {row.requesterName || row.requesterEmail}
              </Text>
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {formatDateTime(row.lastMessageAt)}
              </Text>
            </Group>
            <Text size="sm" truncate>
              #{row.number} · {row.subject}
            </Text>
            <Group gap={4} mt={4}>
              <Badge size="xs" color={statusColors[row.status]} variant="light">
                {row.status}
              </Badge>
              {row.priority !== 'normal' && (
                <Badge size="xs" color={priorityColors[row.priority]} variant="outline">
                  {row.priority}
                </Badge>
              )}
              {sla && (
                <Badge size="xs" color={sla.color} variant="filled" title={sla.title} data-testid="sla-badge">
                  {sla.label}
                </Badge>
              )}
              {row.awaitingReply && (
                <Badge size="xs" color="red" variant="dot">
                  awaiting reply
                </Badge>
              )}
              {row.tags.slice(0, 3).map((tag) => (
                <Badge key={tag} size="xs" color="gray" variant="outline">
                  {tag}
                </Badge>
              ))}
            </Group>
          </UnstyledButton>
        ))}
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" p="md">
          No tickets here.
        </Text>
      )}
      {hasMore && (
        <Button variant="subtle" m="sm" onClick={onLoadMore} loading={loadingMore}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
