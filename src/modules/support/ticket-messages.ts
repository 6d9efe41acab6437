import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { queueCsatSurvey } from './csat/queue-survey.ts';
import { type MessageKind, supportMessages, supportTickets, type TicketStatus } from './schema.ts';
import type { TicketRow } from './ticket-rows.ts';

export type TicketMessage = typeof supportMessages.$inferSelect;

export interface NewMessage {
  kind: MessageKind;
  authorUserId?: string | null;
  authorCustomerId?: string | null;
  authorLabel: string;
  fromEmail?: string | null;
  bodyText: string;
  bodyHtml?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  mailId?: string | null;
  /** Set when the row id must be known before (an outbound Message-ID is made from it). */
  id?: string;
}

/** The message row, in the caller's transaction; no ticket columns change (see appendMessage). */
export async function insertMessage(
  tx: Db,
  storeId: string,
  ticketId: string,
  message: NewMessage,
  at: Date,
): Promise<TicketMessage> {
  const [row] = await tx
    .insert(supportMessages)
    .values({
      id: message.id ?? newId('supportMessage'),
      storeId,
      ticketId,
      kind: message.kind,
      authorUserId: message.authorUserId ?? null,
      authorCustomerId: message.authorCustomerId ?? null,
      authorLabel: message.authorLabel,
      fromEmail: message.fromEmail ?? null,
      bodyText: message.bodyText,
      bodyHtml: message.bodyHtml ?? null,
      messageId: message.messageId ?? null,
      inReplyTo: message.inReplyTo ?? null,
      references: message.references ?? [],
      mailId: message.mailId ?? null,
      createdAt: at,
    })
    .returning();
  return row!;
}

/** The `support.message_added` event of a message (emitted with others where a writer has several). */
export function messageAddedEvent(storeId: string, message: TicketMessage, status: TicketStatus) {
  return {
    storeId,
    type: 'support.message_added',
    payload: { ticketId: message.ticketId, messageId: message.id, kind: message.kind, status },
  };
}

/**
 * Adds a message to a (locked) ticket and keeps the ticket's list columns true: last activity,
 * message count, whether the customer waits for an answer, the first response, and the status the
 * caller decided. Emits `support.message_added`. Call it in the caller's transaction.
 */
export async function appendMessage(
  tx: Db,
  ticket: TicketRow,
  message: NewMessage,
  nextStatus: TicketStatus = ticket.status,
): Promise<TicketMessage> {
  const at = now();
  const row = await insertMessage(tx, ticket.storeId, ticket.id, message, at);
  // Notes are internal: they change neither who waits for whom nor the first response, but they
  // are activity an agent wants to see first in the list.
  const publicAnswer = message.kind === 'outbound';
  await tx
    .update(supportTickets)
    .set({
      lastMessageAt: at,
      updatedAt: at,
      messageCount: sql`${supportTickets.messageCount} + 1`,
      status: nextStatus,
      solvedAt: nextStatus === 'solved' ? at : nextStatus === ticket.status ? ticket.solvedAt : null,
      ...(message.kind === 'inbound' ? { awaitingReply: true } : {}),
      ...(publicAnswer ? { awaitingReply: false, firstResponseAt: ticket.firstResponseAt ?? at } : {}),
    })
    .where(and(eq(supportTickets.storeId, ticket.storeId), eq(supportTickets.id, ticket.id)));
  if (nextStatus === 'solved' && ticket.status !== 'solved') await queueCsatSurvey(tx, ticket, at);
  await emitEvent(tx, messageAddedEvent(ticket.storeId, row, nextStatus));
  return row;
}
