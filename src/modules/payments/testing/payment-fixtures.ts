import { Webhook } from 'standardwebhooks';
import type { CardInput } from '../card-details.ts';
import { testCardNumbers } from '../providers/test-card.ts';

export { testCardNumbers };

/** Card details of a test card, good until the end of next year. */
export function testCard(
  number: string = testCardNumbers.success,
  fields: Partial<CardInput> = {},
): CardInput {
  const year = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
  return { cardNumber: number, expiry: `12/${year}`, cvc: '123', holderName: 'Ada Lovelace', ...fields };
}

/**
 * A test card provider event as its "dashboard" would post it: the JSON body and the Standard
 * Webhooks headers signed with `secret`.
 */
export function signedTestCardEvent(
  secret: string,
  event: {
    type: 'payment.captured' | 'payment.refunded' | 'payment.failed';
    reference: string;
    amount?: number;
    code?: string;
  },
  options: { id?: string; at?: Date } = {},
): { body: string; headers: Record<string, string> } {
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? new Date();
  const { type, ...data } = event;
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data });
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}
