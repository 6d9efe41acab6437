import { createHash } from 'node:crypto';
import { unprocessable } from '../../../platform/errors.ts';
import { imageSrc } from '../media/image-source.ts';
import type { ProductDetail, ProductImage, ProductVariant } from '../product-detail.ts';
import type { UpdateProductInput } from '../product-input.ts';
import { updateProductInput } from '../product-input.ts';
import type { TranslationRow } from '../translations/locale-translation.ts';
import { sortedRows } from '../translations/locale-translation.ts';
import { assertConsistentVariants } from '../variant-set.ts';

/**
 * What a reviewer reviews: every field an editor can change, in one normalised shape, so that the
 * live product, a staged revision and an edit compare field by field (equal content, equal JSON).
 */
export interface ContentVariant {
  /** The live variant this one edits; null for a variant the revision adds. */
  id: string | null;
  sku: string | null;
  barcode: string | null;
  optionValues: string[];
  price: { amount: number };
  compareAtPrice: { amount: number } | null;
  cost: { amount: number } | null;
  weightGrams: number | null;
  requiresShipping: boolean;
  taxable: boolean;
  taxClass: string | null;
  inventoryPolicy: 'deny' | 'continue';
  /** 1-based position of the variant's image in `images`. */
  imagePosition: number | null;
}

export interface ContentImage {
  url: string;
  alt: string | null;
}

export interface ContentOption {
  name: string;
  values: string[];
}

export interface ProductContent {
  title: string;
  handle: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  focusKeyword: string | null;
  vendor: string | null;
  productType: string | null;
  tags: string[];
  categoryId: string | null;
  options: ContentOption[];
  variants: ContentVariant[];
  images: ContentImage[];
}

export type ContentField = keyof ProductContent;
/** The fields of a staged revision that differ from the live product. */
export type ContentChanges = Partial<ProductContent>;

/**
 * A file already in media storage (an upload to a live product by someone whose changes are staged)
 * that a staged image shows as `/media/<key>`. Publishing attaches it to the image the revision adds.
 */
export interface StagedUpload {
  key: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
  sizes: { key: string; width: number; height: number }[];
}

/** Per locale, every translation row the locale will have once the revision is published. */
export type StagedTranslations = Record<string, TranslationRow[]>;

/**
 * What a staged revision holds (`product_revisions.changes`): the content fields that differ from the
 * live product, the locales whose translations it replaces, and the files its new images show.
 */
export type StagedChanges = ContentChanges & {
  translations?: StagedTranslations;
  uploads?: StagedUpload[];
};

export const contentFields: readonly ContentField[] = [
  'title',
  'handle',
  'description',
  'seoTitle',
  'seoDescription',
  'focusKeyword',
  'vendor',
  'productType',
  'tags',
  'categoryId',
  'options',
  'variants',
  'images',
];

function normalOption(o: ContentOption): ContentOption {
  return { name: o.name, values: [...o.values] };
}

function normalVariant(v: Partial<ContentVariant> & { id?: string | null }): ContentVariant {
  return {
    id: v.id ?? null,
    sku: v.sku ?? null,
    barcode: v.barcode ?? null,
    optionValues: [...(v.optionValues ?? [])],
    price: { amount: v.price?.amount ?? 0 },
    compareAtPrice: v.compareAtPrice ? { amount: v.compareAtPrice.amount } : null,
    cost: v.cost ? { amount: v.cost.amount } : null,
    weightGrams: v.weightGrams ?? null,
    requiresShipping: v.requiresShipping ?? true,
    taxable: v.taxable ?? true,
    taxClass: v.taxClass ?? null,
    inventoryPolicy: v.inventoryPolicy ?? 'deny',
    imagePosition: v.imagePosition ?? null,
  };
}

function normalImage(i: ContentImage): ContentImage {
  return { url: i.url, alt: i.alt ?? null };
}

/** One field in its normal form (fixed key order, nulls for absent values). */
function normalField<F extends ContentField>(field: F, value: ProductContent[F]): ProductContent[F] {
  switch (field) {
    case 'options':
      return (value as ContentOption[]).map(normalOption) as ProductContent[F];
    case 'variants':
      return (value as ContentVariant[]).map(normalVariant) as ProductContent[F];
    case 'images':
      return (value as ContentImage[]).map(normalImage) as ProductContent[F];
    case 'tags':
      return [...(value as string[])] as ProductContent[F];
    default:
      return (value ?? (field === 'description' ? '' : null)) as ProductContent[F];
  }
}

/** Changes as stored (JSONB reorders keys) brought back to their normal form, fields in a fixed order. */
export function normalChanges(changes: ContentChanges | null | undefined): ContentChanges {
  const result: ContentChanges = {};
  if (!changes) return result;
  for (const field of contentFields) {
    if (field in changes) (result as Record<string, unknown>)[field] = normalField(field, changes[field]!);
  }
  return result;
}

/** An image's address in content: the URL it was recorded with, else where its stored file is served. */
const imageUrl = (image: ProductImage) => image.sourceUrl ?? imageSrc(image) ?? '';

function variantContent(v: ProductVariant, images: ProductImage[]): ContentVariant {
  const at = v.imageId ? images.findIndex((i) => i.id === v.imageId) : -1;
  return normalVariant({
    id: v.id,
    sku: v.sku,
    barcode: v.barcode,
    optionValues: [v.option1, v.option2, v.option3].filter(Boolean),
    price: { amount: v.priceAmount },
    compareAtPrice: v.compareAtAmount === null ? null : { amount: v.compareAtAmount },
    cost: v.costAmount === null ? null : { amount: v.costAmount },
    weightGrams: v.weightGrams,
    requiresShipping: v.requiresShipping,
    taxable: v.taxable,
    taxClass: v.taxClass,
    inventoryPolicy: v.inventoryPolicy as 'deny' | 'continue',
    imagePosition: at >= 0 ? at + 1 : null,
  });
}

/** The reviewable content of a stored product. */
export function contentOf(detail: ProductDetail): ProductContent {
  const { product, variants, images } = detail;
  const addressable = images.filter((i) => imageUrl(i) !== '');
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    focusKeyword: product.focusKeyword,
    vendor: product.vendor,
    productType: product.productType,
    tags: [...product.tags],
    categoryId: product.categoryId,
    options: product.options.map(normalOption),
    variants: variants.map((v) => variantContent(v, addressable)),
    images: addressable.map((i) => normalImage({ url: imageUrl(i), alt: i.alt })),
  };
}

function normalUpload(u: StagedUpload): StagedUpload {
  return {
    key: u.key,
    width: u.width,
    height: u.height,
    format: u.format,
    bytes: u.bytes,
    sizes: u.sizes.map(({ key, width, height }) => ({ key, width, height })),
  };
}

/** Staged changes in their normal form: content fields, then translations (locales sorted), then uploads. */
export function normalStagedChanges(changes: StagedChanges | null | undefined): StagedChanges {
  const result: StagedChanges = normalChanges(changes);
  const locales = Object.keys(changes?.translations ?? {}).sort();
  if (locales.length > 0) {
    result.translations = Object.fromEntries(
      locales.map((locale) => [locale, sortedRows(changes!.translations![locale]!)]),
    );
  }
  if (changes?.uploads?.length) {
    result.uploads = changes.uploads.map(normalUpload).sort((a, b) => (a.key < b.key ? -1 : 1));
  }
  return result;
}

/** What a revision changes, as reviewers and the audit log name it: content fields, and `translations`. */
export function stagedFieldNames(changes: StagedChanges | null | undefined): string[] {
  const names: string[] = contentFields.filter((field) => changes && field in changes);
  if (Object.keys(changes?.translations ?? {}).length > 0) names.push('translations');
  return names;
}

export function sameStagedChanges(a: StagedChanges | null | undefined, b: StagedChanges | null | undefined) {
  return JSON.stringify(normalStagedChanges(a)) === JSON.stringify(normalStagedChanges(b));
}

/** The live content with a staged revision's changes laid over it. */
export function withChanges(
  live: ProductContent,
  changes: ContentChanges | null | undefined,
): ProductContent {
  return { ...live, ...normalChanges(changes) };
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** Variant option values in the spelling of the option's own values ("red" → "Red"), as the store keeps them. */
function canonicalValues(values: string[], options: ContentOption[]): string[] {
  return values.map((value, i) => options[i]?.values.find((v) => fold(v) === fold(value)) ?? value);
}

/**
 * Applies an edit (the PATCH body of /products/:id) to content, the way updateProduct applies it to a
 * stored product: whole lists replace, the single-variant shorthands (`price`, `sku`, `imageUrl`) edit
 * the first variant or image. Variants sent without an id keep the id of the variant with the same
 * options, so an unchanged grid is no change. Status is not content and is ignored here.
 */
export function applyEdit(current: ProductContent, input: UpdateProductInput): ProductContent {
  const edit = updateProductInput.parse(input);
  const next: ProductContent = { ...current };
  const scalarFields = [
    'title',
    'handle',
    'description',
    'seoTitle',
    'seoDescription',
    'focusKeyword',
    'vendor',
    'productType',
    'categoryId',
  ] as const;
  for (const field of scalarFields) {
    if (edit[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = edit[field] ?? null;
  }
  if (edit.tags) next.tags = [...edit.tags];
  if (edit.options) next.options = edit.options.map(normalOption);

  if (edit.images) next.images = edit.images.map(normalImage);
  else if (edit.imageUrl !== undefined) {
    const rest = current.images.slice(1);
    next.images = edit.imageUrl
      ? [{ url: edit.imageUrl, alt: current.images[0]?.alt ?? null }, ...rest]
      : rest;
  }

  if (edit.variants) {
    const byOptions = new Map(current.variants.map((v) => [v.optionValues.map(fold).join('\u0000'), v.id]));
    next.variants = edit.variants.map((v) => {
      const optionValues = canonicalValues(v.optionValues, next.options);
      const id = v.id ?? byOptions.get(optionValues.map(fold).join('\u0000')) ?? null;
      return normalVariant({ ...v, id, optionValues });
    });
  } else if (edit.price !== undefined || edit.sku !== undefined) {
    if (current.variants.length > 1) {
      throw unprocessable(
        'has_variants',
        'This product has several variants: set price and SKU on each variant instead.',
      );
    }
    const first = current.variants[0] ?? normalVariant({});
    next.variants = [
      normalVariant({
        ...first,
        ...(edit.price !== undefined ? { price: edit.price } : {}),
        ...(edit.sku !== undefined ? { sku: edit.sku } : {}),
      }),
    ];
  } else if (edit.options) {
    next.variants = current.variants.map((v) =>
      normalVariant({ ...v, optionValues: canonicalValues(v.optionValues, next.options) }),
    );
  }
  if ((edit.images || edit.imageUrl !== undefined) && !edit.variants) {
    // As updateProduct does: a variant keeps showing its image wherever the image moves (by URL),
    // and shows none once the image is gone.
    next.variants = next.variants.map((v) => {
      const url = v.imagePosition ? current.images[v.imagePosition - 1]?.url : undefined;
      const at = url === undefined ? -1 : next.images.findIndex((image) => image.url === url);
      return { ...v, imagePosition: at >= 0 ? at + 1 : null };
    });
  }
  if (edit.variants || edit.options) {
    assertConsistentVariants(
      next.options,
      next.variants.map((v) => ({ ...v, id: v.id ?? undefined })),
    );
  }
  return next;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `proposed` that differ from `live`, in normal form. */
export function changedFields(live: ProductContent, proposed: ProductContent): ContentChanges {
  const changes: ContentChanges = {};
  for (const field of contentFields) {
    const before = normalField(field, live[field]);
    const after = normalField(field, proposed[field]);
    if (!same(before, after)) (changes as Record<string, unknown>)[field] = after;
  }
  return changes;
}

/** Staged changes as an edit for updateProduct (variant ids only where they name a live variant). */
export function changesAsEdit(changes: ContentChanges): UpdateProductInput {
  const normal = normalChanges(changes);
  const { variants, ...rest } = normal;
  return {
    ...rest,
    ...(variants
      ? {
          variants: variants.map(({ id, ...v }) => ({ ...v, ...(id ? { id } : {}) })),
        }
      : {}),
  } as UpdateProductInput;
}

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** A short stable hash of content or changes: what a reviewer saw, to check it is still what goes live. */
export function fingerprint(value: ProductContent | ContentChanges): string {
  return hash(normalChanges(value));
}

/**
 * The fingerprint of a staged revision: its content changes and staged translations (uploads follow
 * from the images' URLs, which are content-addressed). Without translations it is the content's
 * fingerprint, so approvals given before translations could be staged still hold.
 */
export function stagedFingerprint(changes: StagedChanges | null | undefined): string {
  const { uploads: _files, ...normal } = normalStagedChanges(changes);
  return normal.translations ? hash(normal) : fingerprint(normal);
}
