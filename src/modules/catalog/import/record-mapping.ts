import type { CarriedField } from '../interchange/carried-fields.ts';
import type { ProductRecord, RowIssue, VariantRecord } from '../interchange/product-record.ts';
import { imageSrc } from '../media/image-source.ts';
import type { ProductDetail, ProductImage } from '../product-detail.ts';
import { type CreateProductInput, createProductInput } from '../product-input.ts';
import { withStoredMediaAddresses } from './record-media-urls.ts';

/**
 * Turns a file's product into the catalog's create/update input. Where the catalog is stricter than
 * the source platform, the value is adjusted and a warning says so (never silently).
 */
export function inputFromRecord(
  record: ProductRecord,
  categoryId: string | null,
  row: number,
): { input: CreateProductInput; warnings: RowIssue[] } {
  const warnings: RowIssue[] = [];
  const images = [...record.images]
    .sort((a, b) => a.position - b.position)
    .map((image) => ({ url: image.src, alt: image.alt }));
  const imagePosition = (src: string | null) => {
    if (!src) return null;
    let at = images.findIndex((image) => image.url === src);
    if (at < 0) {
      images.push({ url: src, alt: null });
      at = images.length - 1;
    }
    return at + 1;
  };
  const variants = inGridOrder(record).map((variant: VariantRecord) => {
    let compareAt = variant.compareAtAmount;
    if (compareAt !== null && compareAt <= variant.priceAmount) {
      // Shopify exports often repeat the price (or 0) as compare-at price: there is no discount.
      if (compareAt > 0 && compareAt < variant.priceAmount)
        warnings.push({
          row,
          column: null,
          code: 'compare_at_dropped',
          message: `Compare-at price below the price for ${variant.sku ?? variant.optionValues.join(' / ')}: left out.`,
          severity: 'warning',
        });
      compareAt = null;
    }
    return {
      sku: variant.sku,
      barcode: variant.barcode,
      optionValues: variant.optionValues,
      price: { amount: variant.priceAmount },
      compareAtPrice: compareAt === null ? null : { amount: compareAt },
      cost: variant.costAmount === null ? null : { amount: variant.costAmount },
      weightGrams: variant.weightGrams,
      requiresShipping: variant.requiresShipping,
      taxable: variant.taxable,
      taxClass: variant.taxClass,
      inventoryPolicy: variant.inventoryPolicy,
      imagePosition: imagePosition(variant.imageSrc),
    };
  });
  return {
    input: {
      title: record.title,
      handle: record.handle,
      description: record.descriptionHtml,
      status: record.status,
      vendor: record.vendor,
      productType: record.productType,
      tags: record.tags,
      categoryId,
      seoTitle: record.seoTitle,
      seoDescription: record.seoDescription,
      options: record.options,
      variants,
      images,
    },
    warnings,
  };
}

/**
 * The variants ordered by their options' value order (Size S, M, L before colour …), stably. Files
 * list option values and variant rows independently (WooCommerce) or derive the value order from
 * the rows (Shopify); storing the grid order makes every format's export read back the same.
 */
function inGridOrder(record: ProductRecord): VariantRecord[] {
  const rank = record.options.map((option) => new Map(option.values.map((value, i) => [value, i])));
  const key = (variant: VariantRecord) =>
    variant.optionValues.map((value, i) => rank[i]?.get(value) ?? Number.MAX_SAFE_INTEGER);
  return record.variants
    .map((variant, at) => ({ variant, at, key: key(variant) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
      return a.at - b.at;
    })
    .map((entry) => entry.variant);
}

/**
 * An image's address in a file: the URL it was recorded with, else (an upload) where its stored file
 * is served, `/media/<key>`; the export makes that absolute (`withAbsoluteMediaUrls`).
 */
const imageAddress = (image: ProductImage) => image.sourceUrl ?? imageSrc(image);

/**
 * A stored product as a file record (exports), with its category path and, for its tracked
 * variants, their on hand (`onHand`; variants it leaves out are written as untracked).
 */
export function recordFromDetail(
  detail: ProductDetail,
  categoryPath: string | null,
  onHand?: ReadonlyMap<string, number>,
): ProductRecord {
  const { product, variants, images } = detail;
  const variantImage = (imageId: string | null) => {
    const image = imageId ? images.find((i) => i.id === imageId) : undefined;
    return image ? imageAddress(image) : null;
  };
  return {
    handle: product.handle,
    title: product.title,
    descriptionHtml: product.description,
    vendor: product.vendor,
    productType: product.productType,
    category: categoryPath,
    tags: product.tags,
    status: product.status as ProductRecord['status'],
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    options: product.options,
    variants: variants.map((v) => ({
      sku: v.sku,
      barcode: v.barcode,
      optionValues: [v.option1, v.option2, v.option3].slice(0, product.options.length),
      priceAmount: v.priceAmount,
      compareAtAmount: v.compareAtAmount,
      costAmount: v.costAmount,
      weightGrams: v.weightGrams,
      requiresShipping: v.requiresShipping,
      taxable: v.taxable,
      taxClass: v.taxClass,
      inventoryQuantity: onHand?.get(v.id) ?? null,
      inventoryPolicy: v.inventoryPolicy as VariantRecord['inventoryPolicy'],
      imageSrc: variantImage(v.imageId),
    })),
    images: images.flatMap((i) => {
      const src = imageAddress(i);
      return src ? [{ src, position: i.position, alt: i.alt }] : [];
    }),
  };
}

/**
 * Whether writing `input` would leave the stored product as it is: both sides go through the same
 * normalisation (the input schema) before they are compared, so a re-import of an export is a no-op.
 */
export function inputMatchesStored(
  input: CreateProductInput,
  stored: ProductDetail,
  categoryId: string | null,
) {
  const storedInput = inputFromRecord(recordFromDetail(stored, null), stored.product.categoryId, 0).input;
  const a = createProductInput.safeParse({ ...input, categoryId });
  const b = createProductInput.safeParse(storedInput);
  return a.success && b.success && JSON.stringify(a.data) === JSON.stringify(b.data);
}

const variantFields = {
  barcode: ['barcode'],
  compareAt: ['compareAtAmount'],
  cost: ['costAmount'],
  weight: ['weightGrams'],
  taxClass: ['taxClass'],
  requiresShipping: ['requiresShipping'],
  taxable: ['taxable'],
  inventoryPolicy: ['inventoryPolicy'],
} as const satisfies Partial<Record<CarriedField, ReadonlyArray<keyof VariantRecord>>>;

const productFields = {
  handle: ['handle'],
  descriptionHtml: ['descriptionHtml'],
  vendor: ['vendor'],
  productType: ['productType'],
  category: ['category'],
  tags: ['tags'],
  status: ['status'],
  seoTitle: ['seoTitle'],
  seoDescription: ['seoDescription'],
  images: ['images'],
} as const satisfies Partial<Record<CarriedField, ReadonlyArray<keyof ProductRecord>>>;

/**
 * The file's record with every field the file has no column for taken from the stored product, so
 * an import changes only what the file says. Variants are paired by SKU, else by option values.
 * Images the file names by the store's own media address are read as the stored images they are.
 */
export function withStoredFields(
  fileRecord: ProductRecord,
  stored: ProductRecord,
  carries: ReadonlySet<CarriedField>,
): ProductRecord {
  const record = withStoredMediaAddresses(fileRecord, stored);
  const merged: Record<string, unknown> = { ...record };
  for (const [field, keys] of Object.entries(productFields)) {
    if (carries.has(field as CarriedField)) continue;
    for (const key of keys) merged[key] = stored[key];
  }
  if (carries.has('images') && !carries.has('imageAlt')) {
    merged.images = record.images.map((image) => ({
      ...image,
      alt: stored.images.find((kept) => kept.src === image.src)?.alt ?? image.alt,
    }));
  }
  const missingVariantFields = Object.entries(variantFields).filter(
    ([field]) => !carries.has(field as CarriedField),
  );
  const keepImages = !carries.has('images');
  if (missingVariantFields.length > 0 || keepImages) {
    const sameOptions = (a: VariantRecord, b: VariantRecord) =>
      a.optionValues.length === b.optionValues.length &&
      a.optionValues.every((value, i) => value.toLowerCase() === b.optionValues[i]?.toLowerCase());
    merged.variants = record.variants.map((variant) => {
      const twin =
        (variant.sku ? stored.variants.find((v) => v.sku === variant.sku) : undefined) ??
        stored.variants.find((v) => sameOptions(v, variant));
      if (!twin) return variant;
      const out: Record<string, unknown> = { ...variant };
      for (const [, keys] of missingVariantFields) for (const key of keys) out[key] = twin[key];
      if (keepImages) out.imageSrc = twin.imageSrc;
      return out as unknown as VariantRecord;
    });
  }
  return merged as unknown as ProductRecord;
}
