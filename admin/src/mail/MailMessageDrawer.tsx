import { Alert, Anchor, Drawer, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatBytes } from '../products/import/import-stage.ts';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconDownload } from '../ui/icons.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { MailStateBadge } from './MailStateBadge.tsx';
import { mailEntityTypeLabel, mailTopicLabel, mailTransportLabels } from './mail-labels.ts';
import { mailAttachmentUrl, mailMessageQuery } from './mail-queries.ts';
import type { MailMessage } from './mail-types.ts';

/** One message of the outbox, open while `messageId` is set (the address holds it, so back closes it). */
export function MailMessageDrawer({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  return (
    <Drawer
      opened={messageId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title="Message"
      closeButtonProps={{ 'aria-label': 'Close message' }}
    >
      {messageId ? <MailMessageView messageId={messageId} /> : null}
    </Drawer>
  );
}

function MailMessageView({ messageId }: { messageId: string }) {
  const { store } = useCurrentStore();
  const query = useQuery(mailMessageQuery(store.handle, messageId));

  if (query.isError) {
    return (
      <Alert color="red" variant="light" role="alert" title="This message could not be shown">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending) {
    return (
      <Stack aria-busy="true" aria-label="Loading the message">
        <Skeleton height={32} />
        <Skeleton height={200} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  const message = query.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {message.subject || '(no subject)'}
        </Title>
        <Group gap="xs">
          <MailStateBadge state={message.state} />
        </Group>
      </Stack>

      <MailHeaders message={message} />

      <Section title="Attachments">
        <MailAttachments message={message} />
      </Section>

      <Section title="Text">
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
          {/* Shown as text, never as markup: React escapes it, and the HTML version is not rendered. */}
          <Text
            component="pre"
            size="sm"
            aria-label="Message text"
            m={0}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
          >
            {message.text || '(no text)'}
          </Text>
        </Paper>
        {message.html ? (
          <Text size="xs" c="dimmed">
            An HTML version was sent too; it is not shown here.
          </Text>
        ) : null}
      </Section>
    </Stack>
  );
}

/** The files sent with it, each a download link with its size and type. */
function MailAttachments({ message }: { message: MailMessage }) {
  const { store } = useCurrentStore();
  if (message.attachments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No files attached.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {message.attachments.map((attachment) => (
        <Group key={attachment.index} gap="xs" wrap="nowrap">
          <Anchor
            size="sm"
            href={mailAttachmentUrl(store.handle, message.id, attachment.index)}
            download={attachment.filename}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={14} />
              {attachment.filename}
            </Group>
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatBytes(attachment.sizeBytes)} · {attachment.contentType}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Who sent it to whom, when, and how sending went: the headers an operator asks about. */
function MailHeaders({ message }: { message: MailMessage }) {
  return (
    <Table
      variant="vertical"
      layout="fixed"
      withTableBorder
      verticalSpacing={6}
      fz="sm"
      aria-label="Message details"
    >
      <Table.Tbody>
        <HeaderRow label="From">{message.from}</HeaderRow>
        <HeaderRow label="To">{message.to.join(', ')}</HeaderRow>
        <HeaderRow label="Reply-To">{message.replyTo ?? <Dimmed>—</Dimmed>}</HeaderRow>
        <HeaderRow label="Queued">{formatDateTime(message.createdAt)}</HeaderRow>
        <HeaderRow label="Sent">
          {message.sentAt ? formatDateTime(message.sentAt) : <Dimmed>Not yet</Dimmed>}
        </HeaderRow>
        <HeaderRow label="Message-ID">
          {message.messageId ? (
            <Text span size="sm" ff="monospace">
              {message.messageId}
            </Text>
          ) : (
            <Dimmed>Given when it is sent</Dimmed>
          )}
        </HeaderRow>
        <HeaderRow label="Transport">
          {message.transport ? mailTransportLabels[message.transport] : <Dimmed>Not tried yet</Dimmed>}
        </HeaderRow>
        <HeaderRow label="Attempts">{message.attempts}</HeaderRow>
        <HeaderRow label="Last error">
          {message.lastError ? (
            <Text span size="sm" c="red.7">
              {message.lastError}
            </Text>
          ) : (
            <Dimmed>None</Dimmed>
          )}
        </HeaderRow>
        <HeaderRow label="Topic">{mailTopicLabel(message.topic)}</HeaderRow>
        <HeaderRow label="About">
          <MailEntity message={message} />
        </HeaderRow>
      </Table.Tbody>
    </Table>
  );
}

function HeaderRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={124}>{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The record the message is about: a link where the console has a page for it. */
function MailEntity({ message }: { message: MailMessage }) {
  const { store, can } = useCurrentStore();
  if (!message.entityType || !message.entityId) return <Dimmed>—</Dimmed>;
  if (message.entityType === 'purchase_order' && can('purchasing:read')) {
    return (
      <AnchorLink
        to="/stores/$store/purchasing/$purchaseOrderId"
        params={{ store: store.handle, purchaseOrderId: message.entityId }}
        size="sm"
      >
        Open the purchase order
      </AnchorLink>
    );
  }
  return (
    <Text span size="sm">
      {mailEntityTypeLabel(message.entityType)}{' '}
      <Text span size="sm" ff="monospace">
        {message.entityId}
      </Text>
    </Text>
  );
}

function Dimmed({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
