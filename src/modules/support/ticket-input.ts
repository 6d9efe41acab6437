import { z } from 'zod';
import { ticketChannels, ticketPriorities, ticketStatuses } from './schema.ts';

const tag = z.string().trim().toLowerCase().min(1).max(40);
export const ticketTags = z
  .array(tag)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const email = z
  .string()
  .trim()
  .max(254)
  .transform((e) => e.toLowerCase())
  .pipe(z.email('Enter an e-mail address such as ada@example.com.'));

export const messageBody = z.string().trim().min(1, 'Write something.').max(50_000);

/** A ticket staff open for a customer, or the storefront's forms open (channel decided by the caller). */
export const newTicketInput = z
  .object({
    subject: z.string().trim().min(1).max(200),
    body: messageBody,
    requesterEmail: email,
    requesterName: z.string().trim().max(120).optional(),
    orderId: z.string().trim().min(1).max(64).optional(),
    priority: z.enum(ticketPriorities).default('normal'),
    tags: ticketTags.default([]),
  })
  .strict();
export type NewTicketInput = z.input<typeof newTicketInput>;

export const ticketChangeInput = z
  .object({
    status: z.enum(ticketStatuses).optional(),
    priority: z.enum(ticketPriorities).optional(),
    /** A member's user id, or null to unassign. */
    assigneeId: z.string().trim().min(1).max(64).nullable().optional(),
    tags: ticketTags.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Say what to change.');
export type TicketChangeInput = z.input<typeof ticketChangeInput>;

export const replyInput = z
  .object({
    body: messageBody,
    /** The newest message the agent saw; another agent's answer after it is a 409 `ticket_changed`. */
    lastSeenMessageId: z.string().trim().min(1).max(64),
    /** Send although someone else answered since (after seeing the 409). */
    sendAnyway: z.boolean().default(false),
    /** The status the ticket takes with the answer (default: pending, waiting for the customer). */
    status: z.enum(['open', 'pending', 'solved']).default('pending'),
  })
  .strict();
export type ReplyInput = z.input<typeof replyInput>;

export const noteInput = z.object({ body: messageBody }).strict();
export type NoteInput = z.input<typeof noteInput>;

export const mergeInput = z.object({ intoTicketId: z.string().trim().min(1).max(64) }).strict();

export const ticketListQuery = z
  .object({
    status: z
      .string()
      .transform((s) => s.split(','))
      .pipe(z.array(z.enum(ticketStatuses)).min(1).max(5))
      .optional(),
    priority: z.enum(ticketPriorities).optional(),
    /** A user id, or `none` for tickets nobody has. */
    assignee: z.string().trim().min(1).max(64).optional(),
    tag: tag.optional(),
    channel: z.enum(ticketChannels).optional(),
    customerId: z.string().trim().min(1).max(64).optional(),
    awaitingReply: z.enum(['true', 'false']).optional(),
    /** Tickets whose SLA is breached, or due soon (a running clock with under a fifth of its target left). */
    sla: z.enum(['breached', 'due_soon']).optional(),
    /** Part of the subject or of the requester's e-mail, or a ticket number (#1042). */
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type TicketListQuery = z.input<typeof ticketListQuery>;
/** A parsed list query (routes get it from the schema, other callers from `ticketListQuery.parse`). */
export type TicketListFilter = z.output<typeof ticketListQuery>;
