import type { Db } from '../../../platform/db/database.ts';
import { localizeProducts } from '../translations/index.ts';
import { countFacets } from './facet-counts.ts';
import { listingFilters, matchCondition } from './listing-filters.ts';
import { listingInputs, listingTextMatch } from './listing-inputs.ts';
import { priceLadder } from './price-buckets.ts';
import { countMatches, type PageOrder, productsInOrder, resultPage, shownTitle } from './result-page.ts';
import type { CatalogSearch, SearchFacets, SearchResult, TextMatchKind } from './search-request.ts';
import type { TextMatch } from './text-match.ts';
import { correctionsFor } from './typo-vocabulary.ts';

/**
 * The catalog's one search engine, behind the storefront's search and category pages and the admin
 * product list: full-text match and ranking, typo correction, filters, facet counts, sorting and
 * pages. A text is first matched as typed; only when nothing matches are misspelt words corrected
 * (so a correct word never drags in look-alikes), and the result says so.
 */
export async function searchCatalog(db: Db, search: CatalogSearch): Promise<SearchResult> {
  const inputs = await listingInputs(db, search, Boolean(search.facets));
  const { text, locale, terms, categories } = inputs;
  const ladder = priceLadder(search.store.baseCurrency);

  const run = async (match: TextMatch | null) => {
    const filters = listingFilters(search, match?.condition ?? null, inputs.categoryIds);
    const order: PageOrder = {
      sort: search.sort,
      rank: match?.rank ?? null,
      title: shownTitle(locale),
      ...(search.collectionId ? { collectionId: search.collectionId } : {}),
    };
    const bounds = { limit: search.limit, offset: search.offset };
    if (search.facets) {
      // One statement reads the matches once for the counts, the total and the page's ids.
      const counted = await countFacets(db, search, filters, categories, ladder, { order, ...bounds });
      const items = await productsInOrder(db, counted.pageIds);
      return { items, total: counted.total, facets: counted.facets as SearchFacets | undefined };
    }
    const where = matchCondition(filters);
    const [items, total] = await Promise.all([
      resultPage(db, { where, order, ...bounds }),
      countMatches(db, where),
    ]);
    return { items, total, facets: undefined as SearchFacets | undefined };
  };

  let kind: TextMatchKind = text ? 'exact' : 'none';
  let corrections = new Map<string, string[]>();
  let found = await run(listingTextMatch(search, inputs));
  if (found.total === 0 && terms.length > 0) {
    corrections = await correctionsFor(db, search.store.id, terms);
    if (corrections.size > 0) {
      kind = 'corrected';
      found = await run(listingTextMatch(search, inputs, corrections));
    }
  }
  // Cards show the title and link by handle: those are what is read in the locale.
  const items = locale ? await localizeProducts(db, search.store, locale, found.items, 'card') : found.items;
  return {
    items,
    total: found.total,
    match: kind,
    corrections: [...corrections.entries()].map(([word, readAs]) => ({ word, readAs })),
    ...(found.facets ? { facets: found.facets } : {}),
  };
}
