import type { CategoryEntry } from '../../modules/catalog/index.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { priceRangeLabel, sortLabel } from './listing-labels.ts';
import { type ListingLinks, listingHref } from './listing-links.ts';
import {
  changedParams,
  type ListingParams,
  type ListingSort,
  toggled,
  toggledOption,
} from './listing-params.ts';

export interface ListingToolbarProps {
  site: StorefrontSite;
  params: ListingParams;
  links: ListingLinks;
  total: number;
  /** The orders offered, the default first. */
  sorts: readonly ListingSort[];
  /** The search page's `category=` narrowing, to name it among the active filters. */
  category?: CategoryEntry;
  /** Where the filters are, for the link small screens show (they come after the products there). */
  filtersAnchor?: string;
}

/** The count, the order (as links: no script needed), and every active filter with a way to drop it. */
export function ListingToolbar(props: ListingToolbarProps) {
  const { site, params, links, total, sorts, category } = props;
  const t = messagesFor(site.locale);
  const current = params.sort ?? sorts[0];
  const chips: { label: string; href: string }[] = [];
  if (category)
    chips.push({
      label: category.name,
      href: listingHref(links, changedParams(params, { category: undefined })),
    });
  for (const vendor of params.vendors) {
    chips.push({
      label: vendor,
      href: listingHref(links, changedParams(params, { vendors: toggled(params.vendors, vendor) })),
    });
  }
  for (const type of params.types) {
    chips.push({
      label: type,
      href: listingHref(links, changedParams(params, { types: toggled(params.types, type) })),
    });
  }
  for (const option of params.options) {
    for (const value of option.values) {
      chips.push({
        label: `${option.name}: ${value}`,
        href: listingHref(
          links,
          changedParams(params, { options: toggledOption(params.options, option.name, value) }),
        ),
      });
    }
  }
  if (params.minPrice !== undefined || params.maxPrice !== undefined) {
    chips.push({
      label: priceRangeLabel(t, params.minPrice, params.maxPrice, links.currency, site.locale),
      href: listingHref(links, changedParams(params, { minPrice: undefined, maxPrice: undefined })),
    });
  }
  if (params.inStock) {
    chips.push({ label: t.inStock, href: listingHref(links, changedParams(params, { inStock: false })) });
  }
  const cleared: ListingParams = {
    q: params.q,
    page: 1,
    vendors: [],
    types: [],
    options: [],
    inStock: false,
    ...(params.sort ? { sort: params.sort } : {}),
  };
  return (
    <div class="listing-toolbar">
      <p class="listing-count" role="status">
        {t.productCount(total)}
      </p>
      {props.filtersAnchor ? (
        <a class="to-filters" href={props.filtersAnchor}>
          {t.filters}
        </a>
      ) : null}
      <nav class="sort-links" aria-label={t.sortBy}>
        <span>{t.sortLead}</span>
        {sorts.map((sort) => (
          <a
            key={sort}
            href={listingHref(links, changedParams(params, { sort: sort === sorts[0] ? undefined : sort }))}
            aria-current={sort === current ? 'true' : undefined}
            rel="nofollow"
          >
            {sortLabel(t, sort)}
          </a>
        ))}
      </nav>
      {chips.length > 0 ? (
        <ul class="active-filters" aria-label={t.activeFilters}>
          {chips.map((chip) => (
            <li key={chip.href}>
              <a href={chip.href} rel="nofollow" aria-label={t.removeFilter(chip.label)}>
                {chip.label} <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
          {chips.length > 1 ? (
            <li>
              <a class="clear-filters" href={listingHref(links, cleared)} rel="nofollow">
                {t.clearAll}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
