import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { AuthoriseResult, PaymentProvider, ProviderWebhookEvent } from '../provider.ts';

/**
 * The test card numbers (docs/payments.md, "Test cards"), like Stripe's: each gives one outcome,
 * so every path of checkout and orders can be exercised. Any other Luhn-valid number succeeds.
 */
export const testCardNumbers = {
  success: '4242424242424242',
  cardDeclined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expiredCard: '4000000000000069',
  incorrectCvc: '4000000000000127',
  requiresAction: '4000000000003220',
} as const;

const declines: Readonly<Record<string, string>> = {
  [testCardNumbers.cardDeclined]: 'card_declined',
  [testCardNumbers.insufficientFunds]: 'insufficient_funds',
  [testCardNumbers.expiredCard]: 'expired_card',
  [testCardNumbers.incorrectCvc]: 'incorrect_cvc',
};

/** Where the shopper completes the step when the caller named no address (the storefront's page). */
export const defaultActionUrl = '/checkout/payment/{paymentId}/verify';

/** What the test card's "dashboard" posts (Standard Webhooks body), e.g. a capture made there. */
export const testCardEventTypes = {
  'payment.captured': 'capture',
  'payment.refunded': 'refund',
  'payment.failed': 'failure',
} as const;

const webhookBody = z.object({
  type: z.enum(Object.keys(testCardEventTypes) as [keyof typeof testCardEventTypes]),
  timestamp: z.string().optional(),
  data: z.object({
    reference: z.string().min(1).max(100),
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    code: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/)
      .optional(),
  }),
});

const invalidPayload = (message: string) => badRequest('invalid_webhook_payload', message);
const invalidSignature = (message: string) => new AppError(401, 'invalid_webhook_signature', message);

function newReference(): string {
  return `tc_${randomBytes(12).toString('hex')}`;
}

function amountFits(amount: number, remaining: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0 && amount <= remaining;
}

/**
 * A card provider that answers in-process and deterministically by card number. Captures and
 * refunds succeed unless the amount is wrong. Its webhook reports captures, refunds and failures
 * made "at the provider", signed per Standard Webhooks with the store's payment webhook secret.
 */
export const testCardProvider: PaymentProvider = {
  key: 'test_card',
  needsCard: true,

  async authorise({ paymentId, card, capture, returnUrl }): Promise<AuthoriseResult> {
    const reference = newReference();
    if (!card) return { outcome: 'declined', reference, declineCode: 'card_required' };
    const decline = declines[card.number];
    if (decline) return { outcome: 'declined', reference, declineCode: decline };
    if (card.number === testCardNumbers.requiresAction) {
      const actionUrl = (returnUrl ?? defaultActionUrl).replaceAll('{paymentId}', paymentId);
      return { outcome: 'requires_action', reference, actionUrl };
    }
    return { outcome: capture === 'immediate' ? 'captured' : 'authorised', reference };
  },

  async confirmAction({ approve, capture }) {
    if (!approve) return { outcome: 'declined', declineCode: 'authentication_failed' };
    return { outcome: capture === 'immediate' ? 'captured' : 'authorised' };
  },

  async capture({ reference, amount, remaining }) {
    return amountFits(amount, remaining)
      ? { ok: true, reference }
      : { ok: false, errorCode: 'amount_invalid' };
  },

  async void({ reference }) {
    return { ok: true, reference };
  },

  async refund({ reference, amount, remaining }) {
    return amountFits(amount, remaining)
      ? { ok: true, reference }
      : { ok: false, errorCode: 'amount_invalid' };
  },

  async parseWebhook(headers, rawBody, secretFor): Promise<ProviderWebhookEvent> {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw invalidPayload('The body is not JSON.');
    }
    const parsed = webhookBody.safeParse(json);
    if (!parsed.success) throw invalidPayload('The body is not a test card event.');
    const eventId = headers['webhook-id'];
    if (!eventId || eventId.length > 200) throw invalidSignature('The webhook-id header is missing.');
    const secret = await secretFor(parsed.data.data.reference);
    if (!secret) throw invalidSignature('The store has no payment webhook secret yet.');
    try {
      // Checks the signature over the raw body and that the timestamp is within five minutes.
      new Webhook(secret).verify(rawBody, headers);
    } catch {
      throw invalidSignature('The signature does not match the body, or the timestamp is too old.');
    }
    const { type, data } = parsed.data;
    return {
      eventId,
      providerReference: data.reference,
      kind: testCardEventTypes[type],
      amount: data.amount ?? null,
      code: data.code ?? null,
    };
  },
};
