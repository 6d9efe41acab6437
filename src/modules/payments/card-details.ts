import { unprocessable } from '../../platform/errors.ts';

/** Card details as a shopper typed them (the checkout's payment form). */
export interface CardInput {
  cardNumber: string;
  /** MM/YY */
  expiry: string;
  cvc: string;
  holderName?: string;
}

/**
 * Card details checked for form: the full number and CVC live only in this object, for the one
 * provider call; nothing stores or logs them (the payment keeps `brand` and `last4`).
 */
export interface CardDetails {
  number: string;
  expiryMonth: number;
  /** Four digits. */
  expiryYear: number;
  cvc: string;
  holderName: string | null;
  brand: CardBrand;
  last4: string;
}

export type CardBrand =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'diners'
  | 'jcb'
  | 'unionpay'
  | 'unknown';

/** 422 `invalid_card` naming the field; never echoes what was typed. */
function invalidCard(path: string, message: string) {
  return unprocessable('invalid_card', message, { path });
}

/** The Luhn (mod 10) check digit test every card number passes. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand from the number's leading digits (IIN ranges of the networks' published rules). */
export function cardBrandOf(digits: string): CardBrand {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  const three = Number(digits.slice(0, 3));
  if (digits.startsWith('4')) return 'visa';
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  if (digits.startsWith('6011') || two === 65 || (three >= 644 && three <= 649)) return 'discover';
  if (two === 36 || two === 38 || two === 39 || (three >= 300 && three <= 305)) return 'diners';
  if (four >= 3528 && four <= 3589) return 'jcb';
  if (two === 62) return 'unionpay';
  return 'unknown';
}

/**
 * Checks a card's form: a Luhn-valid number of 12 to 19 digits (spaces and dashes allowed), an
 * expiry `MM/YY` not in the past (a card is good through the last day of its month), a CVC of 3
 * digits (4 for American Express). `path` prefixes the field names in errors (`method.cardNumber`).
 */
export function parseCardDetails(input: CardInput | undefined, now: Date, path = 'method'): CardDetails {
  if (!input || typeof input !== 'object') throw invalidCard(path, 'Card details are required.');
  const number = typeof input.cardNumber === 'string' ? input.cardNumber.replace(/[\s-]/g, '') : '';
  if (!/^\d{12,19}$/.test(number) || !isLuhnValid(number)) {
    throw invalidCard(`${path}.cardNumber`, 'The card number is not valid.');
  }
  const expiry =
    typeof input.expiry === 'string' ? /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(input.expiry) : null;
  const month = expiry ? Number(expiry[1]) : 0;
  if (!expiry || month < 1 || month > 12) {
    throw invalidCard(`${path}.expiry`, 'The expiry date must be MM/YY.');
  }
  const year = 2000 + Number(expiry[2]);
  // Month index `month` is the month after expiry (0-based): the card is good until it starts.
  if (now.getTime() >= Date.UTC(year, month, 1)) {
    throw invalidCard(`${path}.expiry`, 'The card has expired.');
  }
  const brand = cardBrandOf(number);
  const cvcDigits = brand === 'amex' ? 4 : 3;
  if (typeof input.cvc !== 'string' || !new RegExp(`^\\d{${cvcDigits}}$`).test(input.cvc.trim())) {
    throw invalidCard(`${path}.cvc`, `The security code must be ${cvcDigits} digits.`);
  }
  const holderName = typeof input.holderName === 'string' ? input.holderName.trim().slice(0, 200) : '';
  return {
    number,
    expiryMonth: month,
    expiryYear: year,
    cvc: input.cvc.trim(),
    holderName: holderName || null,
    brand,
    last4: number.slice(-4),
  };
}
