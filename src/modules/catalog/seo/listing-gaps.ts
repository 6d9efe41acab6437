import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { products } from '../schema.ts';
import { readDescriptionHtml } from './description-html.ts';
import { THIN_DESCRIPTION_MIN_WORDS } from './seo-thresholds.ts';
import { countWords } from './word-count.ts';

/**
 * Visible text longer than this always holds 50 words in scripts written with spaces, so such
 * descriptions are not fetched; scripts without spaces (a word per character or two) pass it too.
 */
const surelyLongEnoughChars = 2_000;

export interface ListingGaps {
  /** Active products whose description has fewer words than the SEO audit's thin-description rule. */
  thinDescriptions: number;
  /** Active products without a single image (the audit's no-images rule). */
  withoutImages: number;
  activeProducts: number;
}

/**
 * The two listing gaps a morning briefing names ("31 listings lack descriptions"), counted the way
 * the SEO audit's rules count them but without auditing the whole catalog: images by one aggregate,
 * descriptions by fetching only those short enough to be thin and counting their words as the rule does.
 */
export async function listingGaps(db: Db, storeId: string, locale = 'und'): Promise<ListingGaps> {
  const active = and(eq(products.storeId, storeId), eq(products.status, 'active'));
  const [totals] = await db
    .select({
      active: sql<number>`count(*)`.mapWith(Number),
      withoutImages:
        sql<number>`count(*) filter (where not exists (select 1 from product_images i where i.product_id = ${products.id}))`.mapWith(
          Number,
        ),
    })
    .from(products)
    .where(active);
  const short = await db
    .select({ description: products.description })
    .from(products)
    .where(
      and(
        active,
        sql`length(regexp_replace(${products.description}, '<[^>]*>', '', 'g')) < ${surelyLongEnoughChars}`,
      ),
    );
  const thinDescriptions = short.filter(
    (p) => countWords(readDescriptionHtml(p.description).text, locale) < THIN_DESCRIPTION_MIN_WORDS,
  ).length;
  return {
    thinDescriptions,
    withoutImages: totals?.withoutImages ?? 0,
    activeProducts: totals?.active ?? 0,
  };
}
