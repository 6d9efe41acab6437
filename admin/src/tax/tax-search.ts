export const taxTabs = ['rates', 'classes', 'settings', 'preview'] as const;
export type TaxTab = (typeof taxTabs)[number];

export interface TaxSearch {
  tab?: TaxTab;
  /** Rate filters: a country code, a region code or 'none' (whole-country rates), a class handle. */
  country?: string;
  region?: string;
  taxClass?: string;
}

const code = (value: unknown, pattern: RegExp) =>
  typeof value === 'string' && pattern.test(value) ? value : undefined;

/** The tax screen's tab and rate filters, kept in the URL so a reload or a shared link shows the same. */
export function parseTaxSearch(search: Record<string, unknown>): TaxSearch {
  return {
    tab:
      typeof search.tab === 'string' &&
      (taxTabs as readonly string[]).includes(search.tab) &&
      search.tab !== 'rates'
        ? (search.tab as TaxTab)
        : undefined,
    country: code(search.country, /^[A-Z]{2}$/),
    region: code(search.region, /^(none|[A-Z]{2}-[A-Z0-9]{1,3})$/),
    taxClass: code(search.taxClass, /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/),
  };
}
