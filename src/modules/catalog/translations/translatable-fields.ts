import type { Product, ProductImage } from '../product-detail.ts';

/**
 * What of a product can be translated, and how each piece is stored in `catalog_translations`
 * (one row per entity, locale and field). Product-level text lives on the product's id; alt text on
 * the image's id. Options have no ids, so their rows are keyed by the default-locale text: a renamed
 * option or value needs translating again, which is what a translator would want anyway.
 */

export const productTextFields = ['title', 'description', 'seoTitle', 'seoDescription', 'handle'] as const;
export type ProductTextField = (typeof productTextFields)[number];

export const IMAGE_ALT_FIELD = 'alt';

const OPTION_NAME_PREFIX = 'option.name:';
const OPTION_VALUE_PREFIX = 'option.value:';

export function optionNameField(optionName: string): string {
  return `${OPTION_NAME_PREFIX}${JSON.stringify(optionName)}`;
}

export function optionValueField(optionName: string, value: string): string {
  return `${OPTION_VALUE_PREFIX}${JSON.stringify([optionName, value])}`;
}

/** What a stored translation row of a product stands for, read back from its field name. */
export type TranslatedPiece =
  | { kind: 'text'; field: ProductTextField }
  | { kind: 'optionName'; option: string }
  | { kind: 'optionValue'; option: string; value: string }
  | { kind: 'alt' }
  | { kind: 'unknown' };

/** Decodes a row's field name (the inverse of optionNameField / optionValueField). */
export function translatedPiece(field: string): TranslatedPiece {
  if ((productTextFields as readonly string[]).includes(field))
    return { kind: 'text', field: field as ProductTextField };
  if (field === IMAGE_ALT_FIELD) return { kind: 'alt' };
  try {
    if (field.startsWith(OPTION_NAME_PREFIX)) {
      const option = JSON.parse(field.slice(OPTION_NAME_PREFIX.length));
      if (typeof option === 'string') return { kind: 'optionName', option };
    }
    if (field.startsWith(OPTION_VALUE_PREFIX)) {
      const pair = JSON.parse(field.slice(OPTION_VALUE_PREFIX.length));
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
        return { kind: 'optionValue', option: pair[0], value: pair[1] };
    }
  } catch {
    // Not one of ours: reported as unknown below.
  }
  return { kind: 'unknown' };
}

/** One translatable piece of a product. */
export interface TranslationSlot {
  /** Where the piece is in the API's view, e.g. `title`, `options.0.values.2`, `images.1.alt`. */
  path: string;
  entityId: string;
  field: string;
  /** The default-locale text; '' when there is none. */
  source: string;
  /**
   * Whether a locale is incomplete without it: text the default locale has. A localized handle is
   * never required, because the default handle serves every locale well enough.
   */
  required: boolean;
}

/** What translationSlots reads of a product (a ProductDetail has it all). */
export interface TranslatableProduct {
  product: Pick<
    Product,
    'id' | 'title' | 'description' | 'seoTitle' | 'seoDescription' | 'handle' | 'options'
  >;
  images: Pick<ProductImage, 'id' | 'alt'>[];
}

/** Every translatable piece of a product, in the order an editor shows them. */
export function translationSlots(detail: TranslatableProduct): TranslationSlot[] {
  const { product, images } = detail;
  const id = product.id;
  const text = (path: ProductTextField, source: string | null): TranslationSlot => ({
    path,
    entityId: id,
    field: path,
    source: source ?? '',
    required: path !== 'handle' && (source ?? '').trim() !== '',
  });
  const slots = [
    text('title', product.title),
    text('description', product.description),
    text('seoTitle', product.seoTitle),
    text('seoDescription', product.seoDescription),
    text('handle', product.handle),
  ];
  for (const [o, option] of product.options.entries()) {
    slots.push({
      path: `options.${o}.name`,
      entityId: id,
      field: optionNameField(option.name),
      source: option.name,
      required: true,
    });
    for (const [v, value] of option.values.entries()) {
      slots.push({
        path: `options.${o}.values.${v}`,
        entityId: id,
        field: optionValueField(option.name, value),
        source: value,
        required: true,
      });
    }
  }
  for (const [i, image] of images.entries()) {
    slots.push({
      path: `images.${i}.alt`,
      entityId: image.id,
      field: IMAGE_ALT_FIELD,
      source: image.alt ?? '',
      required: (image.alt ?? '').trim() !== '',
    });
  }
  return slots;
}

/** Translations as read from the table: entity id → field → text. */
export type TranslationTexts = Map<string, Map<string, string>>;

/** Sets `map[outer][inner]`, making the inner map on first use (texts by entity, handles by product…). */
export function putNested<V>(map: Map<string, Map<string, V>>, outer: string, inner: string, value: V): void {
  let byInner = map.get(outer);
  if (!byInner) {
    byInner = new Map();
    map.set(outer, byInner);
  }
  byInner.set(inner, value);
}

export function translationTexts(
  rows: { entityId: string; field: string; value: string }[],
): TranslationTexts {
  const texts: TranslationTexts = new Map();
  for (const row of rows) putNested(texts, row.entityId, row.field, row.value);
  return texts;
}

/** The paths of required pieces that have no translation. */
export function missingPaths(slots: TranslationSlot[], texts: TranslationTexts): string[] {
  return slots.filter((s) => s.required && !texts.get(s.entityId)?.get(s.field)?.trim()).map((s) => s.path);
}
