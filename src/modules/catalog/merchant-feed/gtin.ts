/**
 * GTIN checks (GS1): EAN-8, UPC-A (12), EAN-13 / ISBN-13 and GTIN-14, each ending in a mod-10 check
 * digit. Shops type barcodes with spaces or dashes; those are removed before checking.
 */

export type GtinVerdict =
  | { valid: true; gtin: string }
  | {
      valid: false;
      reason: 'not_digits' | 'wrong_length' | 'all_zeros' | 'bad_check_digit';
      expectedCheckDigit?: number;
    };

const VALID_LENGTHS = new Set([8, 12, 13, 14]);

/** The check digit for the digits before it: weights 3,1,3,… from the right, rounded up to ten. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkGtin(raw: string): GtinVerdict {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return { valid: false, reason: 'not_digits' };
  if (!VALID_LENGTHS.has(digits.length)) return { valid: false, reason: 'wrong_length' };
  if (/^0+$/.test(digits)) return { valid: false, reason: 'all_zeros' };
  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (expected !== digits.charCodeAt(digits.length - 1) - 48) {
    return { valid: false, reason: 'bad_check_digit', expectedCheckDigit: expected };
  }
  return { valid: true, gtin: digits };
}

export function describeGtinProblem(verdict: Exclude<GtinVerdict, { valid: true }>): string {
  switch (verdict.reason) {
    case 'not_digits':
      return 'it contains characters other than digits';
    case 'wrong_length':
      return 'it is not 8, 12, 13 or 14 digits long';
    case 'all_zeros':
      return 'it is all zeros';
    case 'bad_check_digit':
      return `its check digit is wrong (the last digit should be ${verdict.expectedCheckDigit})`;
  }
}
