import { z } from 'zod';
import { eventsOfTypes, type OutboxConsumer } from '../../platform/events/index.ts';
import { sendTransactionalMail } from './send-transactional-mail.ts';
import type { TransactionalTemplateKey } from './template-keys.ts';

/** Which e-mail each event sends (docs/transactional-mail.md, "Events"). */
export const eventTemplates: Readonly<Record<string, TransactionalTemplateKey>> = {
  'order.placed': 'order_confirmation',
  'order.confirmation_resent': 'order_confirmation',
  'order.paid': 'payment_received',
  'order.fulfilment_created': 'shipping_confirmation',
  'order.delivered': 'delivery_confirmation',
  'order.cancelled': 'order_cancelled',
  'order.refunded': 'refund_issued',
  'return.requested': 'return_requested',
  'return.approved': 'return_approved',
  'return.rejected': 'return_rejected',
  'return.received': 'return_received',
};

/** The plain address form `queueMail` takes; anything else is not mailed at all. */
const address = z.string().regex(/^[^\s@<>"]+@[^\s@<>"]+$/);

/**
 * What the emitting module puts in the event for the e-mail: to whom, in which language, and the
 * template's variables, so this consumer reads nothing of the other module's tables.
 */
const mailPayload = z.object({
  to: address,
  locale: z.string().max(35).nullish(),
  variables: z.record(z.string(), z.unknown()),
});

const paymentOf = (variables: Record<string, unknown>) =>
  (variables.payment ?? {}) as { provider?: unknown; status?: unknown };

/**
 * Turns order and return events into the customer's e-mails. The event id (with the template) is
 * the idempotency key, so an event handed over twice sends each e-mail once; runs in the
 * dispatcher's transaction, so the mail is queued if and only if the event is marked handled.
 * An event without a usable `payload.mail` (no address, or a malformed one) sends nothing: there is
 * nobody to write to, and retrying would not change that.
 */
export const transactionalMailConsumer: OutboxConsumer = {
  name: 'transactional-mail',
  select: eventsOfTypes(Object.keys(eventTemplates)),
  async handle(db, event) {
    const template = eventTemplates[event.type];
    if (!event.storeId || !template) return;
    const parsed = mailPayload.safeParse(event.payload.mail);
    if (!parsed.success) return;
    const { to, locale, variables } = parsed.data;
    const orderId = event.payload.orderId;
    const entity = typeof orderId === 'string' ? { type: 'order', id: orderId } : undefined;
    const send = (key: TransactionalTemplateKey) =>
      sendTransactionalMail(db, event.storeId!, {
        template: key,
        to,
        locale,
        variables,
        idempotencyKey: `${event.id}:${key}`,
        entity,
      });
    await send(template);
    // A manual payment (bank transfer) still to be made: how to pay, in a mail of its own.
    const payment = paymentOf(variables);
    if (template === 'order_confirmation' && payment.provider === 'manual' && payment.status === 'pending') {
      await send('payment_instructions');
    }
  },
};
