import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { ZodError } from 'zod';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, pgErrorCode } from '../../../platform/errors.ts';
import type { Logger } from '../../../platform/logging.ts';
import { type InboundRecipient, resolveInboundRecipient } from './inbound-recipient.ts';
import { ingestSupportMail, RejectedMail } from './ingest-support-mail.ts';

export interface SupportSmtpListenerOptions {
  db: Db;
  storage: BlobStorage;
  logger: Logger;
  /** The domain of reply addresses (support+<token>@domain). */
  domain: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Largest message accepted whole; larger ones are refused with 552 after the data. */
  maxMessageBytes: number;
}

export interface SupportSmtpListener {
  port: number;
  close(): Promise<void>;
}

/** What a failure may say in the log: its kind and SQLSTATE, never the message (a query's text carries addresses). */
const failureOf = (err: unknown) => ({ name: (err as Error)?.name, code: pgErrorCode(err) });

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

/** Reads the message body, stopping to keep bytes once the limit is passed (smtp-server still drains it). */
async function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks);
}

/**
 * The SMTP listener of the support inbox (smtp-server): accepts mail only for known recipients (a
 * store's support address or a live ticket's reply address; anything else is 550 at RCPT TO),
 * refuses oversize messages (552) and malformed ones (550) after DATA with nothing written, and
 * answers 451 (try again later) when the database fails, so the sender's server retries. No
 * authentication and no relaying: it is a final destination, like an MX. Senders' addresses are
 * never logged.
 */
export async function startSupportSmtpListener(
  options: SupportSmtpListenerOptions,
): Promise<SupportSmtpListener> {
  const { db, storage, logger, domain, maxMessageBytes } = options;
  const recipients = new WeakMap<object, InboundRecipient>();
  const server = new SMTPServer({
    name: domain,
    banner: 'Storepilot support inbox',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxMessageBytes,
    logger: false,
    onRcptTo(address, session, callback) {
      resolveInboundRecipient(db, address.address, domain)
        .then((recipient) => {
          if (!recipient) return callback(smtpError(550, '5.1.1 No such mailbox here'));
          // The first known recipient decides which store or ticket the message is for.
          if (!recipients.has(session)) recipients.set(session, recipient);
          callback();
        })
        .catch((err) => {
          logger.warn({ failure: failureOf(err) }, 'support inbox: recipient lookup failed');
          callback(smtpError(451, '4.3.0 Try again later'));
        });
    },
    onData(stream, session, callback) {
      const recipient = recipients.get(session);
      readMessage(stream, maxMessageBytes)
        .then(async (raw) => {
          if (!recipient) return callback(smtpError(554, '5.5.1 No valid recipients'));
          if (!raw) return callback(smtpError(552, `5.3.4 Message larger than ${maxMessageBytes} bytes`));
          const result = await ingestSupportMail(db, storage, recipient, raw);
          logger.info(
            { ticketId: result.ticketId, newTicket: result.newTicket },
            'support inbox: mail received',
          );
          callback();
        })
        .catch((err) => {
          if (err instanceof RejectedMail) return callback(smtpError(err.responseCode, err.message));
          if (err instanceof ZodError || (err instanceof AppError && err.status < 500)) {
            return callback(smtpError(550, '5.6.0 Message refused'));
          }
          logger.warn({ failure: failureOf(err) }, 'support inbox: storing a message failed');
          callback(smtpError(451, '4.3.0 Try again later'));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.warn({ err }, 'support inbox: SMTP error'));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
