/** Shapes of the mail API's answers (src/platform/mail/list-mail.ts). */

export const mailStates = ['queued', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/** 'smtp' went to the configured server; 'development' was kept here, nothing left the machine. */
export type MailTransport = 'smtp' | 'development';

/** An attached file by name and size; its bytes come from the download link. */
export interface MailAttachment {
  index: number;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface MailSummary {
  id: string;
  /** What it is about, e.g. 'purchase_order.sent'. */
  topic: string;
  from: string;
  to: string[];
  replyTo: string | null;
  subject: string;
  state: MailState;
  /** Null until the first attempt to send it. */
  transport: MailTransport | null;
  /** The Message-ID header, once composed. */
  messageId: string | null;
  attempts: number;
  lastError: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  sentAt: string | null;
  attachments: MailAttachment[];
}

export interface MailMessage extends MailSummary {
  text: string;
  html: string | null;
}

/** A page of the outbox, newest first; `nextBefore` asks for the older page after it. */
export interface MailPage {
  items: MailSummary[];
  nextBefore: string | null;
}
