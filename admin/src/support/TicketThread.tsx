import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { storeApiPath } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import classes from './inbox.module.css';
import type { TicketMessage } from './support-types.ts';

const kindWords = { inbound: 'Customer', outbound: 'Answer', note: 'Internal note' } as const;
const kindColors = { inbound: 'gray', outbound: 'blue', note: 'yellow' } as const;

/**
 * The ticket's messages, oldest first: the customer's on the left, answers on the right in blue,
 * internal notes dashed in yellow. Text is shown as text; a mail's sanitised HTML only on request,
 * in a sandboxed frame (no scripts, no same-origin access), so nothing in a message runs here.
 */
export function TicketThread({ store, messages }: { store: string; messages: TicketMessage[] }): ReactNode {
  return (
    <Stack gap="sm" data-testid="ticket-thread">
      {messages.map((message) => (
        <ThreadMessage key={message.id} store={store} message={message} />
      ))}
    </Stack>
  );
}

function ThreadMessage({ store, message }: { store: string; message: TicketMessage }): ReactNode {
  const [formatted, setFormatted] = useState(false);
  return (
    <div className={classes.message} data-kind={message.kind} data-testid="thread-message">
      <Group justify="space-between" gap="xs" mb={4} style={{ whiteSpace: 'normal' }}>
        <Group gap={6}>
          <Badge size="xs" color={kindColors[message.kind]} variant="light">
            {kindWords[message.kind]}
          </Badge>
          <Text size="sm" fw={600}>
            {message.authorLabel}
          </Text>
        </Group>
        <Group gap={6}>
          {message.bodyHtml && (
            <Button size="compact-xs" variant="subtle" onClick={() => setFormatted(!formatted)}>
              {formatted ? 'Show text' : 'Show formatted'}
            </Button>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
        </Group>
      </Group>
      {formatted && message.bodyHtml ? (
        <iframe
          className={classes.htmlFrame}
          title={`Message from ${message.authorLabel}`}
          sandbox=""
          srcDoc={message.bodyHtml}
          referrerPolicy="no-referrer"
        />
      ) : (
        <Text size="sm" component="div">
          {message.bodyText}
        </Text>
      )}
      {message.attachments.length > 0 && (
        <Group gap="xs" mt={6} style={{ whiteSpace: 'normal' }}>
          {message.attachments.map((a) => (
            <Anchor
              key={a.id}
              size="xs"
              href={storeApiPath(store, `/support/attachments/${encodeURIComponent(a.id)}`)}
            >
              📎 {a.filename} ({Math.max(1, Math.round(a.size / 1024))} KB)
            </Anchor>
          ))}
        </Group>
      )}
    </div>
  );
}
