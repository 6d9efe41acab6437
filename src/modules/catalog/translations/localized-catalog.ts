import { and, eq, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { prepared } from '../../../platform/db/prepared.ts';
import { localePathSegment, type Store } from '../../access/index.ts';
import type { Product, ProductDetail } from '../product-detail.ts';
import { findProductByHandle } from '../products.ts';
import { findRedirect } from '../redirects.ts';
import { catalogTranslations, products } from '../schema.ts';
import { putNested } from './translatable-fields.ts';
import { translatedProduct, translatedProductDetail } from './translated-product.ts';
import { readTexts, readTextsAndHandles } from './translation-rows.ts';

/** Storefront reads of the catalog in a locale. In the store's default locale they cost no query. */

type StoreLocale = Pick<Store, 'id' | 'locale' | 'enabledLocales'>;

/** What a product card or a link shows. */
const CARD_FIELDS = ['title', 'handle'];

/**
 * Product-level text of many products in one locale. `card` reads only what cards and links show
 * (title and handle; the rest keeps the default-locale text), so a page of 200 cards does not read
 * 200 descriptions.
 */
export async function localizeProducts(
  db: Db,
  store: StoreLocale,
  locale: string,
  list: Product[],
  read: 'all' | 'card' = 'all',
) {
  if (locale === store.locale || list.length === 0) return list;
  const ids = list.map((p) => p.id);
  const texts = await readTexts(db, ids, locale, read === 'card' ? CARD_FIELDS : undefined);
  return list.map((p) => translatedProduct(p, texts.get(p.id)));
}

export interface LocalizedProductDetail {
  detail: ProductDetail;
  /** The product's handle in every locale that has its own (locale → handle); others use the default. */
  handles: Map<string, string>;
}

/** A product with its variants and images in one locale, and its handles in every locale (for hreflang). */
export async function localizeProductDetail(
  db: Db,
  store: StoreLocale,
  locale: string,
  detail: ProductDetail,
): Promise<LocalizedProductDetail> {
  // A store in one language has neither translations nor other handles to look for.
  if (locale === store.locale && store.enabledLocales.length === 0) return { detail, handles: new Map() };
  const entityIds = [detail.product.id, ...detail.images.map((i) => i.id)];
  const { texts, handles } = await readTextsAndHandles(db, entityIds, locale);
  return {
    detail: locale === store.locale ? detail : translatedProductDetail(detail, texts),
    handles: handles.get(detail.product.id) ?? new Map(),
  };
}

const byLocalizedHandle = (db: Db, name: string) =>
  db
    .select({ product: products })
    .from(catalogTranslations)
    .innerJoin(products, eq(products.id, catalogTranslations.entityId))
    .where(
      and(
        eq(catalogTranslations.storeId, sql.placeholder('storeId')),
        eq(catalogTranslations.locale, sql.placeholder('locale')),
        eq(catalogTranslations.field, 'handle'),
        eq(catalogTranslations.value, sql.placeholder('handle')),
        eq(products.status, 'active'),
      ),
    )
    .limit(1)
    .prepare(name);

const localizedHandleOf = (db: Db, name: string) =>
  db
    .select({ handle: catalogTranslations.value })
    .from(catalogTranslations)
    .where(
      and(
        eq(catalogTranslations.entityId, sql.placeholder('productId')),
        eq(catalogTranslations.locale, sql.placeholder('locale')),
        eq(catalogTranslations.field, 'handle'),
        ne(catalogTranslations.value, ''),
      ),
    )
    .limit(1)
    .prepare(name);

/** The active product whose address in `locale` ends in this handle, and the handle it has there now. */
async function productAt(db: Db, store: StoreLocale, locale: string, handle: string) {
  if (locale !== store.locale) {
    const statement = prepared(db, 'product_by_localized_handle', byLocalizedHandle);
    const [row] = await statement.execute({ storeId: store.id, locale, handle });
    if (row) return { product: row.product, handle };
  }
  const product = await findProductByHandle(db, store.id, handle, { activeOnly: true });
  if (!product) return undefined;
  if (locale === store.locale) return { product, handle: product.handle };
  const [own] = await prepared(db, 'localized_handle_of', localizedHandleOf).execute({
    productId: product.id,
    locale,
  });
  return { product, handle: own?.handle ?? product.handle };
}

/**
 * Where a storefront product address in a locale leads: the product, or the handle it moved to (a
 * 301), or nowhere. A product is found by its handle in that locale, else by its default handle
 * (which answers with a 301 when the product has a localized one), else through the redirects left
 * by handle changes. A redirect is followed to the product's current address in one step, so a
 * visitor never walks a chain.
 */
export async function findLocalizedProduct(
  db: Db,
  store: StoreLocale,
  locale: string,
  handle: string,
): Promise<{ product: Product } | { movedTo: string } | undefined> {
  const here = await productAt(db, store, locale, handle);
  if (here) return here.handle === handle ? { product: here.product } : { movedTo: here.handle };
  const paths = [`/products/${handle}`];
  if (locale !== store.locale) paths.unshift(`/${localePathSegment(locale)}/products/${handle}`);
  for (const path of paths) {
    const target = await findRedirect(db, store.id, path);
    const at = target?.lastIndexOf('/products/') ?? -1;
    if (!target || at < 0) continue;
    const moved = await productAt(db, store, locale, target.slice(at + '/products/'.length));
    if (moved && moved.handle !== handle) return { movedTo: moved.handle };
  }
  return undefined;
}

export interface LocalizedSitemapFacts {
  /** Product → locale → its own handle there. */
  handles: Map<string, Map<string, string>>;
  /** Product → locale → when its text there last changed. */
  updatedAt: Map<string, Map<string, Date>>;
}

/**
 * What a multilingual sitemap needs beyond the products: localized handles and translation dates,
 * for the whole store at once (a sitemap lists up to 50,000 addresses; an id list that long would not
 * fit in one statement).
 */
export async function localizedSitemapFacts(db: Db, storeId: string): Promise<LocalizedSitemapFacts> {
  const handles = new Map<string, Map<string, string>>();
  const updatedAt = new Map<string, Map<string, Date>>();
  const [handleRows, dateRows] = await Promise.all([
    db
      .select({
        productId: catalogTranslations.entityId,
        locale: catalogTranslations.locale,
        handle: catalogTranslations.value,
      })
      .from(catalogTranslations)
      .where(
        and(
          eq(catalogTranslations.storeId, storeId),
          eq(catalogTranslations.field, 'handle'),
          ne(catalogTranslations.value, ''),
        ),
      ),
    db
      .select({
        productId: catalogTranslations.productId,
        locale: catalogTranslations.locale,
        at: max(catalogTranslations.updatedAt),
      })
      .from(catalogTranslations)
      .where(eq(catalogTranslations.storeId, storeId))
      .groupBy(catalogTranslations.productId, catalogTranslations.locale),
  ]);
  for (const row of handleRows) {
    putNested(handles, row.productId, row.locale, row.handle);
  }
  for (const row of dateRows) {
    if (!row.productId || !row.at) continue;
    putNested(updatedAt, row.productId, row.locale, new Date(row.at));
  }
  return { handles, updatedAt };
}
