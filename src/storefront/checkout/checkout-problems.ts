import { ZodError } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formProblemsOf } from '../account/form-problems.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';
import type { SectionProblems } from './checkout-page.tsx';
import { declineText } from './checkout-words.ts';

/** A refused checkout form in the page's words: the status to answer with and what to show. */
export interface Refusal {
  status: number;
  problems: SectionProblems | null;
  /** A line above the sections, for what is not about one field (a sold-out item, a changed total). */
  notice?: string;
}

const statusOf = (err: unknown) => (err instanceof AppError ? err.status : 400);

/** The address forms' problems: the customers module's reasons per field, keyed `shipping.postalCode` … */
export function addressRefusal(
  t: StorefrontMessages,
  err: unknown,
  prefix?: 'shipping' | 'billing',
): Refusal | null {
  if (!(err instanceof ZodError)) return null;
  if (prefix) {
    const { fields } = formProblemsOf(err, t);
    return {
      status: 422,
      problems: {
        section: 'address',
        form: t.accountFormProblems,
        fields: Object.fromEntries(Object.entries(fields).map(([name, text]) => [`${prefix}.${name}`, text])),
      },
    };
  }
  // The cart's own check of both addresses (`shippingAddress.postalCode`: a pattern of the country).
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const [which, name] = issue.path.map(String);
    if (!which || !name) continue;
    const key = `${which === 'billingAddress' ? 'billing' : 'shipping'}.${name}`;
    fields[key] ??=
      name === 'postalCode'
        ? t.checkoutPostalCodeInvalid
        : name === 'region'
          ? t.accountRegionUnknown
          : name === 'country'
            ? t.accountCountryUnknown
            : t.accountFieldInvalid;
  }
  return { status: 422, problems: { section: 'address', form: t.accountFormProblems, fields } };
}

/** Why the order could not be placed, in words beside the payment form or above the sections. */
export function placementRefusal(t: StorefrontMessages, err: unknown): Refusal | null {
  if (err instanceof ZodError) {
    return { status: 400, problems: { section: 'payment', form: t.checkoutChoosePayment, fields: {} } };
  }
  if (!(err instanceof AppError)) return null;
  const details = (err.details ?? {}) as Record<string, unknown>;
  const payment = (form: string, fields: Record<string, string> = {}): Refusal => ({
    status: err.status,
    problems: { section: 'payment', form, fields },
  });
  const notice = (text: string): Refusal => ({ status: err.status, problems: null, notice: text });
  switch (err.code) {
    case 'payment_declined':
      return payment(declineText(t, details.declineCode));
    case 'invalid_card': {
      const path = String(details.path ?? '');
      const field = path.endsWith('expiry') ? 'expiry' : path.endsWith('cvc') ? 'cvc' : 'cardNumber';
      const text =
        field === 'expiry'
          ? t.checkoutCardExpiryInvalid
          : field === 'cvc'
            ? t.checkoutCardCvcInvalid
            : t.checkoutCardNumberInvalid;
      return payment(t.accountFormProblems, { [field]: text });
    }
    case 'payment_provider_disabled':
      return payment(t.checkoutChoosePayment);
    case 'out_of_stock':
      return notice(t.checkoutSoldOut(typeof details.title === 'string' ? details.title : t.cartUnavailable));
    case 'discount_usage_limit_reached':
    case 'discount_customer_limit_reached':
    case 'discount_code_unavailable':
    case 'discount_not_active':
      return notice(t.checkoutCodeGone(typeof details.code === 'string' ? details.code : ''));
    case 'cart_total_changed':
      return notice(t.checkoutTotalChanged);
    case 'cart_not_purchasable':
      return notice(t.cartProblemsLead);
    case 'checkout_incomplete':
      return notice(t.checkoutIncomplete);
    case 'idempotency_key_reused':
    case 'idempotency_key_required':
    case 'invalid_idempotency_key':
      return notice(t.cartErrorExpired);
    default:
      return err.status < 500 ? notice(t.cartErrorInvalid) : null;
  }
}

/** A discount code that did not go on the cart, beside the code field. */
export function codeRefusal(t: StorefrontMessages, err: unknown): Refusal | null {
  if (!(err instanceof AppError)) return null;
  const max = Number((err.details as { max?: unknown } | undefined)?.max ?? 5);
  const text =
    err.code === 'discount_code_limit'
      ? t.cartErrorCodeLimit(max)
      : err.code === 'invalid_discount_code'
        ? t.checkoutEnterCode
        : t.cartErrorInvalid;
  return { status: statusOf(err), problems: { section: 'discount', fields: { code: text } } };
}
