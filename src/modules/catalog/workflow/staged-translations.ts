import type { Db } from '../../../platform/db/database.ts';
import { imageSrc } from '../media/image-source.ts';
import type { ProductDetail } from '../product-detail.ts';
import {
  assertLocalizedHandleFree,
  entityIdsOf,
  readLocaleRows,
  sameRows,
  sortedRows,
  type TranslationRow,
  translationRowsFor,
} from '../translations/locale-translation.ts';
import { type TranslationInput, translationInput } from '../translations/translation-input.ts';
import { translationLocale } from '../translations/translation-locale.ts';
import { diffTranslation, type TranslationChange } from './content-diff.ts';
import type { StagedChanges, StagedTranslations } from './product-content.ts';

/**
 * Translations in a staged revision: per locale, the rows the locale will have once published
 * (a whole locale, as PUT /translations/:locale replaces it). The reviewer's diff compares them
 * with the live rows of that locale, piece by piece.
 */

/** The live rows of the locales these changes stage, by locale. */
export type LiveTranslations = Record<string, TranslationRow[]>;

export async function liveTranslationsFor(
  db: Db,
  live: ProductDetail,
  changes: StagedChanges | null | undefined,
): Promise<LiveTranslations> {
  const result: LiveTranslations = {};
  for (const locale of Object.keys(changes?.translations ?? {})) {
    result[locale] = await readLocaleRows(db, entityIdsOf(live), locale);
  }
  return result;
}

const imageLabels = (live: ProductDetail) =>
  live.images.map((i) => ({ id: i.id, url: i.sourceUrl ?? imageSrc(i) }));

/** One diff entry per staged locale whose rows differ from the live ones. */
export function translationDiffs(
  live: ProductDetail,
  changes: StagedChanges | null | undefined,
  liveRows: LiveTranslations,
): TranslationChange[] {
  const product = { id: live.product.id, images: imageLabels(live) };
  return Object.entries(changes?.translations ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([locale, rows]) => {
      const change = diffTranslation(locale, liveRows[locale] ?? [], rows, product);
      return change ? [change] : [];
    });
}

/** The rows that still have something to hang on: the product, or one of its images (removed ones lose theirs). */
export function rowsForProduct(detail: ProductDetail, rows: readonly TranslationRow[]): TranslationRow[] {
  const ids = new Set(entityIdsOf(detail));
  return rows.filter((row) => ids.has(row.entityId));
}

export interface StagingStoreLocales {
  locale?: string;
  enabledLocales?: readonly string[];
}

/**
 * The staged translations after `requested` (locale → the whole translation, as a PUT takes it):
 * each locale is checked (422 `locale_not_enabled`, `default_locale`, `unknown_option`…; 409
 * `handle_taken`) against the live product, and a locale that ends up equal to its live rows is no
 * longer staged.
 */
export async function nextStagedTranslations(
  tx: Db,
  store: { id: string } & StagingStoreLocales,
  live: ProductDetail,
  current: StagedTranslations | undefined,
  requested: Record<string, TranslationInput> | undefined,
): Promise<StagedTranslations> {
  const result: StagedTranslations = { ...current };
  if (!requested) return result;
  if (!store.locale || !store.enabledLocales) {
    throw new Error('stageProductChange: staging translations needs the store locale and enabledLocales.');
  }
  const locales = { locale: store.locale, enabledLocales: [...store.enabledLocales] };
  for (const [requestedLocale, input] of Object.entries(requested)) {
    const locale = translationLocale(locales, requestedLocale);
    const rows = translationRowsFor(live, translationInput.parse(input));
    const handle = rows.find((r) => r.entityId === live.product.id && r.field === 'handle')?.value;
    if (handle) await assertLocalizedHandleFree(tx, store.id, live.product.id, locale, handle);
    const liveRows = await readLocaleRows(tx, entityIdsOf(live), locale);
    if (sameRows(liveRows, rows)) delete result[locale];
    else result[locale] = sortedRows(rows);
  }
  return result;
}
