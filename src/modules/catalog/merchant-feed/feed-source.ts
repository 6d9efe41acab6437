import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { imageSrc } from '../media/image-source.ts';
import { loadProductDetails, type ProductDetail } from '../product-detail.ts';
import { categories, products } from '../schema.ts';
import { translatedProductDetail } from '../translations/translated-product.ts';
import { readTexts } from '../translations/translation-rows.ts';
import type { FeedAvailability, FeedProduct } from './feed-types.ts';
import { optionAttribute } from './option-attributes.ts';

/**
 * The catalog read as Merchant Center products: the store's active products in one locale, a page at
 * a time, so a feed of any size streams with flat memory.
 */

/** The variant facts availability is decided from. */
export interface StockQuery {
  variantId: string;
  productId: string;
  /** `continue` keeps selling when out of stock. */
  inventoryPolicy: string;
}

/**
 * Decides each variant's availability. The catalog has no stock of its own: the inventory module,
 * once there is one, provides a source that reads its levels (and `continue` → backorder).
 */
export interface FeedStockSource {
  availability(
    storeId: string,
    variants: readonly StockQuery[],
  ): Promise<ReadonlyMap<string, FeedAvailability>>;
}

/** Until stock is tracked, every variant of a published product is sellable. */
export const activeVariantsInStock: FeedStockSource = {
  async availability(_storeId, variants) {
    return new Map(variants.map((v) => [v.variantId, 'in_stock' as const]));
  },
};

export interface FeedSourceOptions {
  store: { id: string; locale: string };
  /** The feed's language; text comes from its translations, falling back to the default locale. */
  locale: string;
  /** The product page's absolute URL for a handle (in the feed's locale). */
  productUrl: (handle: string) => string;
  /** An image's absolute URL from its stored address (`/media/<key>` or the URL it was recorded with). */
  imageUrl: (src: string) => string;
  stock?: FeedStockSource;
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 200;

async function categoryPaths(db: Db, storeId: string, details: ProductDetail[]) {
  const ids = [
    ...new Set(details.map((d) => d.product.categoryId).filter((id): id is string => Boolean(id))),
  ];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: categories.id, path: categories.path })
    .from(categories)
    .where(and(eq(categories.storeId, storeId), inArray(categories.id, ids)));
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** Each product in the feed's locale (`shown`), beside its default-locale self (`source`). */
async function localized(db: Db, options: FeedSourceOptions, details: ProductDetail[]) {
  if (options.locale === options.store.locale) return details.map((d) => ({ shown: d, source: d }));
  const entityIds = details.flatMap((d) => [d.product.id, ...d.images.map((i) => i.id)]);
  const texts = await readTexts(db, entityIds, options.locale);
  return details.map((detail) => ({ shown: translatedProductDetail(detail, texts), source: detail }));
}

/**
 * The option names the feed reads Merchant Center attributes from: the translated name where Google's
 * attribute is recognised in it ("Farbe"), else the default-locale name ("Colour"), so a translation
 * the attribute list does not know ("Farbton") keeps the item's colour, in its translated values.
 */
function attributeNames(shown: ProductDetail, source: ProductDetail): string[] {
  return shown.product.options.map((option, i) => {
    const original = source.product.options[i]?.name;
    return optionAttribute(option.name) || !original ? option.name : original;
  });
}

function feedProduct(
  { shown: detail, source }: { shown: ProductDetail; source: ProductDetail },
  options: FeedSourceOptions,
  category: string | null,
  stock: ReadonlyMap<string, FeedAvailability>,
): FeedProduct {
  const { product, variants, images } = detail;
  const urls = new Map(
    images.map((image) => {
      const src = imageSrc(image);
      return [image.id, src ? options.imageUrl(src) : null];
    }),
  );
  return {
    id: product.id,
    title: product.title,
    descriptionHtml: product.description,
    path: options.productUrl(product.handle),
    vendor: product.vendor,
    categoryPath: category,
    images: [...urls.values()].filter((url): url is string => url !== null),
    optionNames: attributeNames(detail, source),
    variants: variants.map((variant) => ({
      id: variant.id,
      optionValues: [variant.option1, variant.option2, variant.option3].slice(0, product.options.length),
      sku: variant.sku,
      barcode: variant.barcode,
      priceAmount: variant.priceAmount,
      compareAtAmount: variant.compareAtAmount,
      availability: stock.get(variant.id) ?? 'out_of_stock',
      weightGrams: variant.weightGrams,
      imageUrl: variant.imageId ? (urls.get(variant.imageId) ?? null) : null,
    })),
  };
}

/**
 * Every active product of the store as a FeedProduct, in handle order. The handles are read first
 * and each page is then the range between two of them: a range scan on the store's handle index that
 * reads only that page's rows, however large the catalog and whatever the planner's statistics say.
 */
export async function* feedProducts(db: Db, options: FeedSourceOptions): AsyncGenerator<FeedProduct> {
  const { store } = options;
  const stock = options.stock ?? activeVariantsInStock;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const active = and(eq(products.storeId, store.id), eq(products.status, 'active'));
  const handles = await db
    .select({ handle: products.handle })
    .from(products)
    .where(active)
    .orderBy(asc(products.handle));
  for (let i = 0; i < handles.length; i += pageSize) {
    const first = handles[i]!.handle;
    const last = handles[Math.min(i + pageSize, handles.length) - 1]!.handle;
    const rows = await db
      .select()
      .from(products)
      .where(and(active, between(products.handle, first, last)))
      .orderBy(asc(products.handle));
    const details = await localized(db, options, await loadProductDetails(db, rows));
    const sources = details.map((d) => d.source);
    const [paths, levels] = await Promise.all([
      categoryPaths(db, store.id, sources),
      stock.availability(
        store.id,
        sources.flatMap((d) =>
          d.variants.map((v) => ({
            variantId: v.id,
            productId: d.product.id,
            inventoryPolicy: v.inventoryPolicy,
          })),
        ),
      ),
    ]);
    for (const detail of details) {
      const categoryId = detail.source.product.categoryId;
      yield feedProduct(detail, options, categoryId ? (paths.get(categoryId) ?? null) : null, levels);
    }
  }
}
