import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, forbidden, isUniqueViolation, notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { localePathSegment, recordAudit, type Store } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { loadProductDetails, type ProductDetail } from '../product-detail.ts';
import type { CatalogWriter } from '../products.ts';
import { recordHandleChange } from '../redirects.ts';
import { catalogTranslations, products } from '../schema.ts';
import {
  IMAGE_ALT_FIELD,
  missingPaths,
  optionNameField,
  optionValueField,
  productTextFields,
  type TranslationTexts,
  translationSlots,
  translationTexts,
} from './translatable-fields.ts';
import { type TranslationInput, translationInput } from './translation-input.ts';
import { translationLocale, translationLocales } from './translation-locale.ts';
import { readTexts } from './translation-rows.ts';

type StoreLocales = Pick<Store, 'id' | 'handle' | 'locale' | 'enabledLocales'>;

async function loadProduct(db: Db, storeId: string, productId: string, lock = false): Promise<ProductDetail> {
  const query = db
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, productId)));
  const [product] = lock ? await query.for('update') : await query;
  if (!product) throw notFound('Product');
  const [detail] = await loadProductDetails(db, [product]);
  return detail!;
}

const entityIdsOf = (detail: ProductDetail) => [detail.product.id, ...detail.images.map((i) => i.id)];

/** The product's address in a locale, on the store's path-mounted storefront. */
function localizedStorefrontPath(storeHandle: string, locale: string, handle: string): string {
  return `/s/${storeHandle}/${localePathSegment(locale)}/products/${handle}`;
}

/** Source text and translation side by side, as a translator edits them. */
function translationView(
  store: StoreLocales,
  detail: ProductDetail,
  locale: string,
  texts: TranslationTexts,
) {
  const { product, images } = detail;
  const own = texts.get(product.id);
  const pair = (source: string | null, field: string) => ({
    source: source ?? '',
    value: own?.get(field) ?? null,
  });
  const handle = own?.get('handle') ?? null;
  return {
    productId: product.id,
    locale,
    defaultLocale: store.locale,
    fields: {
      title: pair(product.title, 'title'),
      description: pair(product.description, 'description'),
      seoTitle: pair(product.seoTitle, 'seoTitle'),
      seoDescription: pair(product.seoDescription, 'seoDescription'),
      handle: pair(product.handle, 'handle'),
    },
    options: product.options.map((option) => ({
      name: pair(option.name, optionNameField(option.name)),
      values: option.values.map((value) => pair(value, optionValueField(option.name, value))),
    })),
    images: images.map((image) => ({
      id: image.id,
      url: image.sourceUrl,
      alt: { source: image.alt ?? '', value: texts.get(image.id)?.get(IMAGE_ALT_FIELD) ?? null },
    })),
    missing: missingPaths(translationSlots(detail), texts),
    storefrontUrl: localizedStorefrontPath(store.handle, locale, handle ?? product.handle),
  };
}

export type ProductTranslationView = ReturnType<typeof translationView>;

export async function getProductTranslation(
  db: Db,
  store: StoreLocales,
  productId: string,
  requestedLocale: string,
): Promise<ProductTranslationView> {
  const locale = translationLocale(store, requestedLocale);
  const detail = await loadProduct(db, store.id, productId);
  return translationView(store, detail, locale, await readTexts(db, entityIdsOf(detail), locale));
}

/** How complete a product is in every locale the store translates into (the editor's tabs). */
export async function getProductTranslationStatus(db: Db, store: StoreLocales, productId: string) {
  const detail = await loadProduct(db, store.id, productId);
  const slots = translationSlots(detail);
  const locales = await Promise.all(
    translationLocales(store).map(async (locale) => {
      const missing = missingPaths(slots, await readTexts(db, entityIdsOf(detail), locale));
      return { locale, missing, complete: missing.length === 0 };
    }),
  );
  return { productId, defaultLocale: store.locale, locales };
}

interface TranslationRow {
  entityId: string;
  field: string;
  value: string;
}

/** The rows a translation request stands for, after checking it names only what the product has. */
function requestedRows(
  detail: ProductDetail,
  input: ReturnType<typeof translationInput.parse>,
): TranslationRow[] {
  const { product } = detail;
  const rows: TranslationRow[] = [];
  const add = (entityId: string, field: string, value: string | null) => {
    if (value) rows.push({ entityId, field, value });
  };
  for (const field of productTextFields) add(product.id, field, input[field]);
  for (const [name, option] of Object.entries(input.options)) {
    const source = product.options.find((o) => o.name === name);
    if (!source) {
      throw unprocessable('unknown_option', `The product has no option named "${name}".`, {
        path: `options.${name}`,
        options: product.options.map((o) => o.name),
      });
    }
    add(product.id, optionNameField(name), option.name);
    for (const [value, translated] of Object.entries(option.values)) {
      if (!source.values.includes(value)) {
        throw unprocessable('unknown_option_value', `The option "${name}" has no value "${value}".`, {
          path: `options.${name}.values.${value}`,
          values: source.values,
        });
      }
      add(product.id, optionValueField(name, value), translated);
    }
  }
  for (const [imageId, alt] of Object.entries(input.images)) {
    if (!detail.images.some((i) => i.id === imageId)) {
      throw unprocessable('unknown_image', `Image ${imageId} is not an image of this product.`, {
        path: `images.${imageId}`,
      });
    }
    add(imageId, IMAGE_ALT_FIELD, alt);
  }
  return rows;
}

/** The audit log's picture of one locale's translations: `field` or `<image id>.alt` → text. */
function auditPicture(detail: ProductDetail, locale: string, rows: TranslationRow[]) {
  const texts: Record<string, string> = {};
  for (const row of rows)
    texts[row.entityId === detail.product.id ? row.field : `${row.entityId}.${row.field}`] = row.value;
  return { locale, texts };
}

/**
 * Replaces a product's translations in one locale with the ones sent (PUT: what is left out is no
 * longer translated). A localized handle that changes leaves a 301 from the old localized address.
 */
export async function putProductTranslation(
  db: Db,
  writer: CatalogWriter,
  store: StoreLocales,
  productId: string,
  requestedLocale: string,
  input: TranslationInput,
): Promise<ProductTranslationView> {
  const locale = translationLocale(store, requestedLocale);
  const data = translationInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const detail = await loadProduct(tx, store.id, productId, true);
      const { product } = detail;
      // The rule of every catalog edit: what shoppers see changes only through someone who may publish.
      if (product.status === 'active' && !writer.canPublish) {
        throw forbidden(
          'review_required',
          "Changes to a live product's text are reviewed before they go live.",
          {
            permission: 'catalog:publish',
          },
        );
      }
      // The default handle already serves every locale; repeating it is no localized handle.
      if (data.handle === product.handle) data.handle = null;
      if (data.handle) await assertHandleFree(tx, store.id, productId, data.handle);
      const rows = requestedRows(detail, data);
      const entityIds = entityIdsOf(detail);
      const before = await tx
        .select({
          entityId: catalogTranslations.entityId,
          field: catalogTranslations.field,
          value: catalogTranslations.value,
        })
        .from(catalogTranslations)
        .where(and(inArray(catalogTranslations.entityId, entityIds), eq(catalogTranslations.locale, locale)));
      await tx
        .delete(catalogTranslations)
        .where(and(inArray(catalogTranslations.entityId, entityIds), eq(catalogTranslations.locale, locale)));
      if (rows.length > 0) {
        await tx
          .insert(catalogTranslations)
          .values(
            rows.map((row) => ({ ...row, storeId: store.id, productId, locale, updatedAt: new Date() })),
          );
      }
      const oldHandle = before.find((r) => r.entityId === productId && r.field === 'handle')?.value;
      const from = oldHandle || product.handle;
      const to = data.handle ?? product.handle;
      if (from !== to) {
        const segment = localePathSegment(locale);
        await recordHandleChange(tx, store.id, `/${segment}/products/${from}`, `/${segment}/products/${to}`);
      }
      await announceCatalogChange(tx, store.id);
      await recordAudit(tx, writer.actor, {
        storeId: store.id,
        action: 'product.translated',
        entityType: 'product',
        entityId: productId,
        before: auditPicture(detail, locale, before),
        after: auditPicture(detail, locale, rows),
      });
      await emitEvent(tx, {
        storeId: store.id,
        type: 'product.translated',
        payload: { id: productId, locale, handle: to },
      });
      return translationView(store, detail, locale, translationTexts(rows));
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken(locale);
    throw err;
  }
}

const handleTaken = (locale: string) =>
  conflict('handle_taken', `Another product in this store already has this handle in ${locale}.`);

/**
 * A localized handle may not be another product's default handle either: both are served under the
 * locale's prefix, so one of them would be unreachable. (Two localized handles in one locale are
 * kept apart by a unique index.)
 */
async function assertHandleFree(tx: Db, storeId: string, productId: string, handle: string) {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.handle, handle), ne(products.id, productId)))
    .limit(1);
  if (taken) throw conflict('handle_taken', 'Another product in this store has this handle.');
}
