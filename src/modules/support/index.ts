/**
 * The support inbox's public face (docs/support.md): tickets from the storefront's contact and
 * get-help forms, from staff and from e-mail to a store's support address (the SMTP listener in
 * `inbound/`), threads with answers mailed with threading headers, internal notes, statuses on an
 * explicit state machine, assignment, tags, merging and the two-agents collision check.
 */
export { addNote, replyToTicket } from './answer-ticket.ts';
export { changeTicket } from './change-ticket.ts';
export {
  CSAT_MAIL_JOB,
  csatMailSchedule,
  registerCsatMailJob,
  sendDueCsatSurveys,
} from './csat/csat-mail-job.ts';
export { commentOnRating, csatSurveyByToken, rateTicket } from './csat/csat-ratings.ts';
export * as customerData from './customer-data.ts';
export { type CustomerTicketInput, customerTicketInput, openCustomerTicket } from './customer-tickets.ts';
export { type InboundRecipient, resolveInboundRecipient } from './inbound/inbound-recipient.ts';
export { type IngestResult, ingestSupportMail, RejectedMail } from './inbound/ingest-support-mail.ts';
export {
  type SupportSmtpListener,
  type SupportSmtpListenerOptions,
  startSupportSmtpListener,
} from './inbound/support-smtp-listener.ts';
export { listTickets, type TicketListRow } from './list-tickets.ts';
export { addDefaultMacros, defaultMacros } from './macros/default-macros.ts';
export { listMacros, type Macro } from './macros/macros.ts';
export { mergeTickets } from './merge-tickets.ts';
export { type SupportMetrics, supportMetrics } from './metrics/support-metrics.ts';
export { openTicket, type TicketOpening } from './open-ticket.ts';
export { supportRoutes } from './routes.ts';
export {
  type MessageKind,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  ticketPriorities,
  ticketStatuses,
} from './schema.ts';
export {
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  type DayHours,
  weekdayOfficeHours,
} from './sla/business-hours.ts';
export {
  registerSlaAlertsJob,
  SLA_ALERTS_JOB,
  sendSlaAlerts,
  slaAlertsSchedule,
} from './sla/sla-alerts-job.ts';
export {
  getSlaSettings,
  type SlaSettings,
  type SlaSettingsInput,
  storeSla,
  updateSlaSettings,
} from './sla/sla-settings.ts';
export { type SupportSlaSummary, supportSlaSummary } from './sla/sla-summary.ts';
export {
  defaultSlaPolicy,
  type SlaClock,
  type SlaClockState,
  type SlaPolicy,
  type SlaTicket,
  type TicketSla,
  ticketSla,
} from './sla/ticket-sla.ts';
export { createStaffTicket } from './staff-tickets.ts';
export { configureSupportMail, replyAddressOf } from './support-mail-settings.ts';
export { getSupportSettings, updateSupportSettings } from './support-settings.ts';
export { MAX_ATTACHMENT_BYTES, supportAttachmentStorage } from './ticket-attachments.ts';
export { getTicketDetail, type TicketDetail } from './ticket-detail.ts';
export {
  type NewTicketInput,
  type ReplyInput,
  type TicketChangeInput,
  type TicketListFilter,
  type TicketListQuery,
  ticketListQuery,
} from './ticket-input.ts';
export type { Ticket } from './ticket-rows.ts';
export { canChangeStatus } from './ticket-states.ts';
