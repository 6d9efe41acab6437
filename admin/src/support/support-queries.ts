import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { MacroInputBody } from './macro-form.ts';
import type {
  Macro,
  MacroList,
  MacroSuggestion,
  RenderedMacro,
  Ticket,
  TicketContext,
  TicketDetail,
  TicketMessage,
  TicketPage,
} from './support-types.ts';

export const supportKey = (store: string) => ['stores', store, 'support'] as const;
const ticketsKey = (store: string) => [...supportKey(store), 'tickets'] as const;
export const ticketKey = (store: string, id: string) => [...supportKey(store), 'ticket', id] as const;
const macrosKey = (store: string) => [...supportKey(store), 'macros'] as const;

const ticketPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/support/tickets/${encodeURIComponent(id)}${rest}`);

/** What the list is filtered by: the API's query parameters. */
export interface TicketFilter {
  status?: string;
  assignee?: string;
  priority?: string;
  tag?: string;
  sla?: string;
  q?: string;
}

/** The inbox: latest activity first, 50 a page, the next page by keyset cursor ("Load more"). */
export const ticketListQuery = (store: string, filter: TicketFilter) =>
  infiniteQueryOptions({
    queryKey: [...ticketsKey(store), filter],
    queryFn: ({ pageParam }) =>
      api.get<TicketPage>(storeApiPath(store, '/support/tickets'), {
        ...filter,
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const ticketDetailQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ticketKey(store, id),
    queryFn: () => api.get<TicketDetail>(ticketPath(store, id)),
  });

export const ticketContextQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...ticketKey(store, id), 'context'],
    queryFn: () => api.get<TicketContext>(ticketPath(store, id, '/context')),
  });

export const macroSuggestionsQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...ticketKey(store, id), 'macro-suggestions'],
    queryFn: async () =>
      (await api.get<{ items: MacroSuggestion[] }>(ticketPath(store, id, '/macro-suggestions'))).items,
  });

export const macroListQuery = (store: string) =>
  queryOptions({
    queryKey: macrosKey(store),
    queryFn: () => api.get<MacroList>(storeApiPath(store, '/support/macros')),
    staleTime: 60_000,
  });

/** Everything about one ticket (thread, sidebar, suggestions) and the list rows showing it are read again. */
function useRefreshTicket(store: string) {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: ticketKey(store, id) }),
      client.invalidateQueries({ queryKey: ticketsKey(store) }),
    ]);
}

export function useReplyToTicket(store: string, id: string) {
  const refresh = useRefreshTicket(store);
  return useMutation({
    mutationFn: (input: { body: string; lastSeenMessageId: string; status?: string; sendAnyway?: boolean }) =>
      api.post<{ message: TicketMessage; ticket: Ticket }>(ticketPath(store, id, '/replies'), input),
    // Also after a refusal: 409 ticket_changed means the thread has an answer the agent has not seen.
    onSettled: () => refresh(id),
  });
}

export function useAddNote(store: string, id: string) {
  const refresh = useRefreshTicket(store);
  return useMutation({
    mutationFn: (body: string) =>
      api.post<{ message: TicketMessage }>(ticketPath(store, id, '/notes'), { body }),
    onSuccess: () => refresh(id),
  });
}

export function useChangeTicket(store: string, id: string) {
  const refresh = useRefreshTicket(store);
  return useMutation({
    mutationFn: (change: {
      status?: string;
      priority?: string;
      assigneeId?: string | null;
      tags?: string[];
    }) => api.patch<{ ticket: Ticket }>(ticketPath(store, id), change),
    onSuccess: () => refresh(id),
  });
}

export function useMergeTicket(store: string, id: string) {
  const refresh = useRefreshTicket(store);
  return useMutation({
    mutationFn: (intoTicketId: string) =>
      api.post<{ ticket: Ticket }>(ticketPath(store, id, '/merge'), { intoTicketId }),
    onSuccess: (result) => Promise.all([refresh(id), refresh(result.ticket.id)]),
  });
}

export function renderMacro(store: string, ticketId: string, macroId: string): Promise<RenderedMacro> {
  return api.post<RenderedMacro>(
    ticketPath(store, ticketId, `/macros/${encodeURIComponent(macroId)}/render`),
    {},
  );
}

export function previewMacro(store: string, ticketId: string, body: string): Promise<RenderedMacro> {
  return api.post<RenderedMacro>(ticketPath(store, ticketId, '/macro-preview'), { body });
}

export function useSaveMacro(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: MacroInputBody }) =>
      id
        ? api.put<{ macro: Macro }>(storeApiPath(store, `/support/macros/${encodeURIComponent(id)}`), input)
        : api.post<{ macro: Macro }>(storeApiPath(store, '/support/macros'), input),
    onSuccess: () => client.invalidateQueries({ queryKey: supportKey(store) }),
  });
}

export function useDeleteMacro(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(storeApiPath(store, `/support/macros/${encodeURIComponent(id)}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: supportKey(store) }),
  });
}

export function useAddDefaultMacros(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ items: Macro[] }>(storeApiPath(store, '/support/macros/defaults')),
    onSuccess: () => client.invalidateQueries({ queryKey: supportKey(store) }),
  });
}

/** The sidebar's order actions go through the orders and promotions routes; the sidebar is read again after. */
export function useOrderAction(store: string, ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api.post<unknown>(storeApiPath(store, path), body),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKey(store, ticketId) }),
  });
}
