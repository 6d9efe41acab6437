/** Every e-mail a store sends its customers on its own, by the event or request that sends it. */
export const transactionalTemplateKeys = [
  'order_confirmation',
  'payment_instructions',
  'payment_received',
  'shipping_confirmation',
  'delivery_confirmation',
  'order_cancelled',
  'refund_issued',
  'return_requested',
  'return_approved',
  'return_rejected',
  'return_received',
  'password_reset',
  'account_activation',
  'account_exists',
  'newsletter_confirmation',
  'draft_invoice',
  'review_request',
  'support_satisfaction',
] as const;

export type TransactionalTemplateKey = (typeof transactionalTemplateKeys)[number];

export function isTransactionalTemplateKey(value: unknown): value is TransactionalTemplateKey {
  return typeof value === 'string' && (transactionalTemplateKeys as readonly string[]).includes(value);
}

/** What each e-mail is and when it goes, in the admin's words (English). */
export const templateDescriptions: Record<TransactionalTemplateKey, { name: string; sentWhen: string }> = {
  order_confirmation: { name: 'Order confirmation', sentWhen: 'A customer places an order.' },
  payment_instructions: {
    name: 'Payment instructions',
    sentWhen: 'An order is placed with a manual payment method (bank transfer): how to pay.',
  },
  payment_received: { name: 'Payment received', sentWhen: 'The payment of an order is settled.' },
  shipping_confirmation: {
    name: 'Shipping confirmation',
    sentWhen: 'A parcel leaves: its items, carrier and tracking.',
  },
  delivery_confirmation: { name: 'Delivery confirmation', sentWhen: 'A parcel is delivered.' },
  order_cancelled: { name: 'Order cancelled', sentWhen: 'An order is cancelled.' },
  refund_issued: { name: 'Refund issued', sentWhen: 'Money is given back on an order.' },
  return_requested: { name: 'Return requested', sentWhen: 'A customer asks to return items.' },
  return_approved: {
    name: 'Return approved',
    sentWhen: 'The store accepts a return: how to send the items back.',
  },
  return_rejected: { name: 'Return rejected', sentWhen: 'The store declines a return.' },
  return_received: { name: 'Return received', sentWhen: 'Returned items arrive at the store.' },
  password_reset: { name: 'Password reset', sentWhen: 'A customer asks to reset their password.' },
  account_activation: {
    name: 'Account activation',
    sentWhen: 'A customer account is created and must be confirmed.',
  },
  account_exists: {
    name: 'Account already exists',
    sentWhen: 'Someone signs up with the e-mail address of an existing account.',
  },
  newsletter_confirmation: {
    name: 'Newsletter confirmation',
    sentWhen: 'Someone signs up for the newsletter: the link that confirms the address (double opt-in).',
  },
  draft_invoice: {
    name: 'Draft order invoice',
    sentWhen: 'Staff send a draft order to the customer: the order and a link to pay it.',
  },
  review_request: {
    name: 'Review request',
    sentWhen: 'Some days after an order is delivered (reviews settings): a link to review each product.',
  },
  support_satisfaction: {
    name: 'Support satisfaction survey',
    sentWhen: 'A while after a support ticket is solved (support settings): Good / Bad, one click each.',
  },
};
