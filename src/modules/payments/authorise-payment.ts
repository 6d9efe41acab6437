import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import { type Actor, systemActor } from '../access/index.ts';
import { type CardDetails, type CardInput, parseCardDetails } from './card-details.ts';
import {
  announcePayment,
  type NewPaymentTransaction,
  type PaymentPatch,
  recordPaymentChange,
  recordPaymentTransactions,
} from './payment-change.ts';
import { paymentProviders } from './payment-providers.ts';
import { getPaymentSettings } from './payment-settings.ts';
import { assertPaymentTransition } from './payment-states.ts';
import { lockPayment, type Payment, paymentOfRow } from './payments.ts';
import type { AuthoriseResult } from './provider.ts';
import {
  captureModes,
  type PaymentProviderKey,
  type PaymentState,
  paymentProviderKeys,
  payments,
} from './schema.ts';

/** Who pays at checkout: the shopper, through the storefront (no signed-in actor). */
const shopper = systemActor('checkout');

/** A path on this site (`/checkout/…`) or an absolute http(s) address; `{paymentId}` is filled in. */
const returnUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (url) => (url.startsWith('/') && !url.startsWith('//')) || /^https?:\/\/[^\s]+$/i.test(url),
    'A path starting with / or an http(s) address.',
  );

const authoriseFields = z.object({
  orderId: z.string().trim().min(1).max(64),
  provider: z.enum(paymentProviderKeys),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isCurrencyCode, 'Not an ISO 4217 currency code.'),
  capture: z.enum(captureModes),
  returnUrl: returnUrl.optional(),
});

export interface AuthorisePaymentInput {
  orderId: string;
  provider: PaymentProviderKey;
  /** Minor units of `currency`, > 0: a free order takes no payment. */
  amount: number;
  currency: string;
  capture: 'immediate' | 'on_fulfilment';
  /** Card details for card providers (never stored: the payment keeps brand and last four digits). */
  method?: CardInput;
  /** Where the shopper completes a 3-D Secure-style step; `{paymentId}` is replaced by the payment's id. */
  returnUrl?: string;
  /** Who is paying (default: the checkout). Staff recording a payment pass themselves. */
  actor?: Actor;
  /**
   * Staff may record a payment by a provider the storefront does not offer (a draft order paid by
   * bank transfer while the shop takes cards only); checkout never sets this.
   */
  allowDisabledProvider?: boolean;
  /** The day the card's expiry is judged against (tests). */
  now?: Date;
}

/**
 * Authorises an order's payment at the provider and records it. The answer is a payment in state
 * `captured` (capture 'immediate') or `authorised`; `pending` for manual payments; `requires_action`
 * (with `actionUrl`) when the shopper must complete a step; `failed` with `declineCode` for a
 * decline — a decline does not throw: the caller decides (checkout answers 402 and rolls back).
 * Errors: 422 `invalid_card` (details.path: `method.cardNumber`, `method.expiry`, `method.cvc`),
 * 422 `payment_provider_disabled`, 400 `validation_failed`.
 */
export async function authorisePayment(
  tx: Db,
  storeId: string,
  input: AuthorisePaymentInput,
): Promise<Payment> {
  const { method, actor = shopper, allowDisabledProvider = false, now = clock.now(), ...fields } = input;
  const data = authoriseFields.parse(fields);
  if (!allowDisabledProvider) {
    const settings = await getPaymentSettings(tx, storeId);
    if (!settings.providers[data.provider].enabled) {
      throw unprocessable('payment_provider_disabled', 'The store does not take this way of paying.', {
        path: 'provider',
        provider: data.provider,
      });
    }
  }
  const provider = paymentProviders[data.provider];
  const card: CardDetails | null = provider.needsCard ? parseCardDetails(method, now) : null;
  const id = newId('payment');
  const result = await provider.authorise({
    paymentId: id,
    amount: data.amount,
    currency: data.currency,
    capture: data.capture,
    card,
    returnUrl: data.returnUrl ?? null,
  });
  const { state, patch, transactions } = authorisationOutcome(result, data.amount);
  const [row] = await tx
    .insert(payments)
    .values({
      id,
      storeId,
      orderId: data.orderId,
      provider: data.provider,
      state,
      captureMode: data.capture,
      currency: data.currency,
      amount: data.amount,
      cardBrand: card?.brand ?? null,
      cardLast4: card?.last4 ?? null,
      providerReference: result.reference,
      ...patch,
    })
    .returning();
  const payment = paymentOfRow(row!);
  await recordPaymentTransactions(tx, payment, transactions);
  await announcePayment(tx, actor, { before: null, after: payment, action: 'created' });
  return payment;
}

function authorisationOutcome(
  result: AuthoriseResult,
  amount: number,
): { state: PaymentState; patch: PaymentPatch; transactions: NewPaymentTransaction[] } {
  const reference = result.reference;
  const authorise = { kind: 'authorise', amount, providerReference: reference } as const;
  switch (result.outcome) {
    case 'pending':
    case 'authorised':
      return { state: result.outcome, patch: {}, transactions: [{ ...authorise, outcome: 'succeeded' }] };
    case 'captured':
      return {
        state: 'captured',
        patch: { capturedAmount: amount },
        transactions: [
          { ...authorise, outcome: 'succeeded' },
          { kind: 'capture', amount, outcome: 'succeeded', providerReference: reference },
        ],
      };
    case 'requires_action':
      return {
        state: 'requires_action',
        patch: { actionUrl: result.actionUrl },
        transactions: [{ ...authorise, outcome: 'succeeded', note: 'requires_action' }],
      };
    case 'declined':
      return {
        state: 'failed',
        patch: { declineCode: result.declineCode },
        transactions: [{ ...authorise, outcome: 'failed', errorCode: result.declineCode }],
      };
  }
}

/**
 * The shopper's answer to the 3-D Secure-style step: approved → `authorised` or `captured` (by the
 * payment's capture mode); refused → `failed` (`authentication_failed`). 409 `illegal_transition`
 * unless the payment is `requires_action`.
 */
export async function confirmPaymentAction(
  tx: Db,
  storeId: string,
  paymentId: string,
  answer: { approve: boolean; actor?: Actor },
): Promise<Payment> {
  const before = await lockPayment(tx, storeId, paymentId);
  const approvedState = before.captureMode === 'immediate' ? 'captured' : 'authorised';
  assertPaymentTransition(before.state, answer.approve ? approvedState : 'failed', 'confirm_action');
  const result = await paymentProviders[before.provider].confirmAction({
    reference: before.providerReference,
    approve: answer.approve === true,
    capture: before.captureMode,
  });
  const action = {
    kind: 'action',
    amount: before.amount,
    providerReference: before.providerReference,
  } as const;
  const change =
    result.outcome === 'declined'
      ? {
          patch: { state: 'failed', declineCode: result.declineCode, actionUrl: null } as const,
          transactions: [{ ...action, outcome: 'failed', errorCode: result.declineCode } as const],
          action: 'action_failed',
        }
      : {
          patch: {
            state: result.outcome,
            actionUrl: null,
            ...(result.outcome === 'captured' ? { capturedAmount: before.amount } : {}),
          },
          transactions: [
            { ...action, outcome: 'succeeded' } as const,
            ...(result.outcome === 'captured'
              ? [
                  {
                    kind: 'capture',
                    amount: before.amount,
                    outcome: 'succeeded',
                    providerReference: before.providerReference,
                  } as const,
                ]
              : []),
          ],
          action: 'action_confirmed',
        };
  assertPaymentTransition(before.state, change.patch.state, 'confirm_action');
  return recordPaymentChange(tx, answer.actor ?? shopper, { before, ...change });
}
