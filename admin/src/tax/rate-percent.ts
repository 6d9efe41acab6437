import { formatRatePercent, parseRatePercent } from '../../../src/modules/tax/rate-percent.ts';

export type ParsedPercent = { ok: true; ratePpm: number } | { ok: false; message: string };

/**
 * A rate typed as a percent ("7.25", "5,5", "19 %") in the API's unit, millionths: 7.25 → 72500.
 * The server's own reading decides what is a rate (0 to 100, at most four decimals).
 */
export function percentToPpm(input: string): ParsedPercent {
  const text = input.trim().replace(/\s*%$/, '').replace(',', '.');
  if (text === '') return { ok: false, message: 'Enter the rate in percent, e.g. 19 or 7.25.' };
  try {
    return { ok: true, ratePpm: parseRatePercent(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Millionths as the percent people read: 72500 → "7.25 %". */
export function ppmToPercentText(ratePpm: number): string {
  return `${formatRatePercent(ratePpm)} %`;
}

export { formatRatePercent };
