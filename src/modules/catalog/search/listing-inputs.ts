import type { Db } from '../../../platform/db/database.ts';
import { queryTerms } from './query-terms.ts';
import type { ListingQuery } from './search-request.ts';
import { type CategoryEntry, loadStoreCategories, subtreeIds } from './store-categories.ts';
import { type TextMatch, textMatch } from './text-match.ts';

/** What a listing reads before its own statements: the text's words and the store's categories. */
export interface ListingInputs {
  text: string;
  /** The locale searched besides the default one; undefined for the default. */
  locale: string | undefined;
  terms: string[];
  categories: readonly CategoryEntry[];
  /** The chosen category and everything below it; null without a category filter. */
  categoryIds: string[] | null;
}

export async function listingInputs(
  db: Db,
  search: ListingQuery,
  needsCategories = false,
): Promise<ListingInputs> {
  const text = search.text?.trim() ?? '';
  const locale = search.locale && search.locale !== search.store.locale ? search.locale : undefined;
  const [terms, categories] = await Promise.all([
    text ? queryTerms(db, text) : Promise.resolve([]),
    search.categories
      ? Promise.resolve(search.categories)
      : needsCategories || search.categoryId
        ? loadStoreCategories(db, search.store.id)
        : Promise.resolve([]),
  ]);
  const categoryIds = search.categoryId ? subtreeIds(categories, search.categoryId) : null;
  return { text, locale, terms, categories, categoryIds };
}

/** The text match, as typed or with misspelt words read as their corrections; null without text. */
export function listingTextMatch(
  search: ListingQuery,
  inputs: ListingInputs,
  corrections?: ReadonlyMap<string, string[]>,
): TextMatch | null {
  if (!inputs.text) return null;
  return textMatch({
    storeId: search.store.id,
    text: inputs.text,
    terms: inputs.terms,
    locale: inputs.locale,
    skuPrefix: Boolean(search.skuPrefix),
    ...(corrections ? { corrections } : {}),
  });
}
