import type { CardDetails } from './card-details.ts';
import type { CaptureMode, PaymentProviderKey } from './schema.ts';

/**
 * What every payment provider does (docs/payments.md, "Providers"). Providers are stateless code:
 * the service keeps the payment's state and amounts, checks every operation against the state
 * machine and the amounts first, and records each call's result as a `payment_transactions` row.
 * A provider answers with outcomes; it throws only for what the caller sent wrong (e.g. a webhook
 * with a bad signature).
 */
export interface PaymentProvider {
  key: PaymentProviderKey;
  /** Whether authorising needs the shopper's card details. */
  needsCard: boolean;
  authorise(request: AuthoriseRequest): Promise<AuthoriseResult>;
  /** The shopper's answer to a `requires_action` step (the 3-D Secure-style challenge). */
  confirmAction(request: ConfirmActionRequest): Promise<ConfirmActionResult>;
  capture(request: MoneyRequest): Promise<ProviderCallResult>;
  void(request: { reference: string | null }): Promise<ProviderCallResult>;
  refund(request: MoneyRequest & { reason: string | null }): Promise<ProviderCallResult>;
  /**
   * Reads and verifies an event the provider posted. `secretFor` gives the signing secret of the
   * store whose payment the event names (null: none configured), or throws 404 for no such payment.
   * Throws 400 `invalid_webhook_payload`, 401 `invalid_webhook_signature`, or 404
   * `webhook_not_supported` for a provider that sends none.
   */
  parseWebhook(
    headers: Readonly<Record<string, string>>,
    rawBody: string,
    secretFor: (providerReference: string) => Promise<string | null>,
  ): Promise<ProviderWebhookEvent>;
}

export interface AuthoriseRequest {
  /** Our payment's id, made before the call (the 3-D Secure-style step's address names it). */
  paymentId: string;
  amount: number;
  currency: string;
  capture: CaptureMode;
  /** Checked for form already (`parseCardDetails`); null for providers that take no card. */
  card: CardDetails | null;
  /** Where the shopper completes an extra step; `{paymentId}` is replaced with the payment's id. */
  returnUrl: string | null;
}

export type AuthoriseResult =
  /** Awaiting money that arrives outside (bank transfer, cash on delivery). */
  | { outcome: 'pending'; reference: string | null }
  | { outcome: 'authorised' | 'captured'; reference: string }
  | { outcome: 'requires_action'; reference: string; actionUrl: string }
  | { outcome: 'declined'; reference: string | null; declineCode: string };

export interface ConfirmActionRequest {
  reference: string | null;
  approve: boolean;
  capture: CaptureMode;
}

export type ConfirmActionResult =
  | { outcome: 'authorised' | 'captured' }
  | { outcome: 'declined'; declineCode: string };

export interface MoneyRequest {
  reference: string | null;
  amount: number;
  currency: string;
  /** What is left to capture (or to refund) on the payment, as the provider would know it. */
  remaining: number;
}

export type ProviderCallResult = { ok: true; reference: string | null } | { ok: false; errorCode: string };

/** Something that happened at the provider, outside our calls (e.g. in its dashboard). */
export interface ProviderWebhookEvent {
  /** The provider's event id: an event is applied once however often it is delivered. */
  eventId: string;
  providerReference: string;
  kind: 'capture' | 'refund' | 'failure';
  /** Capture: left out means all that remains; refund: required. */
  amount: number | null;
  /** A failure's reason (decline code). */
  code: string | null;
}
