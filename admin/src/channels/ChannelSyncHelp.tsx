import {
  ActionIcon,
  Anchor,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconCheck, IconCopy, IconExternalLink } from '../ui/icons.tsx';
import { AnchorLink } from '../ui/router-links.tsx';
import { channelStockPath } from './channel-queries.ts';
import type { SalesChannel } from './channel-types.ts';

/** The webhook event a channel's changes go out as (src/modules/inventory/channels/sync-channel-stock.ts). */
const levelChangedEvent = 'inventory.level_changed';

/**
 * How another system (a marketplace connector, an ERP) keeps in step with this channel: it pulls
 * the JSON list with an API key, or is pushed every change as a webhook event.
 */
export function ChannelSyncHelp({ channel }: { channel: SalesChannel }) {
  const { store, can } = useCurrentStore();
  const url = `${window.location.origin}${channelStockPath(store.handle, channel.id)}`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="channel-sync-title">
      <Stack gap="md">
        <Title order={3} size="h5" id="channel-sync-title">
          Connecting other systems
        </Title>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            They ask: the stock as JSON
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, minWidth: 0, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {url}
            </Code>
            <CopyButton value={url} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy address'}>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    onClick={copy}
                    aria-label="Copy the stock address"
                    color={copied ? 'teal' : undefined}
                  >
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send an API key with the <Code>inventory:read</Code> permission as{' '}
            <Code>Authorization: Bearer sp_live_…</Code>. To stay in step, ask with{' '}
            <Code>?updatedSince=</Code> the time your last request started, and follow <Code>nextCursor</Code>{' '}
            until it is empty.{' '}
            {can('apikeys:read') ? (
              <AnchorLink to="/stores/$store/api-keys" params={{ store: store.handle }} size="sm">
                Manage API keys
              </AnchorLink>
            ) : null}
          </Text>
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            They are told: a webhook for every change
          </Text>
          <Text size="sm" c="dimmed">
            Whenever what this channel may sell of a variant changes, Storepilot sends the webhook event{' '}
            <Code>{levelChangedEvent}</Code> with the channel, the variant and its SKU, the new and the
            previous quantity, and whether the variant sells on backorder. Webhook endpoints are added through
            the API (<Code>/webhooks</Code>, permission <Code>webhooks:write</Code>).{' '}
            <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="sm">
              <Group component="span" gap={4} wrap="nowrap" display="inline-flex">
                API reference
                <IconExternalLink size={14} />
              </Group>
            </Anchor>
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}
