import type { SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { listingFilters, matchCondition } from './listing-filters.ts';
import { listingInputs, listingTextMatch } from './listing-inputs.ts';
import { countMatches } from './result-page.ts';
import type { ListingQuery } from './search-request.ts';
import { correctionsFor } from './typo-vocabulary.ts';

/**
 * The condition over `products p` that selects exactly the products a search lists, whatever page
 * or order: the same filters and text match, corrected for typos when, and only when, the search
 * would be (nothing matches as typed). So "every product this list shows" (a bulk selection) is
 * never a different set from the list the person looked at.
 */
export async function matchingProducts(db: Db, search: ListingQuery): Promise<SQL> {
  const inputs = await listingInputs(db, search);
  const where = (match: ReturnType<typeof listingTextMatch>) =>
    matchCondition(listingFilters(search, match?.condition ?? null, inputs.categoryIds));
  const asTyped = where(listingTextMatch(search, inputs));
  if (inputs.terms.length === 0 || (await countMatches(db, asTyped)) > 0) return asTyped;
  const corrections = await correctionsFor(db, search.store.id, inputs.terms);
  return corrections.size > 0 ? where(listingTextMatch(search, inputs, corrections)) : asTyped;
}
