import { Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { formatDateTime } from '../ui/format-date.ts';
import { IconPaperclip } from '../ui/icons.tsx';
import { MailStateBadge } from './MailStateBadge.tsx';
import { mailTime, mailTopicLabel, mailTransportShortLabels } from './mail-labels.ts';
import type { MailSummary } from './mail-types.ts';

/**
 * The outbox's rows, newest first: when, to whom, the subject, what it is about, whether it went
 * (with the last error of a failed or retried one) and how many files it carried. A whole row opens
 * the message; its subject is the keyboard's way in. On a phone the recipient and time fold under
 * the subject.
 */
export function MailTable({ items, onOpen }: { items: MailSummary[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table aria-label="Mail" highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th visibleFrom="sm">When</Table.Th>
            <Table.Th visibleFrom="sm">To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th visibleFrom="md">Topic</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th ta="right">Files</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((message) => {
            const to = message.to.join(', ');
            const when = formatDateTime(mailTime(message));
            return (
              <Table.Tr
                key={message.id}
                onClick={() => onOpen(message.id)}
                style={{ cursor: 'pointer' }}
                data-mail-id={message.id}
              >
                <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{when}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" truncate="end" maw={220} title={to}>
                    {to}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <UnstyledButton
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(message.id);
                    }}
                    aria-label={`Open ${message.subject}`}
                    style={{ minWidth: 0 }}
                  >
                    <Stack gap={0}>
                      <Text size="sm" fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        {message.subject || '(no subject)'}
                      </Text>
                      <Text size="xs" c="dimmed" hiddenFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                        {to} · {when}
                      </Text>
                    </Stack>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Text size="sm" title={message.topic} style={{ whiteSpace: 'nowrap' }}>
                    {mailTopicLabel(message.topic)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MailStateCell message={message} />
                </Table.Td>
                <Table.Td ta="right">
                  {message.attachments.length > 0 ? (
                    <Group
                      gap={4}
                      justify="flex-end"
                      wrap="nowrap"
                      aria-label={`${message.attachments.length} ${message.attachments.length === 1 ? 'attachment' : 'attachments'}`}
                    >
                      <IconPaperclip size={14} />
                      <Text size="sm">{message.attachments.length}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed" aria-label="No attachments">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The badge, how it went, and why the last attempt failed (in full on hover). */
function MailStateCell({ message }: { message: MailSummary }) {
  return (
    <Stack gap={2} align="flex-start">
      <MailStateBadge state={message.state} />
      {message.transport && message.state === 'sent' ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {mailTransportShortLabels[message.transport]}
        </Text>
      ) : null}
      {message.lastError ? (
        <Tooltip label={message.lastError} multiline w={320} withArrow>
          <Text size="xs" c="red.7" lineClamp={3} maw={260} style={{ overflowWrap: 'anywhere' }}>
            {message.state === 'queued' ? `Retrying: ${message.lastError}` : message.lastError}
          </Text>
        </Tooltip>
      ) : null}
    </Stack>
  );
}
