import type { MailState, MailSummary, MailTransport } from './mail-types.ts';

export const mailStateLabels: Record<MailState, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
};

export const mailStateColors: Record<MailState, string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
};

/** Which way the message went, in words that say whether it left the machine. */
export const mailTransportLabels: Record<MailTransport, string> = {
  smtp: 'SMTP server',
  development: 'Development: kept here, not delivered (no SMTP server set up)',
};

/** Short labels for the list, where the long one does not fit. */
export const mailTransportShortLabels: Record<MailTransport, string> = {
  smtp: 'via SMTP',
  development: 'kept here',
};

const topicLabels: Record<string, string> = {
  'purchase_order.sent': 'Purchase order',
};

const entityTypeLabels: Record<string, string> = {
  purchase_order: 'Purchase order',
};

/** The kind of record a message is about, in words where the console knows it. */
export function mailEntityTypeLabel(entityType: string): string {
  return entityTypeLabels[entityType] ?? entityType;
}

/** A topic in words where the console knows it, else as the server names it. */
export function mailTopicLabel(topic: string): string {
  return topicLabels[topic] ?? topic;
}

/** When it went, or when it was queued for a message not sent yet. */
export function mailTime(message: Pick<MailSummary, 'sentAt' | 'createdAt'>): string {
  return message.sentAt ?? message.createdAt;
}
