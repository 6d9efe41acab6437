import type { ComponentChildren } from 'preact';
import type { FacetValue, SearchFacets } from '../../modules/catalog/index.ts';
import { formatMinorAsDecimal } from '../../platform/money.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { priceRangeLabel } from './listing-labels.ts';
import { type ListingLinks, listingHref } from './listing-links.ts';
import { changedParams, type ListingParams, listingQuery, toggled, toggledOption } from './listing-params.ts';

export interface FacetPanelProps {
  site: StorefrontSite;
  facets: SearchFacets;
  params: ListingParams;
  links: ListingLinks;
  /** The category the listing is in: the category facet offers its children (else the top level). */
  categoryId?: string | null;
  /** Whether to offer categories at all (a collection may leave them out). */
  showCategories?: boolean;
}

function Group({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="facet" open>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/**
 * One value to tick or untick: a link (so it works without script; nofollow for crawlers) marked
 * `aria-current` while chosen.
 */
function Choice({ href, value, locale }: { href: string; value: FacetValue; locale: string }) {
  return (
    <li>
      <a class="facet-choice" href={href} rel="nofollow" aria-current={value.selected ? 'true' : undefined}>
        <span class="tick" aria-hidden="true" />
        <span class="facet-label">{value.value}</span>
        <span class="count">{messagesFor(locale).number(value.count)}</span>
      </a>
    </li>
  );
}

/** A facet whose values are ticked one by one (brand, type, an option): each links to the listing with it toggled. */
function ValueGroup(props: {
  title: string;
  locale: string;
  values: readonly FacetValue[];
  hrefFor: (value: string) => string;
}) {
  return (
    <Group title={props.title}>
      <ul>
        {props.values.map((value) => (
          <Choice key={value.value} locale={props.locale} value={value} href={props.hrefFor(value.value)} />
        ))}
      </ul>
    </Group>
  );
}

function PriceGroup({ site, facets, params, links }: FacetPanelProps) {
  const { currency, locale } = { currency: site.store.baseCurrency, locale: site.locale };
  const t = messagesFor(locale);
  const price = facets.price;
  const chosen = params.minPrice !== undefined || params.maxPrice !== undefined;
  if (!price && !chosen) return null;
  // The other parameters ride along as hidden fields, so the form keeps the listing as it is.
  const hidden = new URLSearchParams(
    listingQuery({ ...params, minPrice: undefined, maxPrice: undefined, page: 1 }, currency).slice(1),
  );
  const decimal = (amount: number | undefined) =>
    amount === undefined ? undefined : formatMinorAsDecimal(amount, currency);
  return (
    <Group title={t.facetPrice}>
      <ul>
        {(price?.buckets ?? []).map((bucket) => {
          // Ranges are [min, max): the link's bound is the last amount below the next range.
          const max = bucket.max === null ? undefined : bucket.max - 1;
          const selected = params.minPrice === bucket.min && params.maxPrice === max;
          const next = selected
            ? changedParams(params, { minPrice: undefined, maxPrice: undefined })
            : changedParams(params, { minPrice: bucket.min || undefined, maxPrice: max });
          return (
            <Choice
              key={bucket.min}
              href={listingHref(links, next)}
              locale={locale}
              value={{
                value: priceRangeLabel(t, bucket.min, bucket.max, currency, locale),
                count: bucket.count,
                selected,
              }}
            />
          );
        })}
      </ul>
      <form class="price-form" method="get" action={links.path}>
        {[...hidden.entries()].map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <label>
          <span>{t.priceMin}</span>
          <input
            type="number"
            name="min_price"
            min="0"
            step="any"
            inputMode="decimal"
            value={decimal(params.minPrice)}
            placeholder={price ? formatMinorAsDecimal(price.min, currency) : undefined}
          />
        </label>
        <label>
          <span>{t.priceMax}</span>
          <input
            type="number"
            name="max_price"
            min="0"
            step="any"
            inputMode="decimal"
            value={decimal(params.maxPrice)}
            placeholder={price ? formatMinorAsDecimal(price.max, currency) : undefined}
          />
        </label>
        <button type="submit">{t.apply}</button>
      </form>
    </Group>
  );
}

function CategoryGroup({ site, facets, params, links, categoryId }: FacetPanelProps) {
  const t = messagesFor(site.locale);
  const parent = categoryId ?? null;
  const children = facets.categories.filter((c) => c.parentId === parent);
  if (children.length === 0) return null;
  return (
    <Group title={t.facetCategory}>
      <ul>
        {children.map((category) => (
          <li key={category.id}>
            <a class="facet-link" href={links.categoryHref(category, changedParams(params, {}))}>
              <span class="facet-label">{category.name}</span>
              <span class="count">{t.number(category.count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </Group>
  );
}

/**
 * The filters beside a listing, as plain links and one small form: ticking a value is following a
 * link to the listing with that value added (or removed), so it all works without client script.
 */
export function FacetPanel(props: FacetPanelProps) {
  const { site, facets, params, links } = props;
  const t = messagesFor(site.locale);
  const { locale } = site;
  return (
    <div class="facet-panel">
      {props.showCategories !== false ? <CategoryGroup {...props} /> : null}
      {facets.vendors.length > 0 ? (
        <ValueGroup
          title={t.facetBrand}
          locale={locale}
          values={facets.vendors}
          hrefFor={(value) =>
            listingHref(links, changedParams(params, { vendors: toggled(params.vendors, value) }))
          }
        />
      ) : null}
      {facets.productTypes.length > 0 ? (
        <ValueGroup
          title={t.facetProductType}
          locale={locale}
          values={facets.productTypes}
          hrefFor={(value) =>
            listingHref(links, changedParams(params, { types: toggled(params.types, value) }))
          }
        />
      ) : null}
      {facets.options.map((option) => (
        <ValueGroup
          key={option.name}
          title={option.name}
          locale={locale}
          values={option.values}
          hrefFor={(value) =>
            listingHref(
              links,
              changedParams(params, { options: toggledOption(params.options, option.name, value) }),
            )
          }
        />
      ))}
      <PriceGroup {...props} />
      {facets.inStock > 0 || params.inStock ? (
        <Group title={t.availability}>
          <ul>
            <Choice
              href={listingHref(links, changedParams(params, { inStock: !params.inStock }))}
              locale={locale}
              value={{ value: t.inStock, count: facets.inStock, selected: params.inStock }}
            />
          </ul>
        </Group>
      ) : null}
    </div>
  );
}
