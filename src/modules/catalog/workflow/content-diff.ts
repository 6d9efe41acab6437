import type { TranslationRow } from '../translations/locale-translation.ts';
import { productTextFields, translatedPiece } from '../translations/translatable-fields.ts';
import type { ContentImage, ContentVariant, ProductContent } from './product-content.ts';

/**
 * What a reviewer reads: the revision against the live product, field by field. Lists (variants,
 * images) are compared item by item — variants matched by id, else by their option values; images
 * by URL — so a price change on one variant reads as that, not as "the variants changed".
 */
export type TextField =
  | 'title'
  | 'handle'
  | 'description'
  | 'seoTitle'
  | 'seoDescription'
  | 'focusKeyword'
  | 'vendor'
  | 'productType'
  | 'categoryId';

export interface TextChange {
  field: TextField;
  kind: 'text';
  before: string | null;
  after: string | null;
}

export interface TagsChange {
  field: 'tags';
  kind: 'tags';
  before: string[];
  after: string[];
  added: string[];
  removed: string[];
}

/** The product's price range (lowest and highest variant price), in minor units. */
export interface PriceChange {
  field: 'price';
  kind: 'price';
  before: { min: number; max: number } | null;
  after: { min: number; max: number } | null;
}

export interface OptionsChange {
  field: 'options';
  kind: 'options';
  before: { name: string; values: string[] }[];
  after: { name: string; values: string[] }[];
}

export interface ValueChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  /** How a person recognises the item: the variant's options (and SKU), or the image URL. */
  label: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** Changed sub-fields (for `changed`; a move also lists position). */
  fields: ValueChange[];
}

export interface ListChange {
  field: 'variants' | 'images';
  kind: 'list';
  items: ItemChange[];
}

/** One translated piece whose text changes in a locale. */
export interface TranslationPieceChange {
  /**
   * The piece: a product text field (`title`, `description`, `seoTitle`, `seoDescription`, `handle`),
   * `optionName`, `optionValue` or `alt` (an image's alt text).
   */
  field: string;
  /** What it belongs to: the option ("Colour"), the option value ("Colour: Red"), the image's URL; null for product text. */
  label: string | null;
  /** The text; null when the piece is not translated (the default locale shows). */
  before: string | null;
  after: string | null;
}

/** A locale's translations the revision changes (one entry per locale, field `translations.<locale>`). */
export interface TranslationChange {
  field: string;
  kind: 'translation';
  locale: string;
  items: TranslationPieceChange[];
}

export type FieldChange =
  | TextChange
  | TagsChange
  | PriceChange
  | OptionsChange
  | ListChange
  | TranslationChange;

export interface ContentDiff {
  /** `live`: against what the storefront shows; `nothing`: the product has never been live (all is new). */
  against: 'live' | 'nothing';
  currency: string;
  fields: FieldChange[];
}

const textFields: TextField[] = [
  'title',
  'handle',
  'description',
  'seoTitle',
  'seoDescription',
  'focusKeyword',
  'vendor',
  'productType',
  'categoryId',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function priceRange(variants: ContentVariant[]) {
  if (variants.length === 0) return null;
  const prices = variants.map((v) => v.price.amount);
  return { min: Math.min(...prices), max: Math.max(...prices) };
}

const variantFields = [
  'sku',
  'barcode',
  'optionValues',
  'price',
  'compareAtPrice',
  'cost',
  'weightGrams',
  'requiresShipping',
  'taxable',
  'taxClass',
  'inventoryPolicy',
] as const satisfies readonly (keyof ContentVariant)[];

function variantLabel(v: ContentVariant): string {
  const name = v.optionValues.length > 0 ? v.optionValues.join(' / ') : 'Default';
  return v.sku ? `${name} (${v.sku})` : name;
}

const optionKey = (v: ContentVariant) => v.optionValues.map((o) => o.trim().toLowerCase()).join('\u0000');

/** The URL of the image a variant shows (positions shift when images move; the image is what matters). */
const variantImage = (v: ContentVariant, images: ContentImage[]) =>
  v.imagePosition ? (images[v.imagePosition - 1]?.url ?? null) : null;

function diffVariants(
  before: ContentVariant[],
  after: ContentVariant[],
  images: { before: ContentImage[]; after: ContentImage[] },
): ItemChange[] {
  const items: ItemChange[] = [];
  const unmatched = new Set(before.map((_, i) => i));
  const findMatch = (v: ContentVariant): number => {
    const byId = v.id ? before.findIndex((b, i) => unmatched.has(i) && b.id === v.id) : -1;
    if (byId >= 0) return byId;
    return before.findIndex((b, i) => unmatched.has(i) && optionKey(b) === optionKey(v));
  };
  for (const [position, variant] of after.entries()) {
    const at = findMatch(variant);
    if (at < 0) {
      items.push({ label: variantLabel(variant), change: 'added', fields: [] });
      continue;
    }
    unmatched.delete(at);
    const old = before[at]!;
    const fields: ValueChange[] = variantFields
      .filter((f) => !same(old[f], variant[f]))
      .map((f) => ({ field: f, before: old[f], after: variant[f] }));
    const [imageBefore, imageAfter] = [variantImage(old, images.before), variantImage(variant, images.after)];
    if (imageBefore !== imageAfter) fields.push({ field: 'image', before: imageBefore, after: imageAfter });
    if (fields.length > 0) items.push({ label: variantLabel(variant), change: 'changed', fields });
    else if (at !== position)
      items.push({
        label: variantLabel(variant),
        change: 'moved',
        fields: [{ field: 'position', before: at + 1, after: position + 1 }],
      });
  }
  for (const at of unmatched) items.push({ label: variantLabel(before[at]!), change: 'removed', fields: [] });
  return items;
}

function diffImages(before: ContentImage[], after: ContentImage[]): ItemChange[] {
  const items: ItemChange[] = [];
  const unmatched = new Set(before.map((_, i) => i));
  for (const [position, image] of after.entries()) {
    const at = before.findIndex((b, i) => unmatched.has(i) && b.url === image.url);
    if (at < 0) {
      items.push({
        label: image.url,
        change: 'added',
        fields: image.alt ? [{ field: 'alt', before: null, after: image.alt }] : [],
      });
      continue;
    }
    unmatched.delete(at);
    const fields: ValueChange[] = [];
    if (before[at]!.alt !== image.alt)
      fields.push({ field: 'alt', before: before[at]!.alt, after: image.alt });
    if (at !== position) fields.push({ field: 'position', before: at + 1, after: position + 1 });
    if (fields.length > 0)
      items.push({
        label: image.url,
        change: fields.some((f) => f.field === 'alt') ? 'changed' : 'moved',
        fields,
      });
  }
  for (const at of unmatched) items.push({ label: before[at]!.url, change: 'removed', fields: [] });
  return items;
}

const emptyContent: ProductContent = {
  title: '',
  handle: '',
  description: '',
  seoTitle: null,
  seoDescription: null,
  focusKeyword: null,
  vendor: null,
  productType: null,
  tags: [],
  categoryId: null,
  options: [],
  variants: [],
  images: [],
};

/** The differences from `before` (the live content; null when there is none) to `after`. */
export function diffContent(
  before: ProductContent | null,
  after: ProductContent,
  currency: string,
): ContentDiff {
  const from = before ?? emptyContent;
  const fields: FieldChange[] = [];
  for (const field of textFields) {
    const a = from[field] || null;
    const b = after[field] || null;
    if (a !== b) fields.push({ field, kind: 'text', before: a, after: b });
  }
  if (!same(from.tags, after.tags)) {
    fields.push({
      field: 'tags',
      kind: 'tags',
      before: from.tags,
      after: after.tags,
      added: after.tags.filter((t) => !from.tags.includes(t)),
      removed: from.tags.filter((t) => !after.tags.includes(t)),
    });
  }
  const beforePrice = priceRange(from.variants);
  const afterPrice = priceRange(after.variants);
  if (!same(beforePrice, afterPrice))
    fields.push({ field: 'price', kind: 'price', before: beforePrice, after: afterPrice });
  if (!same(from.options, after.options))
    fields.push({ field: 'options', kind: 'options', before: from.options, after: after.options });
  const variants = diffVariants(from.variants, after.variants, { before: from.images, after: after.images });
  if (variants.length > 0) fields.push({ field: 'variants', kind: 'list', items: variants });
  const images = diffImages(from.images, after.images);
  if (images.length > 0) fields.push({ field: 'images', kind: 'list', items: images });
  return { against: before ? 'live' : 'nothing', currency, fields };
}

/** Pieces in the order a translator sees them: product text, options, then images by position. */
const pieceOrder = (field: string) => {
  const at = (productTextFields as readonly string[]).indexOf(field);
  if (at >= 0) return at;
  return { optionName: 10, optionValue: 10 }[field] ?? 1000;
};

/**
 * The differences of one locale's translations, `before` (live rows) to `after` (staged rows), piece
 * by piece; null when there are none. `images` names the product's images (alt text is kept by image id).
 */
export function diffTranslation(
  locale: string,
  before: readonly TranslationRow[],
  after: readonly TranslationRow[],
  product: { id: string; images: { id: string; url: string | null }[] },
): TranslationChange | null {
  const key = (r: TranslationRow) => `${r.entityId}\u0000${r.field}`;
  const old = new Map(before.map((r) => [key(r), r]));
  const next = new Map(after.map((r) => [key(r), r]));
  const items: (TranslationPieceChange & { rank: number; key: string })[] = [];
  for (const k of new Set([...old.keys(), ...next.keys()])) {
    const row = (next.get(k) ?? old.get(k))!;
    const a = old.get(k)?.value || null;
    const b = next.get(k)?.value || null;
    if (a === b) continue;
    const piece = translatedPiece(row.field);
    const imageAt = product.images.findIndex((i) => i.id === row.entityId);
    const item =
      row.entityId !== product.id
        ? {
            field: 'alt',
            label: product.images[imageAt]?.url ?? row.entityId,
            rank: 20 + Math.max(imageAt, 0) / 1000,
          }
        : piece.kind === 'text'
          ? { field: piece.field, label: null, rank: pieceOrder(piece.field) }
          : piece.kind === 'optionName'
            ? { field: 'optionName', label: piece.option, rank: pieceOrder('optionName') }
            : piece.kind === 'optionValue'
              ? {
                  field: 'optionValue',
                  label: `${piece.option}: ${piece.value}`,
                  rank: pieceOrder('optionValue'),
                }
              : { field: row.field, label: null, rank: pieceOrder(row.field) };
    items.push({ ...item, key: k, before: a, after: b });
  }
  if (items.length === 0) return null;
  // Rows come back from the database in no set order: ties are broken by the row's own key.
  items.sort((x, y) => x.rank - y.rank || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return {
    field: `translations.${locale}`,
    kind: 'translation',
    locale,
    items: items.map(({ rank: _rank, key: _key, ...item }) => item),
  };
}
