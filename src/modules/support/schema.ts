import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

export const ticketStatuses = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof ticketPriorities)[number];

export const ticketChannels = ['contact_form', 'order_page', 'email', 'staff'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

export const messageKinds = ['inbound', 'outbound', 'note'] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * A customer's request and everything said about it. `number` is the store's own ticket number
 * (#1, #2 …, from `support_ticket_counters`); `token` is the secret in the reply address
 * (`support+<token>@…`) and the subject tag that brings a customer's e-mail back to its ticket.
 * The list columns (`last_message_at`, `awaiting_reply`) are kept on the row so the inbox reads
 * one table.
 */
export const supportTickets = pgTable(
  'support_tickets',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
    /** A staff user's id (access module); null while nobody has it. */
    assigneeId: text('assignee_id'),
    /** The customers module's customer the requester's e-mail belongs to. */
    customerId: text('customer_id'),
    requesterEmail: text('requester_email').notNull(),
    requesterName: text('requester_name'),
    orderId: text('order_id'),
    channel: text('channel').$type<TicketChannel>().notNull(),
    tags: text('tags').array().notNull().default([]),
    token: text('token').notNull(),
    /** Set when this ticket was merged into another (and closed). */
    mergedIntoId: text('merged_into_id'),
    messageCount: integer('message_count').notNull().default(0),
    /** True while the customer's last word has no public answer yet. */
    awaitingReply: boolean('awaiting_reply').notNull().default(true),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    /**
     * The SLA clocks' due times and their "due soon" points under the store's policy and hours
     * (sla/ticket-due-times.ts), kept on the row when the ticket is opened or reprioritised and when
     * the policy changes, so the list's `sla` filter and the breach job are indexed comparisons.
     */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    firstResponseDueSoonAt: timestamp('first_response_due_soon_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    resolutionDueSoonAt: timestamp('resolution_due_soon_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$defaultFn(now),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('support_tickets_number_idx').on(t.storeId, t.number),
    uniqueIndex('support_tickets_token_idx').on(t.token),
    // The inbox: latest activity first, with or without a status / assignee / priority filter. The
    // columns ascend: read backwards they give `order by last_message_at desc, id desc` (nulls
    // first), which a `desc nulls last` index would not.
    index('support_tickets_activity_idx').on(t.storeId, t.lastMessageAt, t.id),
    index('support_tickets_status_idx').on(t.storeId, t.status, t.lastMessageAt, t.id),
    index('support_tickets_assignee_idx').on(t.storeId, t.assigneeId, t.lastMessageAt, t.id),
    index('support_tickets_priority_idx').on(t.storeId, t.priority, t.lastMessageAt, t.id),
    // Search by words of the subject and the requester's address (prefixes), see list-tickets.ts.
    index('support_tickets_search_idx').using(
      'gin',
      sql`to_tsvector('simple', ${t.subject} || ' ' || ${t.requesterEmail})`,
    ),
    index('support_tickets_tags_idx').using('gin', t.tags),
    index('support_tickets_requester_idx').on(t.storeId, sql`lower(${t.requesterEmail})`),
    index('support_tickets_customer_idx').on(t.storeId, t.customerId),
    // SLA: the breached / due-soon filter and the breach job read these (live tickets only).
    index('support_tickets_first_response_due_idx')
      .on(t.storeId, t.firstResponseDueAt)
      .where(sql`${t.firstResponseAt} is null and ${t.status} in ('new', 'open', 'pending')`),
    index('support_tickets_resolution_due_idx')
      .on(t.storeId, t.resolutionDueAt)
      .where(sql`${t.status} in ('new', 'open', 'pending')`),
  ],
);

/** The last ticket number each store gave out: one row per store, bumped by an upsert. */
export const supportTicketCounters = pgTable('support_ticket_counters', {
  storeId: text('store_id').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/**
 * What was said on a ticket: the customer's e-mails and forms (inbound), the agents' answers
 * (outbound, mailed) and internal notes (never mailed). `messageId`, `inReplyTo` and `references`
 * are RFC 5322's, angle brackets included, so replies thread both ways.
 */
export const supportMessages = pgTable(
  'support_messages',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    kind: text('kind').$type<MessageKind>().notNull(),
    authorUserId: text('author_user_id'),
    authorCustomerId: text('author_customer_id'),
    /** Who the actor was, in words, for the thread (an agent's name, an API key's, the customer's address). */
    authorLabel: text('author_label').notNull(),
    fromEmail: text('from_email'),
    bodyText: text('body_text').notNull(),
    /** Sanitised HTML (no scripts, handlers or javascript: links); null when the message was plain text. */
    bodyHtml: text('body_html'),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default([]),
    /** The queued outgoing mail (platform mail) of an outbound message. */
    mailId: text('mail_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('support_messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    // One message per Message-ID in a store: a mail delivered twice at once is stored once.
    uniqueIndex('support_messages_message_id_idx').on(t.storeId, t.messageId),
  ],
);

/** A file that came with a message, its bytes in blob storage under `blobKey`. */
export const supportAttachments = pgTable(
  'support_attachments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    messageId: text('message_id').notNull(),
    filename: text('filename').notNull(),
    /** The type the sender gave; the blob itself may be stored as application/octet-stream. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    blobKey: text('blob_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('support_attachments_message_idx').on(t.messageId),
    index('support_attachments_ticket_idx').on(t.ticketId),
  ],
);

/** A store's inbox settings: the address customers write to (lower-cased, one store per address). */
export const supportSettings = pgTable(
  'support_settings',
  {
    storeId: text('store_id').notNull(),
    supportAddress: text('support_address'),
    /** Whether solved tickets get a satisfaction survey, and how long after solving it is mailed. */
    csatEnabled: boolean('csat_enabled').notNull().default(true),
    csatDelayMinutes: integer('csat_delay_minutes').notNull().default(60),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.storeId] }),
    uniqueIndex('support_settings_address_idx').on(t.supportAddress),
  ],
);

/**
 * A store's SLA: first-response and resolution targets per priority (business minutes) and the
 * support team's weekly hours and closed dates, read in the store's time zone. No row: the
 * defaults (`defaultSlaPolicy`, `weekdayOfficeHours`).
 */
export const supportSlaPolicies = pgTable('support_sla_policies', {
  storeId: text('store_id').primaryKey(),
  targets: jsonb('targets').notNull(),
  /** `{ days: { "1": { open, close }, … }, closedDates: [] }`: BusinessHours without the zone. */
  hours: jsonb('hours').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});

export const slaClocks = ['first_response', 'resolution'] as const;
export type SlaClockName = (typeof slaClocks)[number];

/**
 * The SLA warnings the breach job sent (`support.sla_due_soon`, `support.sla_breached`): one row per
 * ticket, clock and kind, inserted before the event in one transaction, so each goes out once.
 */
export const supportSlaAlerts = pgTable(
  'support_sla_alerts',
  {
    storeId: text('store_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    clock: text('clock').$type<SlaClockName>().notNull(),
    kind: text('kind').$type<'due_soon' | 'breached'>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.clock, t.kind] })],
);
