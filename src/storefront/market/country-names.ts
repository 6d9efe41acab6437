/** Country names in a page's language (Intl.DisplayNames), falling back to the code. */
export function countryName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Codes sorted by their names in the page's language. */
export function byCountryName(locale: string, codes: Iterable<string>): string[] {
  const collator = new Intl.Collator(locale);
  return [...new Set(codes)]
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((c) => c.code);
}
