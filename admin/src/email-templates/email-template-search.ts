/** The editor's address: `?locale=fr` is the language being edited (the store's default when absent). */
export interface EmailTemplateSearch {
  locale?: string;
}

export function parseEmailTemplateSearch(search: Record<string, unknown>): EmailTemplateSearch {
  const locale = search.locale;
  return typeof locale === 'string' && /^[A-Za-z0-9-]{2,35}$/.test(locale) ? { locale } : {};
}
