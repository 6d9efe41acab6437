import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cachedConfigMany } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { Store } from '../access/index.ts';
import { catalogTopic } from './change-topic.ts';
import { imageSrc } from './media/image-source.ts';
import { productImages, products, productVariants } from './schema.ts';
import { optionValueField } from './translations/translatable-fields.ts';
import { translatedProduct } from './translations/translated-product.ts';
import { readTexts } from './translations/translation-rows.ts';
import { variantTitle } from './variant-set.ts';

/** What a cart line shows and checks of its variant, in the shopper's locale. */
export interface CartVariant {
  variantId: string;
  productId: string;
  /** The product's handle in the locale (its page's address there). */
  productHandle: string;
  /** The handle in the store's default locale (demo artwork is addressed by it). */
  defaultHandle: string;
  productTitle: string;
  /** `active` is on sale; `draft` and `archived` are not. */
  productStatus: string;
  /** "Navy / M" in the locale; empty for a product's only variant. */
  title: string;
  options: { name: string; value: string }[];
  sku: string | null;
  /** 'continue' keeps selling when out of stock. */
  inventoryPolicy: string;
  requiresShipping: boolean;
  /** Grams; null when the catalog has no weight for it. */
  weightGrams: number | null;
  /** The catalog's base price and compare-at price (minor units of the base currency). */
  priceAmount: number;
  compareAtAmount: number | null;
  /** The variant's own picture, else the product's first; null when it has none. */
  imageUrl: string | null;
}

type StoreLocale = Pick<Store, 'id' | 'locale'>;

// Every pricing of a cart reads its variants: built once (platform/db/prepared.ts).
const cartVariantRows = (db: Db, name: string) =>
  db
    .select({ variant: productVariants, product: products })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        eq(productVariants.storeId, sql.placeholder('storeId')),
        sql`${productVariants.id} = any(${sql.placeholder('ids')}::text[])`,
      ),
    )
    .prepare(name);

/**
 * The store's variants among `variantIds` with their products, as a cart shows them in `locale`
 * (translated titles, option values and handles; the default locale's where none). Unknown ids and
 * other stores' variants are left out, so a deleted variant is simply missing.
 *
 * Every step of a checkout prices its cart, so each variant is kept in the process's configuration
 * cache until the store's catalog changes (every catalog writer announces `catalog:<store>`: products
 * and variants, their images, translations and status). A read finds only the variants not held, in
 * two queries (three in another locale). The values are shared: callers must not change them.
 */
export async function findCartVariants(
  db: Db,
  store: StoreLocale,
  locale: string,
  variantIds: readonly string[],
): Promise<Map<string, CartVariant>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const found = await cachedConfigMany(
    ids,
    (id) => `${store.id}:cart-variant:${store.locale}:${locale}:${id}`,
    [catalogTopic(store.id)],
    (missing) => readCartVariants(db, store, locale, missing),
  );
  // In the order asked for.
  return new Map(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!]] : [])));
}

async function readCartVariants(
  db: Db,
  store: StoreLocale,
  locale: string,
  variantIds: readonly string[],
): Promise<Map<string, CartVariant>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = await prepared(db, 'cart_variants', cartVariantRows).execute({ storeId: store.id, ids });
  const imageIds = rows.flatMap((r) => (r.variant.imageId ? [r.variant.imageId] : []));
  const [images, texts] = await Promise.all([
    imageIds.length === 0
      ? []
      : db
          .select({
            id: productImages.id,
            mediaKey: productImages.mediaKey,
            sourceUrl: productImages.sourceUrl,
          })
          .from(productImages)
          .where(inArray(productImages.id, imageIds)),
    locale === store.locale
      ? new Map<string, Map<string, string>>()
      : readTexts(db, [...new Set(rows.map((r) => r.product.id))], locale, [
          'title',
          'handle',
          ...rows.flatMap((r) => optionFields(r.product.options, r.variant)),
        ]),
  ]);
  const imageOf = new Map(images.map((i) => [i.id, imageSrc(i)]));
  const found = new Map<string, CartVariant>();
  for (const { variant, product } of rows) {
    const fields = texts.get(product.id);
    const shown = translatedProduct(product, fields);
    const values = [variant.option1, variant.option2, variant.option3].map((value, i) => {
      const option = product.options[i];
      return option && value ? fields?.get(optionValueField(option.name, value))?.trim() || value : value;
    });
    found.set(variant.id, {
      variantId: variant.id,
      productId: product.id,
      productHandle: shown.handle,
      defaultHandle: product.handle,
      productTitle: shown.title,
      productStatus: product.status,
      title: variantTitle({ option1: values[0]!, option2: values[1]!, option3: values[2]! }),
      options: shown.options.map((option, i) => ({ name: option.name, value: values[i] ?? '' })),
      sku: variant.sku,
      inventoryPolicy: variant.inventoryPolicy,
      requiresShipping: variant.requiresShipping,
      weightGrams: variant.weightGrams,
      priceAmount: variant.priceAmount,
      compareAtAmount: variant.compareAtAmount,
      imageUrl: (variant.imageId ? imageOf.get(variant.imageId) : null) ?? product.imageUrl,
    });
  }
  return found;
}

function optionFields(
  options: readonly { name: string }[],
  variant: { option1: string; option2: string; option3: string },
): string[] {
  const values = [variant.option1, variant.option2, variant.option3];
  return options.flatMap((option, i) => (values[i] ? [optionValueField(option.name, values[i]!)] : []));
}

/**
 * The variant ids of the store's products among `productIds`, in position order, by product: what
 * a listing prices its cards from in a shopper's market.
 */
export async function findVariantIdsOfProducts(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: productVariants.id, productId: productVariants.productId })
    .from(productVariants)
    .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.productId, ids)))
    .orderBy(asc(productVariants.productId), asc(productVariants.position));
  const byProduct = new Map<string, string[]>();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row.id]);
  return byProduct;
}
