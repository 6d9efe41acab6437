import { and, eq, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { JobHandler, JobRunner } from '../jobs/runner.ts';
import { type MailMessage, SEND_MAIL_JOB, type SendMailJobPayload } from './queue-mail.ts';
import { mailMessages } from './schema.ts';

export type MailTransportKind = 'smtp' | 'development';

export interface MailSenderSettings {
  /** smtp:// or smtps:// URL with credentials; without it the development transport keeps mail readable in the admin. */
  smtpUrl?: string;
  /** Connection, greeting and idle-socket timeout of an SMTP attempt (default 30 s). */
  timeoutMs?: number;
}

/** How much of a failure the message row keeps. */
const ERROR_CHARS = 500;

/**
 * The transport every message of this process goes through. Development composes the message exactly
 * as SMTP would (so a message that could not be sent fails here too) and keeps the result in the row.
 */
function mailTransport(settings: MailSenderSettings) {
  if (!settings.smtpUrl) {
    return {
      kind: 'development' as const,
      transport: createTransport({ streamTransport: true, buffer: true }),
    };
  }
  const timeoutMs = settings.timeoutMs ?? 30_000;
  return {
    kind: 'smtp' as const,
    transport: createTransport({
      url: settings.smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    }),
  };
}

function nodemailerMessage(message: MailMessage) {
  return {
    from: message.fromAddress,
    to: message.toAddresses,
    replyTo: message.replyTo ?? undefined,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    messageId: message.threadHeaders?.messageId,
    inReplyTo: message.threadHeaders?.inReplyTo ?? undefined,
    references: message.threadHeaders?.references ? [...message.threadHeaders.references] : undefined,
    headers: message.headers ?? undefined,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      encoding: 'base64',
    })),
  };
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

/** Words an operator can act on; SMTP errors carry the server's answer, never the credentials. */
function describeFailure(err: unknown): string {
  const error = err as SmtpFailure;
  const text = error.message ?? String(err);
  return (error.code ? `${error.code}: ${text}` : text).slice(0, ERROR_CHARS);
}

/** A 5xx answer (unknown mailbox, message refused) will not change by trying again. */
function isPermanent(err: unknown): boolean {
  const code = (err as SmtpFailure).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * The `mail.send` job: sends one queued message and records the outcome on its row. A temporary
 * failure (no connection, timeout, a 4xx answer) is recorded and thrown, so the job runner retries
 * with backoff; the last allowed attempt, or a permanent 5xx refusal, marks the message failed.
 * A message no longer queued (sent by an earlier attempt) is left alone, so a repeated job sends once.
 */
export function createSendMailHandler(settings: MailSenderSettings = {}): JobHandler<SendMailJobPayload> {
  const { kind, transport } = mailTransport(settings);
  return async ({ messageId }, ctx) => {
    const { db } = ctx;
    const queued = and(eq(mailMessages.id, messageId), eq(mailMessages.state, 'queued'));
    const [message] = await db.select().from(mailMessages).where(queued);
    if (!message) return;
    try {
      const info = await transport.sendMail(nodemailerMessage(message));
      await db
        .update(mailMessages)
        .set({
          state: 'sent',
          transport: kind,
          messageId: info.messageId,
          attempts: sql`${mailMessages.attempts} + 1`,
          lastError: null,
          sentAt: sql`now()`,
        })
        .where(queued);
    } catch (err) {
      const reason = describeFailure(err);
      const final = isPermanent(err) || ctx.attempt >= ctx.maxAttempts;
      await db
        .update(mailMessages)
        .set({
          state: final ? 'failed' : 'queued',
          transport: kind,
          attempts: sql`${mailMessages.attempts} + 1`,
          lastError: reason,
        })
        .where(queued);
      ctx.logger.warn({ messageId, transport: kind, err: reason, final }, 'mail attempt failed');
      if (!final) throw new Error(reason);
    }
  };
}

/** Registers the sending job on a runner. Call it once per runner before start(). */
export function registerMailJobs(
  runner: Pick<JobRunner, 'register'>,
  settings: MailSenderSettings & { concurrency?: number } = {},
): void {
  const timeoutMs = settings.timeoutMs ?? 30_000;
  runner.register(SEND_MAIL_JOB, createSendMailHandler(settings), {
    concurrency: settings.concurrency ?? 4,
    // Connecting, greeting and sending may each take up to the timeout.
    timeoutMs: timeoutMs * 3 + 10_000,
  });
}
