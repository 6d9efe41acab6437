import { and, eq, inArray } from 'drizzle-orm';
import { htmlToText } from 'html-to-text';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { recordAudit, systemActor } from '../../access/index.ts';
import { sanitiseMessageHtml } from '../message-html.ts';
import { openTicket } from '../open-ticket.ts';
import { stripQuotedHistory } from '../quoted-history.ts';
import { supportAttachments, supportMessages, supportTickets } from '../schema.ts';
import { tokenOfSubject } from '../support-mail-settings.ts';
import { MAX_ATTACHMENT_BYTES, safeFilename, storedTypeOf } from '../ticket-attachments.ts';
import { appendMessage } from '../ticket-messages.ts';
import { type TicketRow, ticketRow } from '../ticket-rows.ts';
import { statusAfterCustomerMessage } from '../ticket-states.ts';
import type { InboundRecipient } from './inbound-recipient.ts';

const actor = systemActor('inbound e-mail');
const plainAddress = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Why a message was refused: the SMTP answer says it, and nothing was written. */
export class RejectedMail extends Error {
  constructor(
    readonly responseCode: 550 | 552 | 554,
    message: string,
  ) {
    super(message);
    this.name = 'RejectedMail';
  }
}

export interface IngestResult {
  ticketId: string;
  messageId: string;
  /** False when the message was a duplicate (same Message-ID already on a ticket of the store). */
  created: boolean;
  newTicket: boolean;
}

const idList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((id) => id.trim()).filter(Boolean);

function senderOf(parsed: ParsedMail): { address: string; name: string | null } {
  const from = parsed.from?.value?.[0];
  const address = from?.address?.trim().toLowerCase() ?? '';
  if (!plainAddress.test(address) || address.length > 254) {
    throw new RejectedMail(550, '5.6.0 Malformed message: no valid From address');
  }
  return { address, name: from?.name?.trim().slice(0, 120) || null };
}

/** The customer's words without what they quote, as text and as sanitised HTML. */
function bodyOf(parsed: ParsedMail): { text: string; html: string | null } {
  const html = parsed.html ? sanitiseMessageHtml(parsed.html) : null;
  const raw = parsed.text?.trim() ? parsed.text : html ? htmlToText(html, { wordwrap: false }) : '';
  const text = stripQuotedHistory(raw).slice(0, 50_000);
  return { text: text || '(no text)', html: html || null };
}

/** The ticket an e-mail continues: by reply address, then by the Message-IDs it answers, then by subject tag. */
async function threadedTicket(
  db: Db,
  recipient: InboundRecipient,
  parsed: ParsedMail,
  references: string[],
): Promise<string | null> {
  if (recipient.kind === 'ticket') return recipient.ticketId;
  if (references.length > 0) {
    const [hit] = await db
      .select({ ticketId: supportMessages.ticketId })
      .from(supportMessages)
      .where(
        and(eq(supportMessages.storeId, recipient.storeId), inArray(supportMessages.messageId, references)),
      )
      .limit(1);
    if (hit) return hit.ticketId;
  }
  const token = parsed.subject ? tokenOfSubject(parsed.subject) : null;
  if (token) {
    const [ticket] = await db
      .select({ id: supportTickets.id })
      .from(supportTickets)
      .where(and(eq(supportTickets.storeId, recipient.storeId), eq(supportTickets.token, token)));
    if (ticket) return ticket.id;
  }
  return null;
}

/** Follows merges to the ticket that holds the thread now (a merged ticket points at its target). */
async function liveTicket(tx: Db, storeId: string, ticketId: string): Promise<TicketRow> {
  let ticket = await ticketRow(tx, storeId, ticketId, { forUpdate: true });
  for (let hops = 0; ticket.mergedIntoId && hops < 10; hops++) {
    ticket = await ticketRow(tx, storeId, ticket.mergedIntoId, { forUpdate: true });
  }
  return ticket;
}

/**
 * Turns one received e-mail into a ticket message: parsed (mailparser), checked (a sender, each
 * attachment at most MAX_ATTACHMENT_BYTES: else `RejectedMail`, nothing written), threaded onto
 * its ticket (reply address, In-Reply-To / References against stored Message-IDs, subject tag;
 * a closed ticket is not reopened: the customer gets a new one), quoted history stripped, HTML
 * sanitised, attachments stored. A Message-ID the store already has is taken as delivered (SMTP
 * retries, or two deliveries at once: the unique index decides), not stored twice. Attachments'
 * blobs are written before the rows that name them, so a failed transaction leaves at most
 * unreferenced content, never a row without its file.
 */
export async function ingestSupportMail(
  db: Db,
  storage: BlobStorage,
  recipient: InboundRecipient,
  raw: Buffer,
): Promise<IngestResult> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    throw new RejectedMail(550, '5.6.0 Malformed message');
  }
  const sender = senderOf(parsed);
  const messageId = parsed.messageId?.trim() || null;
  const inReplyTo = idList(parsed.inReplyTo)[0] ?? null;
  const references = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...idList(parsed.references)])].slice(
    -50,
  );
  const alreadyStored = async (): Promise<IngestResult | null> => {
    if (!messageId) return null;
    const [seen] = await db
      .select({ id: supportMessages.id, ticketId: supportMessages.ticketId })
      .from(supportMessages)
      .where(and(eq(supportMessages.storeId, recipient.storeId), eq(supportMessages.messageId, messageId)))
      .limit(1);
    return seen ? { ticketId: seen.ticketId, messageId: seen.id, created: false, newTicket: false } : null;
  };
  const seen = await alreadyStored();
  if (seen) return seen;
  for (const attachment of parsed.attachments) {
    if (attachment.size > MAX_ATTACHMENT_BYTES) {
      throw new RejectedMail(552, `5.3.4 Attachment larger than ${MAX_ATTACHMENT_BYTES} bytes`);
    }
  }
  const body = bodyOf(parsed);
  const stored: { filename: string; contentType: string; size: number; blobKey: string }[] = [];
  for (const attachment of parsed.attachments) {
    const blob = await storage.put(attachment.content, {
      contentType: storedTypeOf(attachment.contentType),
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    stored.push({
      filename: safeFilename(attachment.filename),
      contentType: attachment.contentType.slice(0, 200),
      size: blob.size,
      blobKey: blob.key,
    });
  }
  const threadId = await threadedTicket(db, recipient, parsed, references);
  const message = {
    authorLabel: sender.name ? `${sender.name} <${sender.address}>` : sender.address,
    fromEmail: sender.address,
    bodyText: body.text,
    bodyHtml: body.html,
    messageId,
    inReplyTo,
    references,
  };
  try {
    return await storeMessage();
  } catch (err) {
    // The same message delivered twice at once: the other delivery stored it (unique per store).
    if (isUniqueViolation(err)) {
      const earlier = await alreadyStored();
      if (earlier) return earlier;
    }
    throw err;
  }

  function storeMessage(): Promise<IngestResult> {
    return db.transaction(async (tx) => {
      let ticket = threadId ? await liveTicket(tx, recipient.storeId, threadId) : null;
      if (ticket?.status === 'closed') ticket = null;
      let result: { ticketId: string; messageId: string; newTicket: boolean };
      if (ticket) {
        const row = await appendMessage(
          tx,
          ticket,
          {
            ...message,
            kind: 'inbound',
            authorCustomerId: sender.address === ticket.requesterEmail ? ticket.customerId : null,
          },
          statusAfterCustomerMessage(ticket.status),
        );
        await recordAudit(tx, actor, {
          storeId: ticket.storeId,
          action: 'support.customer_replied',
          entityType: 'support_ticket',
          entityId: ticket.id,
          before: { status: ticket.status },
          after: { status: statusAfterCustomerMessage(ticket.status), messageId: row.id },
        });
        result = { ticketId: ticket.id, messageId: row.id, newTicket: false };
      } else {
        const opened = await openTicket(tx, recipient.storeId, actor, {
          subject: parsed.subject?.replace(/\s+/g, ' ').trim() || '(no subject)',
          requesterEmail: sender.address,
          requesterName: sender.name,
          channel: 'email',
          firstMessage: message,
        });
        result = { ticketId: opened.ticket.id, messageId: opened.message.id, newTicket: true };
      }
      if (stored.length > 0) {
        await tx.insert(supportAttachments).values(
          stored.map((file) => ({
            id: newId('supportAttachment'),
            storeId: recipient.storeId,
            ticketId: result.ticketId,
            messageId: result.messageId,
            ...file,
          })),
        );
      }
      return { ...result, created: true };
    });
  }
}
