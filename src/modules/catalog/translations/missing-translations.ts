import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import type { ProductStatus } from '../product-input.ts';
import { catalogTranslations, productImages, products } from '../schema.ts';
import { missingPaths, putNested, type TranslationTexts, translationSlots } from './translatable-fields.ts';
import { translationLocale, translationLocales } from './translation-locale.ts';

export interface MissingTranslationsQuery {
  locale?: string;
  status?: ProductStatus;
  limit: number;
  offset: number;
}

/** Products are checked this many at a time, so a large catalog is never held in memory at once. */
const BATCH = 500;

interface ProductMissing {
  id: string;
  title: string;
  handle: string;
  status: string;
  /** Locale → paths of untranslated pieces (as in the translation view). */
  missing: Record<string, string[]>;
}

/**
 * Products with untranslated text, newest change first: for one locale, or for every locale the
 * store translates into. Also says how many products are incomplete per locale.
 */
export async function listProductsMissingTranslations(
  db: Db,
  store: Pick<Store, 'id' | 'locale' | 'enabledLocales'>,
  query: MissingTranslationsQuery,
) {
  const locales = query.locale ? [translationLocale(store, query.locale)] : translationLocales(store);
  const incomplete: ProductMissing[] = [];
  const perLocale = new Map(locales.map((l) => [l, 0]));
  let checked = 0;
  if (locales.length > 0) {
    const filters: SQL[] = [eq(products.storeId, store.id)];
    if (query.status) filters.push(eq(products.status, query.status));
    for (let offset = 0; ; offset += BATCH) {
      const batch = await db
        .select({
          id: products.id,
          title: products.title,
          handle: products.handle,
          status: products.status,
          // Whether there is a description is all that matters here; the text itself can be long.
          description: sql<string>`left(btrim(${products.description}), 1)`,
          seoTitle: products.seoTitle,
          seoDescription: products.seoDescription,
          options: products.options,
        })
        .from(products)
        .where(and(...filters))
        .orderBy(desc(products.updatedAt), asc(products.id))
        .limit(BATCH)
        .offset(offset);
      if (batch.length === 0) break;
      checked += batch.length;
      const ids = batch.map((p) => p.id);
      const images = await db
        .select({ id: productImages.id, productId: productImages.productId, alt: productImages.alt })
        .from(productImages)
        .where(inArray(productImages.productId, ids))
        .orderBy(asc(productImages.productId), asc(productImages.position));
      const rows = await db
        .select({
          entityId: catalogTranslations.entityId,
          locale: catalogTranslations.locale,
          field: catalogTranslations.field,
        })
        .from(catalogTranslations)
        .where(
          and(
            inArray(catalogTranslations.entityId, [...ids, ...images.map((i) => i.id)]),
            inArray(catalogTranslations.locale, locales),
            ne(catalogTranslations.value, ''),
          ),
        );
      const imagesByProduct = new Map<string, { id: string; alt: string | null }[]>();
      for (const image of images) {
        if (!imagesByProduct.has(image.productId)) imagesByProduct.set(image.productId, []);
        imagesByProduct.get(image.productId)!.push(image);
      }
      const textsByLocale = new Map<string, TranslationTexts>(locales.map((l) => [l, new Map()]));
      for (const row of rows) {
        // Presence is what counts; the text is not needed.
        putNested(textsByLocale.get(row.locale)!, row.entityId, row.field, 'x');
      }
      for (const product of batch) {
        const slots = translationSlots({
          product,
          images: imagesByProduct.get(product.id) ?? [],
        });
        const missing: Record<string, string[]> = {};
        for (const locale of locales) {
          const paths = missingPaths(slots, textsByLocale.get(locale)!);
          if (paths.length > 0) {
            missing[locale] = paths;
            perLocale.set(locale, perLocale.get(locale)! + 1);
          }
        }
        if (Object.keys(missing).length > 0) {
          incomplete.push({
            id: product.id,
            title: product.title,
            handle: product.handle,
            status: product.status,
            missing,
          });
        }
      }
      if (batch.length < BATCH) break;
    }
  }
  return {
    defaultLocale: store.locale,
    locales: locales.map((locale) => ({ locale, incompleteProducts: perLocale.get(locale)! })),
    checkedProducts: checked,
    items: incomplete.slice(query.offset, query.offset + query.limit),
    total: incomplete.length,
  };
}
