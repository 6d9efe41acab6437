import { badRequest } from '../../platform/errors.ts';

/**
 * An exchange rate as an exact decimal: `digits / 10^scale`. Rates travel as text ("1.0856",
 * "162.5") because a JSON number or a float cannot hold every decimal exactly.
 */
export interface ExactRate {
  readonly digits: bigint;
  readonly scale: number;
}

/** Up to 12 digits before and 12 after the point: the `numeric(24, 12)` the rates are stored in. */
const rateText = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** Parses a positive plain decimal ("1.0856"); 400 `invalid_exchange_rate` otherwise. */
export function parseExchangeRate(text: string): ExactRate {
  const match = typeof text === 'string' ? rateText.exec(text) : null;
  if (match) {
    const [, whole, fraction = ''] = match;
    const digits = BigInt(`${whole}${fraction}`);
    if (digits > 0n) return { digits, scale: fraction.length };
  }
  throw badRequest(
    'invalid_exchange_rate',
    'An exchange rate is a positive plain decimal with at most 12 digits either side of the point, such as "1.0856".',
    { rate: text },
  );
}

/** The canonical text of a valid rate: no leading or trailing zeros ("001.0850" → "1.085"). */
export function canonicalExchangeRate(text: string): string {
  const { digits, scale } = parseExchangeRate(text);
  const padded = digits.toString().padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
