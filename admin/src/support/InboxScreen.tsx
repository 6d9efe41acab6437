import { Button, Group, SegmentedControl, Select, Tabs, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/http.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { storeApiPath, useCurrentStore } from '../stores/current-store.tsx';
import { IconSearch } from '../ui/icons.tsx';
import { notifyError, notifySuccess } from '../ui/notify.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { ButtonLink } from '../ui/router-links.tsx';
import { useSearchParamInput } from '../ui/use-search-param-input.ts';
import classes from './inbox.module.css';
import { type InboxSearch, type InboxTab, inboxTabs, statusFilterOf } from './inbox-search.ts';
import type { ReplyBoxHandle } from './ReplyBox.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { supportKey, ticketContextQuery, ticketDetailQuery, ticketListQuery } from './support-queries.ts';
import { ticketPriorities } from './support-types.ts';
import { TicketList } from './TicketList.tsx';
import { TicketPane } from './TicketPane.tsx';

const inboxRoute = getRouteApi('/signed-in/stores/$store/support');

const tabWords: Record<InboxTab, string> = {
  unsolved: 'Unsolved',
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  solved: 'Solved',
  closed: 'Closed',
};

/** Typing in a field is not a shortcut. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * The support inbox (docs/support.md): the list on the left (status tabs, mine / unassigned,
 * priority, tag, search, "Load more" by keyset), the open ticket on the right with its thread,
 * reply box and the customer's orders. Keyboard: j/k, r, n, e, /, ?.
 */
export function InboxScreen(): ReactNode {
  const { store, can } = useCurrentStore();
  const { data: session } = useSuspenseQuery(sessionQuery);
  const search = inboxRoute.useSearch();
  const navigate = inboxRoute.useNavigate();
  const client = useQueryClient();
  const change = (next: Partial<InboxSearch>, replace = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace });
  const tab = search.tab ?? 'unsolved';
  const filter = {
    status: statusFilterOf(tab),
    ...(search.assignee === 'mine'
      ? { assignee: session.user.id }
      : search.assignee === 'none'
        ? { assignee: 'none' }
        : {}),
    ...(search.priority ? { priority: search.priority } : {}),
    ...(search.tag ? { tag: search.tag } : {}),
    ...(search.sla ? { sla: search.sla } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
  const list = useInfiniteQuery(ticketListQuery(store.handle, filter));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selected = search.ticket;
  const reply = useRef<ReplyBoxHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [q, setQ] = useSearchParamInput(search.q ?? '', (value) => change({ q: value || undefined }, true));

  const open = (id: string | undefined) => change({ ticket: id }, true);

  // The first ticket opens by itself when none is chosen, so j/k and r work at once.
  const firstId = rows[0]?.id;
  useEffect(() => {
    if (!selected && firstId)
      void navigate({ search: (prev) => ({ ...prev, ticket: firstId }), replace: true });
  }, [selected, firstId, navigate]);

  // The tickets either side of the open one are read ahead, so j and k show them at once.
  const index = rows.findIndex((r) => r.id === selected);
  const neighbours = [rows[index + 1]?.id, rows[index - 1]?.id].filter((id): id is string => !!id).join(',');
  useEffect(() => {
    for (const id of neighbours ? neighbours.split(',') : []) {
      void client.prefetchQuery(ticketDetailQuery(store.handle, id));
      void client.prefetchQuery(ticketContextQuery(store.handle, id));
    }
  }, [neighbours, client, store.handle]);

  const solve = async () => {
    if (!selected || !can('support:write')) return;
    try {
      await api.patch(storeApiPath(store.handle, `/support/tickets/${encodeURIComponent(selected)}`), {
        status: 'solved',
      });
      await client.invalidateQueries({ queryKey: supportKey(store.handle) });
      notifySuccess('Ticket solved.');
    } catch (error) {
      notifyError(error, 'The ticket was not solved');
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
      switch (event.key) {
        case 'j':
          if (rows[index + 1]) open(rows[index + 1]!.id);
          else if (list.hasNextPage) void list.fetchNextPage();
          break;
        case 'k':
          if (index > 0) open(rows[index - 1]!.id);
          break;
        case 'r':
          reply.current?.focus('reply');
          break;
        case 'n':
          reply.current?.focus('note');
          break;
        case 'e':
          void solve();
          break;
        case '/':
          searchInput.current?.focus();
          break;
        case '?':
          setHelp(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <PageHeader
        title="Inbox"
        description="Every customer message in one place. Press ? for keyboard shortcuts."
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={() => setHelp(true)}>
              Shortcuts
            </Button>
            <ButtonLink variant="default" to="/stores/$store/support/macros" params={{ store: store.handle }}>
              Macros
            </ButtonLink>
          </Group>
        }
      />
      <Tabs
        value={tab}
        onChange={(t) => change({ tab: t === 'unsolved' ? undefined : (t as InboxTab), ticket: undefined })}
      >
        <Tabs.List mb="sm">
          {inboxTabs.map((t) => (
            <Tabs.Tab key={t} value={t}>
              {tabWords[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group gap="xs" mb="sm">
        <SegmentedControl
          size="xs"
          value={search.assignee ?? 'any'}
          onChange={(v) =>
            change({ assignee: v === 'any' ? undefined : (v as 'mine' | 'none'), ticket: undefined })
          }
          data={[
            { value: 'any', label: 'Anyone' },
            { value: 'mine', label: 'Mine' },
            { value: 'none', label: 'Unassigned' },
          ]}
        />
        <Select
          size="xs"
          aria-label="Priority"
          placeholder="Any priority"
          data={ticketPriorities.map((p) => ({ value: p, label: p[0]!.toUpperCase() + p.slice(1) }))}
          value={search.priority ?? null}
          onChange={(p) =>
            change({ priority: (p as InboxSearch['priority']) ?? undefined, ticket: undefined })
          }
          clearable
          w={140}
        />
        <Select
          size="xs"
          aria-label="SLA"
          placeholder="Any SLA"
          data={[
            { value: 'breached', label: 'SLA breached' },
            { value: 'due_soon', label: 'SLA due soon' },
          ]}
          value={search.sla ?? null}
          onChange={(v) => change({ sla: (v as InboxSearch['sla']) ?? undefined, ticket: undefined })}
          clearable
          w={140}
        />
        <TextInput
          size="xs"
          aria-label="Tag"
          placeholder="Tag"
          defaultValue={search.tag ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter')
              change({ tag: e.currentTarget.value.trim().toLowerCase() || undefined, ticket: undefined });
          }}
          w={120}
        />
        <TextInput
          ref={searchInput}
          size="xs"
          aria-label="Search tickets"
          placeholder="Search subject, e-mail or #number  ( / )"
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
          w={300}
        />
      </Group>
      <div className={classes.layout}>
        <div className={classes.listPane}>
          {list.isPending ? (
            <TicketList
              rows={[]}
              selectedId={undefined}
              onSelect={open}
              hasMore={false}
              loadingMore={false}
              onLoadMore={() => {}}
            />
          ) : (
            <TicketList
              rows={rows}
              selectedId={selected}
              onSelect={open}
              hasMore={!!list.hasNextPage}
              loadingMore={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          )}
        </div>
        <div style={{ minWidth: 0 }}>
          {selected ? (
            <TicketPane key={selected} ticketId={selected} replyRef={reply} onOpenTicket={open} />
          ) : null}
        </div>
      </div>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} />
    </>
  );
}
