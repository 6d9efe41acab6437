import { Alert, Badge, Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { IconPlus } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../ui/router-links.tsx';
import { NewsletterProgress } from './NewsletterProgress.tsx';
import { type Newsletter, statusWords } from './newsletter-types.ts';
import { newslettersQuery } from './newsletters-queries.ts';

/** A rate of the tracked recipients, or a dash when nobody's opens could be counted. */
const rate = (count: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * count) / of)} %`);

function when(n: Newsletter): string {
  if (n.status === 'sent' || n.status === 'cancelled') return formatDateTime(n.finishedAt);
  if (n.status === 'scheduled') return `for ${formatDateTime(n.scheduledAt)}`;
  if (n.status === 'sending') return `since ${formatDateTime(n.startedAt)}`;
  return `edited ${formatDateTime(n.updatedAt)}`;
}

/**
 * The store's newsletters with their status and figures: recipients, sent, opens and clicks
 * (unique, of the recipients whose opens may be counted) and unsubscribes (docs/newsletters.md).
 */
export function NewslettersScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const list = useQuery(newslettersQuery(store.handle));
  return (
    <>
      <PageHeader
        title="Newsletters"
        description="E-mail to customers who agreed to it: consent is checked again for each message as it goes out."
        actions={
          can('newsletters:write') && (
            <ButtonLink
              to="/stores/$store/newsletters/$newsletterId"
              params={{ store: store.handle, newsletterId: 'new' }}
              leftSection={<IconPlus />}
            >
              New newsletter
            </ButtonLink>
          )
        }
      />
      {list.isPending ? (
        <ListSkeleton label="Loading newsletters" />
      ) : list.isError ? (
        <LoadFailed what="The newsletters" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Alert>No newsletters yet.</Alert>
      ) : (
        <Card withBorder padding={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Subject</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Recipients</Table.Th>
                <Table.Th ta="right">Sent</Table.Th>
                <Table.Th ta="right">Opens</Table.Th>
                <Table.Th ta="right">Clicks</Table.Th>
                <Table.Th ta="right">Unsubscribes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/stores/$store/newsletters/$newsletterId"
                      params={{ store: store.handle, newsletterId: n.id }}
                      fw={500}
                    >
                      {n.subject}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {when(n)}
                    </Text>
                    {n.status === 'sending' ? <NewsletterProgress figures={n.figures} /> : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusWords[n.status].color} variant="light">
                      {statusWords[n.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{n.figures.recipients}</Table.Td>
                  <Table.Td ta="right">{n.figures.sent}</Table.Td>
                  <Table.Td ta="right">
                    {n.figures.uniqueOpens}
                    <Text size="xs" c="dimmed">
                      {rate(n.figures.uniqueOpens, n.figures.tracked)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {n.figures.uniqueClicks}
                    <Text size="xs" c="dimmed">
                      {rate(n.figures.uniqueClicks, n.figures.tracked)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{n.figures.unsubscribes}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
