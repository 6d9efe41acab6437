import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { localePathSegment, type Store } from '../../access/index.ts';
import { loadProductDetails, type ProductDetail } from '../product-detail.ts';
import type { CatalogWriter } from '../products.ts';
import { products } from '../schema.ts';
import { resetReviewIfChanged, reviewUnderWay } from '../workflow/review-reset.ts';
import { findOpenRevision, type Revision } from '../workflow/revision-store.ts';
import { changesAreStagedFor, stageProductChange } from '../workflow/stage-product-change.ts';
import {
  assertLocalizedHandleFree,
  entityIdsOf,
  localizedHandleTaken,
  readLocaleRows,
  replaceLocaleTranslation,
  translationRowsFor,
} from './locale-translation.ts';
import {
  IMAGE_ALT_FIELD,
  missingPaths,
  optionNameField,
  optionValueField,
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
) {
  const locale = translationLocale(store, requestedLocale);
  const detail = await loadProduct(db, store.id, productId);
  return {
    ...translationView(store, detail, locale, await readTexts(db, entityIdsOf(detail), locale)),
    /** The translation staged for review in this locale (null when none is): what goes live once published. */
    staged: await stagedTranslationOf(db, store, detail, locale),
  };
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

/**
 * The product's translations in one locale, with the translation the open staged revision holds for
 * it (when it holds one): live text is what shoppers see; the staged text is what a writer whose
 * changes are staged goes on editing, and what a reviewer approves.
 */
async function stagedTranslationOf(db: Db, store: StoreLocales, detail: ProductDetail, locale: string) {
  const open = await findOpenRevision(db, detail.product.id);
  const rows = open?.kind === 'staged' ? open.changes?.translations?.[locale] : undefined;
  if (!open || !rows) return null;
  return {
    revision: revisionRef(open),
    ...translationView(store, detail, locale, translationTexts(rows)),
  };
}

const revisionRef = (revision: Revision) => ({
  id: revision.id,
  number: revision.number,
  state: revision.state,
});

export interface TranslationWriteOutcome {
  /** The translation as saved: live when applied, the staged text when staged. */
  translation: ProductTranslationView;
  /** True when the change went into the product's staged revision (the live text is unchanged). */
  staged: boolean;
  /**
   * The revision the change went into when staged; when applied to a product that is not live, the
   * review of its content that was under way (in review or approved), as it is after the change.
   */
  revision: ReturnType<typeof revisionRef> | null;
  /** True when the change sent what was in review or approved back to draft: it must be submitted again. */
  reviewReset: boolean;
}

/**
 * Replaces a product's translations in one locale with the ones sent (PUT: what is left out is no
 * longer translated). A localized handle that changes leaves a 301 from the old localized address.
 * Someone without catalog:publish translating a live product (or one with staged changes) changes
 * nothing live: the translation is staged in the product's revision, like every edit, and goes live
 * when a reviewer approves and publishes it.
 */
export async function putProductTranslation(
  db: Db,
  writer: CatalogWriter,
  store: StoreLocales,
  productId: string,
  requestedLocale: string,
  input: TranslationInput,
): Promise<TranslationWriteOutcome> {
  const locale = translationLocale(store, requestedLocale);
  const data = translationInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const detail = await loadProduct(tx, store.id, productId, true);
      if (await changesAreStagedFor(tx, writer, detail.product)) {
        const { revision, reviewReset } = await stageProductChange(tx, {
          store,
          product: productId,
          actor: writer.actor,
          change: { translations: { [locale]: data } },
        });
        const rows = revision?.changes?.translations?.[locale];
        const texts = rows ? translationTexts(rows) : await readTexts(tx, entityIdsOf(detail), locale);
        return {
          translation: translationView(store, detail, locale, texts),
          staged: true,
          revision: revision ? revisionRef(revision) : null,
          reviewReset,
        };
      }
      const rows = translationRowsFor(detail, data);
      const handle = rows.find((r) => r.entityId === productId && r.field === 'handle')?.value;
      if (handle) await assertLocalizedHandleFree(tx, store.id, productId, locale, handle);
      // Translations of a product that is not live are part of what its reviewer approves.
      const review = await reviewUnderWay(tx, detail.product);
      const before = await readLocaleRows(tx, entityIdsOf(detail), locale);
      await replaceLocaleTranslation(tx, writer.actor, { storeId: store.id, detail, locale }, before, rows);
      const afterChange = await resetReviewIfChanged(tx, writer.actor, review);
      return {
        translation: translationView(store, detail, locale, translationTexts(rows)),
        staged: false,
        revision: afterChange ? revisionRef(afterChange.revision) : null,
        reviewReset: afterChange?.reset ?? false,
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw localizedHandleTaken(locale);
    throw err;
  }
}
