import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import type { Actor } from '../../access/actor.ts';
import { localePathSegment, recordAudit } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import type { ProductDetail } from '../product-detail.ts';
import { recordHandleChange } from '../redirects.ts';
import { catalogTranslations, products } from '../schema.ts';
import {
  IMAGE_ALT_FIELD,
  optionNameField,
  optionValueField,
  productTextFields,
  translatedPiece,
} from './translatable-fields.ts';
import type { TranslationInput, translationInput } from './translation-input.ts';

/**
 * One product's translations in one locale as rows of `catalog_translations`: what a PUT of that
 * locale writes, and what a staged revision keeps until it is published (the same rows, so
 * publishing writes exactly what the reviewer saw).
 */
export interface TranslationRow {
  entityId: string;
  field: string;
  value: string;
}

export type ParsedTranslationInput = ReturnType<typeof translationInput.parse>;

/** The entities a product's translations hang on: the product and its images. */
export const entityIdsOf = (detail: ProductDetail) => [detail.product.id, ...detail.images.map((i) => i.id)];

/** Rows in one order (entity, then field) with their keys in one order, so equal sets compare equal. */
export function sortedRows(rows: readonly TranslationRow[]): TranslationRow[] {
  return rows
    .map(({ entityId, field, value }) => ({ entityId, field, value }))
    .sort((a, b) =>
      a.entityId === b.entityId ? (a.field < b.field ? -1 : 1) : a.entityId < b.entityId ? -1 : 1,
    );
}

export function sameRows(a: readonly TranslationRow[], b: readonly TranslationRow[]): boolean {
  return JSON.stringify(sortedRows(a)) === JSON.stringify(sortedRows(b));
}

/**
 * The rows a translation request stands for, after checking it names only what the product has
 * (422 `unknown_option`, `unknown_option_value`, `unknown_image`). A localized handle equal to the
 * default handle is no localized handle: the default already serves every locale.
 */
export function translationRowsFor(detail: ProductDetail, input: ParsedTranslationInput): TranslationRow[] {
  const { product } = detail;
  const rows: TranslationRow[] = [];
  const add = (entityId: string, field: string, value: string | null) => {
    if (value) rows.push({ entityId, field, value });
  };
  for (const field of productTextFields) {
    add(product.id, field, field === 'handle' && input.handle === product.handle ? null : input[field]);
  }
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

/** Rows back in the shape a PUT takes (what a caller edits one piece of, then sends whole). */
export function translationInputFromRows(
  detail: ProductDetail,
  rows: readonly TranslationRow[],
): TranslationInput {
  const input: Required<Pick<TranslationInput, 'options' | 'images'>> & TranslationInput = {
    options: {},
    images: {},
  };
  const optionEntry = (name: string) => {
    input.options[name] ??= { name: null, values: {} };
    return input.options[name];
  };
  for (const row of rows) {
    const piece = translatedPiece(row.field);
    if (row.entityId !== detail.product.id) {
      if (piece.kind === 'alt') input.images[row.entityId] = row.value;
      continue;
    }
    if (piece.kind === 'text') input[piece.field] = row.value;
    else if (piece.kind === 'optionName') optionEntry(piece.option).name = row.value;
    else if (piece.kind === 'optionValue') {
      const entry = optionEntry(piece.option);
      entry.values = { ...entry.values, [piece.value]: row.value };
    }
  }
  return input;
}

/** Every stored translation row of these entities in one locale. */
export async function readLocaleRows(db: Db, entityIds: readonly string[], locale: string) {
  if (entityIds.length === 0) return [];
  return db
    .select({
      entityId: catalogTranslations.entityId,
      field: catalogTranslations.field,
      value: catalogTranslations.value,
    })
    .from(catalogTranslations)
    .where(
      and(inArray(catalogTranslations.entityId, [...entityIds]), eq(catalogTranslations.locale, locale)),
    );
}

/** Every stored translation row of these entities, by locale, in one order (locales without rows are absent). */
export async function readRowsByLocale(
  db: Db,
  entityIds: readonly string[],
): Promise<Record<string, TranslationRow[]>> {
  if (entityIds.length === 0) return {};
  const rows = await db
    .select({
      entityId: catalogTranslations.entityId,
      locale: catalogTranslations.locale,
      field: catalogTranslations.field,
      value: catalogTranslations.value,
    })
    .from(catalogTranslations)
    .where(inArray(catalogTranslations.entityId, [...entityIds]));
  const byLocale: Record<string, TranslationRow[]> = {};
  for (const { locale, ...row } of rows) {
    byLocale[locale] ??= [];
    byLocale[locale].push(row);
  }
  return Object.fromEntries(
    Object.keys(byLocale)
      .sort()
      .map((locale) => [locale, sortedRows(byLocale[locale]!)]),
  );
}

/**
 * A localized handle must be free in its locale: not another product's default handle (both are
 * served under the locale's prefix, so one would be unreachable) nor its handle in that locale.
 */
export async function assertLocalizedHandleFree(
  db: Db,
  storeId: string,
  productId: string,
  locale: string,
  handle: string,
) {
  const [byDefault] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.handle, handle), ne(products.id, productId)))
    .limit(1);
  if (byDefault) throw conflict('handle_taken', 'Another product in this store has this handle.');
  const [localized] = await db
    .select({ productId: catalogTranslations.productId })
    .from(catalogTranslations)
    .where(
      and(
        eq(catalogTranslations.storeId, storeId),
        eq(catalogTranslations.locale, locale),
        eq(catalogTranslations.field, 'handle'),
        eq(catalogTranslations.value, handle),
        ne(catalogTranslations.productId, productId),
      ),
    )
    .limit(1);
  if (localized) throw localizedHandleTaken(locale);
}

export const localizedHandleTaken = (locale: string) =>
  conflict('handle_taken', `Another product in this store already has this handle in ${locale}.`);

/** The audit log's picture of one locale's translations: `field` or `<image id>.alt` → text. */
function auditPicture(detail: ProductDetail, locale: string, rows: readonly TranslationRow[]) {
  const texts: Record<string, string> = {};
  for (const row of rows)
    texts[row.entityId === detail.product.id ? row.field : `${row.entityId}.${row.field}`] = row.value;
  return { locale, texts };
}

/**
 * Replaces the product's translations in one locale with `rows` (a PUT, or a staged revision being
 * published): a localized handle that changes leaves a 301 from its old address; audited as
 * `product.translated` (before and after), announced so cached pages drop, emitted as the
 * `product.translated` event — all in the caller's transaction.
 */
export async function replaceLocaleTranslation(
  tx: Db,
  actor: Actor,
  target: { storeId: string; detail: ProductDetail; locale: string },
  before: readonly TranslationRow[],
  rows: readonly TranslationRow[],
): Promise<void> {
  const { storeId, detail, locale } = target;
  const { product } = detail;
  const entityIds = entityIdsOf(detail);
  await tx
    .delete(catalogTranslations)
    .where(and(inArray(catalogTranslations.entityId, entityIds), eq(catalogTranslations.locale, locale)));
  if (rows.length > 0) {
    await tx.insert(catalogTranslations).values(
      rows.map((row) => ({
        ...row,
        storeId,
        productId: product.id,
        locale,
        updatedAt: new Date(),
      })),
    );
  }
  const handleIn = (list: readonly TranslationRow[]) =>
    list.find((r) => r.entityId === product.id && r.field === 'handle')?.value;
  const from = handleIn(before) || product.handle;
  const to = handleIn(rows) ?? product.handle;
  if (from !== to) {
    const segment = localePathSegment(locale);
    await recordHandleChange(tx, storeId, `/${segment}/products/${from}`, `/${segment}/products/${to}`);
  }
  await announceCatalogChange(tx, storeId);
  await recordAudit(tx, actor, {
    storeId,
    action: 'product.translated',
    entityType: 'product',
    entityId: product.id,
    before: auditPicture(detail, locale, before),
    after: auditPicture(detail, locale, rows),
  });
  await emitEvent(tx, {
    storeId,
    type: 'product.translated',
    payload: { id: product.id, locale, handle: to },
  });
}
