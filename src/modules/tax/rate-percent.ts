import { badRequest } from '../../platform/errors.ts';

/**
 * Tax rates are whole millionths of the amount ("ppm"): 19 % = 190000, 7.25 % = 72500,
 * 8.875 % = 88750. Basis points could not hold 8.875 %; millionths hold every published rate
 * (at most four decimals of a percent) exactly, and stay small enough for exact integer arithmetic.
 */
export const ppmPerPercent = 10_000;
export const maxRatePpm = 1_000_000;

const percentText = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** "7.25" (percent, at most four decimals, 0 to 100) → 72500. Errors: 400 `invalid_rate`. */
export function parseRatePercent(text: string): number {
  const match = percentText.exec(text.trim());
  const ppm = match ? Number(match[1]) * ppmPerPercent + Number((match[2] ?? '').padEnd(4, '0')) : Number.NaN;
  if (!(ppm >= 0 && ppm <= maxRatePpm)) {
    throw badRequest(
      'invalid_rate',
      'A rate is a percentage from 0 to 100 with at most four decimals, such as 19 or 7.25.',
      { rate: text },
    );
  }
  return ppm;
}

/** 72500 → "7.25", 190000 → "19", 55000 → "5.5": the shortest exact percent. */
export function formatRatePercent(ppm: number): string {
  const whole = Math.floor(ppm / ppmPerPercent);
  const fraction = String(ppm % ppmPerPercent)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
