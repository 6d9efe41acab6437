/** Outgoing mail: queued in the writer's transaction, sent by a job over SMTP or kept by the development transport. */

export * as customerData from './customer-data.ts';
export {
  type AttachmentSummary,
  getMail,
  getMailAttachment,
  listMail,
  listMailPage,
  type MailQuery,
  type MailSummary,
} from './list-mail.ts';
export {
  MAIL_SEND_ATTEMPTS,
  type MailMessage,
  mailboxWithName,
  type OutgoingMail,
  queueMail,
  SEND_MAIL_JOB,
} from './queue-mail.ts';
export { type MailRouteOptions, mailRoutes } from './routes.ts';
export type { MailAttachment, MailState, MailThreadHeaders } from './schema.ts';
export {
  createSendMailHandler,
  type MailSenderSettings,
  type MailTransportKind,
  registerMailJobs,
} from './send-mail-job.ts';
