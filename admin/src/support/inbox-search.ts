import { type TicketPriority, ticketPriorities, ticketStatuses } from './support-types.ts';

/** The tabs: the unsolved ones together (the default), or one status. */
export const inboxTabs = ['unsolved', ...ticketStatuses] as const;
export type InboxTab = (typeof inboxTabs)[number];

/** The inbox's state in the address, so a filtered view or an open ticket can be shared and reloaded. */
export interface InboxSearch {
  tab?: InboxTab;
  assignee?: 'mine' | 'none';
  priority?: TicketPriority;
  tag?: string;
  /** Only tickets past an SLA clock, or close to one. */
  sla?: 'breached' | 'due_soon';
  q?: string;
  ticket?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;

/** Reads the address leniently: what the screen would not understand is dropped. */
export function parseInboxSearch(search: Record<string, unknown>): InboxSearch {
  const parsed: InboxSearch = {};
  const tab = oneOf(inboxTabs, search.tab);
  if (tab && tab !== 'unsolved') parsed.tab = tab;
  const assignee = oneOf(['mine', 'none'] as const, search.assignee);
  if (assignee) parsed.assignee = assignee;
  const priority = oneOf(ticketPriorities, search.priority);
  if (priority) parsed.priority = priority;
  const sla = oneOf(['breached', 'due_soon'] as const, search.sla);
  if (sla) parsed.sla = sla;
  const tag = text(search.tag, 40);
  if (tag) parsed.tag = tag;
  const q = text(search.q, 200);
  if (q) parsed.q = q;
  const ticket = text(search.ticket, 64);
  if (ticket) parsed.ticket = ticket;
  return parsed;
}

/** The list API's status filter for a tab. */
export function statusFilterOf(tab: InboxTab): string {
  return tab === 'unsolved' ? 'new,open,pending' : tab;
}
