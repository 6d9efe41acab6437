import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconDownload } from '../ui/icons.tsx';
import { mailAttachmentUrl } from './purchasing-queries.ts';
import type { MailSummary } from './purchasing-types.ts';

const mailStateLabels: Record<string, string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed' };

/** The e-mail sent for the order: to whom, whether it went, and the attached order to download. */
export function PurchaseOrderMail({ mail }: { mail: MailSummary[] }) {
  const { store } = useCurrentStore();
  if (mail.length === 0) return null;
  return (
    <Card withBorder radius="md">
      <Title order={3} size="h4" mb="sm">
        E-mail to the supplier
      </Title>
      <Stack gap="sm">
        {mail.map((message) => (
          <Stack key={message.id} gap={2} aria-label={`Mail ${message.subject}`}>
            <Text size="sm">
              <b>{mailStateLabels[message.state] ?? message.state}</b> to {message.to.join(', ')} ·{' '}
              {formatDateTime(message.sentAt ?? message.createdAt)}
            </Text>
            <Text size="sm" c="dimmed">
              {message.subject}
            </Text>
            <Group gap="md">
              {message.attachments.map((attachment) => (
                <Anchor
                  key={attachment.index}
                  size="sm"
                  href={mailAttachmentUrl(store.handle, message.id, attachment.index)}
                  target="_blank"
                  rel="noopener"
                >
                  <Group gap={4} component="span">
                    <IconDownload size={14} />
                    {attachment.filename}
                  </Group>
                </Anchor>
              ))}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
