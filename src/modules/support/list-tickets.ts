import { and, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { supportTickets, type TicketPriority, type TicketStatus } from './schema.ts';
import { slaFilter } from './sla/sla-filter.ts';
import { storeSla } from './sla/sla-settings.ts';
import { slaTicketOf } from './sla/ticket-due-times.ts';
import { type TicketSla, ticketSla } from './sla/ticket-sla.ts';
import type { TicketListFilter } from './ticket-input.ts';

/** What one row of the inbox shows. */
export interface TicketListRow {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  requesterEmail: string;
  requesterName: string | null;
  customerId: string | null;
  orderId: string | null;
  channel: string;
  tags: string[];
  messageCount: number;
  /** The customer's last word has no answer yet. */
  awaitingReply: boolean;
  lastMessageAt: Date;
  firstResponseAt: Date | null;
  createdAt: Date;
  /** When the ticket was solved (null while not solved). */
  solvedAt: Date | null;
  /** Its SLA clocks now, under the store's policy and business hours. */
  sla: TicketSla;
}

const t = supportTickets;
const listColumns = {
  id: t.id,
  number: t.number,
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  assigneeId: t.assigneeId,
  requesterEmail: t.requesterEmail,
  requesterName: t.requesterName,
  customerId: t.customerId,
  orderId: t.orderId,
  channel: t.channel,
  tags: t.tags,
  messageCount: t.messageCount,
  awaitingReply: t.awaitingReply,
  lastMessageAt: t.lastMessageAt,
  firstResponseAt: t.firstResponseAt,
  createdAt: t.createdAt,
  solvedAt: t.solvedAt,
  updatedAt: t.updatedAt,
};

/** The page cursor: the last row's activity time and id (keyset paging, constant cost at any depth). */
function encodeCursor(row: TicketListRow): string {
  return Buffer.from(JSON.stringify([row.lastMessageAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // fall through to the refusal
  }
  throw badRequest('invalid_cursor', 'The cursor is not one this list gave out.', { path: 'cursor' });
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The search as a full-text query over the subject and the requester's address: every word, as a
 * prefix ("parc" finds "parcel", "ada@" finds ada@example.com). Null when no word is left.
 */
function searchQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._-]/gu, '').replace(/^[@._-]+|[@._-]+$/g, ''))
    .filter(Boolean)
    .slice(0, 8);
  return words.length > 0 ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

/** Subject or e-mail matching the search (the GIN index `support_tickets_search_idx` answers it). */
function matchesSearch(q: string): SQL | undefined {
  const query = searchQuery(q);
  if (!query) return or(ilike(t.subject, likePattern(q)), ilike(t.requesterEmail, likePattern(q)));
  return sql`to_tsvector('simple', ${t.subject} || ' ' || ${t.requesterEmail}) @@ to_tsquery('simple', ${query})`;
}

/**
 * The inbox: the store's tickets, latest activity first, filtered, one keyset page at a time.
 * Every filter combination reads one of the (store, filter, last activity) indexes in order and
 * stops after a page; a search by words of the subject or e-mail reads the full-text index. Merged tickets are left out (their messages are in the ticket they went into).
 */
export async function listTickets(
  db: Db,
  storeId: string,
  query: TicketListFilter,
): Promise<{ items: TicketListRow[]; nextCursor: string | null }> {
  const number = query.q && /^#?\d{1,9}$/.test(query.q) ? Number(query.q.replace('#', '')) : null;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const at = now();
  const filters: (SQL | undefined)[] = [
    eq(t.storeId, storeId),
    isNull(t.mergedIntoId),
    query.status
      ? query.status.length === 1
        ? eq(t.status, query.status[0]!)
        : sql`${t.status} in (${sql.join(
            query.status.map((s) => sql`${s}`),
            sql`, `,
          )})`
      : undefined,
    query.priority ? eq(t.priority, query.priority) : undefined,
    query.assignee
      ? query.assignee === 'none'
        ? isNull(t.assigneeId)
        : eq(t.assigneeId, query.assignee)
      : undefined,
    query.tag ? sql`${t.tags} @> array[${query.tag}]::text[]` : undefined,
    query.channel ? eq(t.channel, query.channel) : undefined,
    query.customerId ? eq(t.customerId, query.customerId) : undefined,
    query.awaitingReply ? eq(t.awaitingReply, query.awaitingReply === 'true') : undefined,
    query.sla ? slaFilter(query.sla, at) : undefined,
    query.q ? (number !== null ? eq(t.number, number) : matchesSearch(query.q)) : undefined,
    cursor ? sql`(${t.lastMessageAt}, ${t.id}) < (${cursor.at}::timestamptz, ${cursor.id})` : undefined,
  ];
  // A search orders by an expression the activity indexes do not have, on purpose: otherwise the
  // planner walks the whole store's activity index hoping to meet the few matches soon, testing
  // each row's words (seconds at 100,000 tickets); this way it reads the full-text index and sorts
  // the matches. Same order, same cursor.
  // The same for "due soon": a few clocks in their last fifth, found by the due indexes.
  const searching = (query.q !== undefined && number === null) || query.sla === 'due_soon';
  const sla = await storeSla(db, storeId);
  const rows = await db
    .select(listColumns)
    .from(t)
    .where(and(...filters))
    .orderBy(
      ...(searching
        ? [sql`${t.lastMessageAt} + interval '0 seconds' desc`, desc(t.id)]
        : [desc(t.lastMessageAt), desc(t.id)]),
    )
    .limit(query.limit + 1);
  const items: TicketListRow[] = rows.slice(0, query.limit).map(({ updatedAt, ...row }) => ({
    ...row,
    sla: ticketSla(
      slaTicketOf({
        ...row,
        priority: row.priority as TicketPriority,
        status: row.status as TicketStatus,
        updatedAt,
      }),
      sla.policy,
      sla.hours,
      at,
    ),
  }));
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items.at(-1)!) : null };
}
