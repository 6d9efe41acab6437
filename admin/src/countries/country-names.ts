import { countryCodes } from '../../../src/platform/countries/country-codes.ts';

/** How the console names countries: in English (the console's language), from the browser's data. */
const names = new Intl.DisplayNames(['en'], { type: 'region' });

/** "Germany" for DE; the code itself when the browser does not know it. */
export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every ISO 3166-1 country the server accepts, as choices of a select: "Germany (DE)", by name.
 * The code is in the label so typing "DE" finds Germany too.
 */
export const countryOptions: { value: string; label: string }[] = countryCodes
  .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'));

/**
 * A list of countries for a table cell: "Germany, Austria" for a few, "Germany, Austria and 5 more"
 * for many, so a row stays one or two lines however many countries it has.
 */
export function countryListText(codes: readonly string[], shown = 3): string {
  const named = codes.slice(0, shown).map(countryName);
  const rest = codes.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}
