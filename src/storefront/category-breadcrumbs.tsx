import type { CategoryEntry } from '../modules/catalog/index.ts';
import { JsonLdScript } from './json-ld.tsx';
import { categoryPath } from './listing/listing-paths.ts';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { absoluteUrl, homePath, type StorefrontSite } from './site.ts';

/**
 * Home / Kitchen / Mugs / [the page]: the way up from a category, collection or product page, each level a link
 * to its category page. `current` names the page itself when it is not the last category.
 */
export function CategoryBreadcrumbs({
  site,
  trail,
  current,
}: {
  site: StorefrontSite;
  trail: readonly CategoryEntry[];
  current?: string;
}) {
  const t = messagesFor(site.locale);
  const last = current === undefined ? trail.at(-1) : undefined;
  return (
    <nav class="crumbs wrap" aria-label={t.breadcrumb}>
      <ol>
        <li>
          <a href={homePath(site)}>{t.home}</a>
        </li>
        {trail.map((category) =>
          category === last ? (
            <li key={category.id} aria-current="page">
              {category.name}
            </li>
          ) : (
            <li key={category.id}>
              <a href={categoryPath(site, category.handle)}>{category.name}</a>
            </li>
          ),
        )}
        {current !== undefined ? <li aria-current="page">{current}</li> : null}
      </ol>
    </nav>
  );
}

/** The same trail as schema.org BreadcrumbList structured data, for search results. */
export function BreadcrumbJsonLd({
  site,
  trail,
  current,
}: {
  site: StorefrontSite;
  trail: readonly CategoryEntry[];
  current?: { name: string; url: string };
}) {
  const items = [
    { name: site.store.name, url: absoluteUrl(site.baseUrl, homePath(site)) },
    ...trail.map((c) => ({ name: c.name, url: absoluteUrl(site.baseUrl, categoryPath(site, c.handle)) })),
    ...(current ? [current] : []),
  ];
  return (
    <JsonLdScript
      data={{
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: items.map((item, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          name: item.name,
          item: item.url,
        })),
      }}
    />
  );
}
