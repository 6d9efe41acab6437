import { Alert, Button, Card, Code, EmptyState, Group, Select, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCurrentStore } from '../stores/current-store.tsx';
import { IconMail } from '../ui/icons.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';
import { LoadFailed } from '../ui/LoadFailed.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { MailMessageDrawer } from './MailMessageDrawer.tsx';
import { MailTable } from './MailTable.tsx';
import { mailStateLabels } from './mail-labels.ts';
import { mailListQuery } from './mail-queries.ts';
import type { MailSearch } from './mail-search.ts';
import { type MailState, type MailSummary, mailStates } from './mail-types.ts';

const mailRoute = getRouteApi('/signed-in/stores/$store/mail');

/**
 * The store's outbox: every message it sent or is sending, newest first, filtered by state, and a
 * drawer to read one. Without SMTP set up this is where a new installation's mail is read.
 * (The return type is written out: the router's types include the screens'; see InventoryScreen.)
 */
export function MailScreen(): ReactNode {
  const { store } = useCurrentStore();
  const search = mailRoute.useSearch();
  const navigate = mailRoute.useNavigate();
  const list = useInfiniteQuery(mailListQuery(store.handle, search.state));
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const change = (next: Partial<MailSearch>) => void navigate({ search: (prev) => ({ ...prev, ...next }) });

  return (
    <>
      <PageHeader
        title="Mail"
        description="Every e-mail this store sent or is sending, newest first: to whom, whether it went, and what it said."
      />
      <Stack gap="md">
        <DevelopmentTransportNotice items={items} />
        <Group gap="sm">
          <Select
            aria-label="State"
            placeholder="All states"
            data={mailStates.map((value) => ({ value, label: mailStateLabels[value] }))}
            value={search.state ?? null}
            onChange={(value) => change({ state: (value as MailState | null) ?? undefined })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <Card withBorder padding={0} radius="md">
          {list.isError ? (
            <LoadFailed what="The mail" error={list.error} onRetry={() => void list.refetch()} inset />
          ) : list.isPending ? (
            <ListSkeleton label="Loading mail" rows={5} />
          ) : items.length === 0 ? (
            search.state ? (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconMail size={28} />}
                title={`No ${mailStateLabels[search.state].toLowerCase()} mail`}
                description="Clear the filter to see every message."
              />
            ) : (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconMail size={28} />}
                title="No mail yet"
                description={
                  <>
                    E-mail the store sends shows up here, such as a purchase order sent to a supplier with its
                    PDF or CSV. Until an SMTP server is set up (<Code>STOREPILOT_SMTP_URL</Code>), nothing
                    leaves this machine: each message is kept here for you to read instead.
                  </>
                }
              />
            )
          ) : (
            <MailTable items={items} onOpen={(message) => change({ message })} />
          )}
          {list.hasNextPage ? (
            <Group
              justify="center"
              p="md"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
            >
              <Button
                variant="default"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Load older mail
              </Button>
            </Group>
          ) : null}
        </Card>
      </Stack>
      <MailMessageDrawer messageId={search.message ?? null} onClose={() => change({ message: undefined })} />
    </>
  );
}

/**
 * Says plainly that mail is not being delivered when the newest message that went anywhere went to
 * the development transport (the server's current setting, as far as the list can tell).
 */
function DevelopmentTransportNotice({ items }: { items: MailSummary[] }) {
  const latest = items.find((message) => message.transport !== null);
  if (latest?.transport !== 'development') return null;
  return (
    <Alert color="blue" variant="light" title="Mail is not leaving this machine">
      No SMTP server is set up (<Code>STOREPILOT_SMTP_URL</Code>), so messages are kept here instead of being
      delivered. Open one to read it and download its attachments.
    </Alert>
  );
}
