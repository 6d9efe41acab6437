import { formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';

/**
 * Weights are typed in kilograms ("1.25") and travel as whole grams (1250). Grams are kilograms'
 * "minor units" with three digits, so the console's exact decimal arithmetic serves for both.
 */
export type ParsedWeight = { ok: true; grams: number | null } | { ok: false; message: string };

export function parseKgText(input: string, options: { optional?: boolean } = {}): ParsedWeight {
  const text = input.trim().replace(',', '.');
  if (text === '')
    return options.optional ? { ok: true, grams: null } : { ok: false, message: 'Enter a weight in kg.' };
  const parsed = parseDecimalToMinor(text, 3);
  if (parsed.ok) return { ok: true, grams: parsed.amount };
  if (text.startsWith('-')) return { ok: false, message: 'A weight cannot be negative.' };
  if (/^\d+\.\d{4,}$/.test(text)) return { ok: false, message: 'Use at most 3 decimals (whole grams).' };
  return { ok: false, message: 'Enter a weight in kg, such as 1.5.' };
}

/** Grams as the input shows them: 1250 → "1.25"; null → "". */
export function kgText(grams: number | null | undefined): string {
  if (grams === null || grams === undefined) return '';
  return formatMinorAsDecimal(grams, 3).replace(/\.?0+$/, '');
}

/** Grams to read: "1.25 kg", "800 g". */
export function formatWeight(grams: number): string {
  return grams < 1000 ? `${grams.toLocaleString()} g` : `${kgText(grams)} kg`;
}
