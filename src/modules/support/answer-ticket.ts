import { and, asc, eq, gt, isNotNull, ne, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { mailboxWithName, queueMail } from '../../platform/mail/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { textAsHtml } from './message-html.ts';
import { supportMessages } from './schema.ts';
import { messageIdOf, replyAddressOf, subjectTagOf, supportMailSettings } from './support-mail-settings.ts';
import { type NoteInput, noteInput, type ReplyInput, replyInput } from './ticket-input.ts';
import { appendMessage, type TicketMessage } from './ticket-messages.ts';
import { type TicketRow, ticketRow } from './ticket-rows.ts';
import { assertStatusChange } from './ticket-states.ts';

export interface StoreName {
  id: string;
  name: string;
}

/** A ticket that can still be worked: 409 `ticket_closed` / `ticket_merged` otherwise. */
function assertWorkable(ticket: TicketRow): void {
  if (ticket.mergedIntoId) {
    throw conflict('ticket_merged', 'This ticket was merged into another; answer there.', {
      mergedIntoId: ticket.mergedIntoId,
    });
  }
  if (ticket.status === 'closed') throw conflict('ticket_closed', 'This ticket is closed.');
}

const authorOf = (actor: Actor) => (actor.type === 'user' ? actor.id : null);

/**
 * The answers someone other than `actor` sent after the message the agent last saw: the collision
 * check. 400 `unknown_message` when that message is not on this ticket.
 */
async function answersSince(tx: Db, ticket: TicketRow, seenMessageId: string, actor: Actor) {
  const [seen] = await tx
    .select({ id: supportMessages.id, createdAt: supportMessages.createdAt })
    .from(supportMessages)
    .where(and(eq(supportMessages.ticketId, ticket.id), eq(supportMessages.id, seenMessageId)));
  if (!seen) {
    throw badRequest('unknown_message', 'lastSeenMessageId is not a message of this ticket.', {
      path: 'lastSeenMessageId',
    });
  }
  const answers = await tx
    .select({
      id: supportMessages.id,
      authorUserId: supportMessages.authorUserId,
      authorLabel: supportMessages.authorLabel,
      createdAt: supportMessages.createdAt,
    })
    .from(supportMessages)
    .where(
      and(
        eq(supportMessages.ticketId, ticket.id),
        eq(supportMessages.kind, 'outbound'),
        or(
          gt(supportMessages.createdAt, seen.createdAt),
          and(eq(supportMessages.createdAt, seen.createdAt), gt(supportMessages.id, seen.id)),
        ),
      ),
    )
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  const me = authorOf(actor);
  return answers.filter((a) => me === null || a.authorUserId !== me);
}

/** The Message-IDs a reply threads under: the ticket's mail so far, oldest first (at most the last 20). */
async function threadOf(tx: Db, ticket: TicketRow) {
  const rows = await tx
    .select({ messageId: supportMessages.messageId, kind: supportMessages.kind })
    .from(supportMessages)
    .where(
      and(
        eq(supportMessages.ticketId, ticket.id),
        isNotNull(supportMessages.messageId),
        ne(supportMessages.kind, 'note'),
      ),
    )
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  const ids = rows.map((r) => r.messageId!);
  const lastInbound = rows.filter((r) => r.kind === 'inbound').at(-1)?.messageId ?? ids.at(-1) ?? null;
  return { inReplyTo: lastInbound, references: ids.slice(-20) };
}

function replySubject(ticket: TicketRow): string {
  // One line: a subject that came with line breaks must not become extra headers.
  const oneLine = ticket.subject.replace(/[\r\n]+/g, ' ').trim();
  const subject = /^re:/i.test(oneLine) ? oneLine : `Re: ${oneLine}`;
  return `${subject} ${subjectTagOf(ticket.token)}`;
}

/**
 * An agent's answer: mailed to the requester (queued in this transaction, with Message-ID,
 * In-Reply-To and References so the customer's client threads it, and a Reply-To carrying the
 * ticket's token so the answer comes back here), added to the thread, the status set (pending by
 * default). 409 `ticket_changed` when someone else answered after `lastSeenMessageId`, unless
 * `sendAnyway`; 409 `invalid_status_transition`, `ticket_closed`, `ticket_merged`.
 */
export async function replyToTicket(
  db: Db,
  store: StoreName,
  actor: Actor,
  ticketId: string,
  input: ReplyInput,
): Promise<{ message: TicketMessage; ticket: TicketRow }> {
  const data = replyInput.parse(input);
  return db.transaction(async (tx) => {
    const ticket = await ticketRow(tx, store.id, ticketId, { forUpdate: true });
    assertWorkable(ticket);
    const since = await answersSince(tx, ticket, data.lastSeenMessageId, actor);
    if (since.length > 0 && !data.sendAnyway) {
      throw conflict('ticket_changed', 'Someone else answered this ticket since you opened it.', {
        answers: since.map((a) => ({ id: a.id, author: a.authorLabel, createdAt: a.createdAt })),
      });
    }
    assertStatusChange(ticket.status, data.status);
    const id = newId('supportMessage');
    const messageId = messageIdOf(id);
    const thread = await threadOf(tx, ticket);
    const { mailFrom } = supportMailSettings();
    const mail = await queueMail(tx, {
      storeId: store.id,
      topic: 'support.reply',
      from: mailboxWithName(store.name, mailFrom),
      to: [ticket.requesterEmail],
      replyTo: mailboxWithName(store.name, replyAddressOf(ticket.token)),
      subject: replySubject(ticket),
      text: data.body,
      html: textAsHtml(data.body),
      thread: { messageId, inReplyTo: thread.inReplyTo, references: thread.references },
      entity: { type: 'support_ticket', id: ticket.id },
    });
    const message = await appendMessage(
      tx,
      ticket,
      {
        id,
        kind: 'outbound',
        authorUserId: authorOf(actor),
        authorLabel: actor.label,
        bodyText: data.body,
        messageId,
        inReplyTo: thread.inReplyTo,
        references: thread.references,
        mailId: mail.id,
      },
      data.status,
    );
    await recordAudit(tx, actor, {
      storeId: store.id,
      action: 'support.replied',
      entityType: 'support_ticket',
      entityId: ticket.id,
      before: { status: ticket.status },
      after: { status: data.status, messageId: message.id, sentAnyway: since.length > 0 },
    });
    return { message, ticket: await ticketRow(tx, store.id, ticket.id) };
  });
}

/** An internal note: on the thread for the team, never mailed; the status stays. */
export async function addNote(
  db: Db,
  storeId: string,
  actor: Actor,
  ticketId: string,
  input: NoteInput,
): Promise<TicketMessage> {
  const data = noteInput.parse(input);
  return db.transaction(async (tx) => {
    const ticket = await ticketRow(tx, storeId, ticketId, { forUpdate: true });
    if (ticket.mergedIntoId) assertWorkable(ticket);
    const message = await appendMessage(tx, ticket, {
      kind: 'note',
      authorUserId: authorOf(actor),
      authorLabel: actor.label,
      bodyText: data.body,
    });
    await recordAudit(tx, actor, {
      storeId,
      action: 'support.note_added',
      entityType: 'support_ticket',
      entityId: ticket.id,
      after: { messageId: message.id },
    });
    return message;
  });
}
