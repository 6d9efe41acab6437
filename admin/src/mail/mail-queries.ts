import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { MailMessage, MailPage, MailState, MailSummary } from './mail-types.ts';

const pageSize = 50;
/** How often the list looks again while a message is still waiting to be sent. */
const queuedRefreshMs = 5_000;

const mailKey = (store: string) => ['stores', store, 'mail'] as const;
const mailPath = (store: string, rest = '') => storeApiPath(store, `/mail${rest}`);

const anyQueued = (items: readonly MailSummary[]) => items.some((m) => m.state === 'queued');

/** The store's outbox newest first, optionally in one state, an older page at a time. */
export const mailListQuery = (store: string, state: MailState | undefined) =>
  infiniteQueryOptions({
    queryKey: [...mailKey(store), 'list', { state }],
    queryFn: ({ pageParam }) =>
      api.get<MailPage>(mailPath(store), { state, limit: pageSize, before: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    // Mail is queued by other screens (sending a purchase order): every visit looks again.
    staleTime: 0,
    // The sending job takes a moment (or retries for hours): keep a queued message's state current.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => anyQueued(page.items)) ? queuedRefreshMs : false,
  });

export const mailMessageQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...mailKey(store), 'message', id],
    queryFn: async () =>
      (await api.get<{ message: MailMessage }>(mailPath(store, `/${encodeURIComponent(id)}`))).message,
    refetchInterval: (query) => (query.state.data?.state === 'queued' ? queuedRefreshMs : false),
  });

/** Where an attachment downloads from (the server sends it with its file name). */
export const mailAttachmentUrl = (store: string, id: string, index: number) =>
  mailPath(store, `/${encodeURIComponent(id)}/attachments/${index}`);
