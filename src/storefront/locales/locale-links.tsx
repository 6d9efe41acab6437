import type { StorefrontSite } from '../site.ts';
import { messagesFor } from './messages/storefront-messages.ts';

/**
 * `<link rel="alternate" hreflang>` for every version of the page, itself included, as search
 * engines expect: each version lists the same complete set, so the links are reciprocal.
 */
export function HreflangLinks({ site }: { site: StorefrontSite }) {
  if (!site.alternates?.length) return null;
  return (
    <>
      {site.alternates.map((a) => (
        <link key={a.hreflang} rel="alternate" hreflang={a.hreflang} href={a.href} />
      ))}
    </>
  );
}

/** A language's name as its own speakers write it ("Deutsch", "français" → "Français"). */
export function languageName(locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
  } catch {
    name = undefined;
  }
  if (!name) return locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Links to this page in the store's other languages; nothing for a store with one. */
export function LanguageSwitcher({ site }: { site: StorefrontSite }) {
  const versions = site.alternates?.filter((a) => a.hreflang !== 'x-default') ?? [];
  if (versions.length < 2) return null;
  return (
    <nav aria-label={messagesFor(site.locale).languageNavigation}>
      {versions.map((a) => (
        <a
          key={a.locale}
          href={a.href}
          hreflang={a.locale}
          lang={a.locale}
          aria-current={a.locale === site.locale ? 'true' : undefined}
        >
          {languageName(a.locale)}
        </a>
      ))}
    </nav>
  );
}
