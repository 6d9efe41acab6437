import type { Product, ProductImageRef } from '../../api/types.ts';
import { formatMinorAsDecimal, parseDecimalToMinor } from '../../money/minor-units.ts';
import { type Combination, gridOptions, type OptionDraft } from './variant-combinations.ts';

/** A variant as the grid edits it: every typed field as the text in its cell. */
export interface VariantDraft extends Combination {
  /** Stable while the form is open: the row's React key and the address of its errors. */
  key: string;
  /** The stored variant's id (kept when saving); null for a variant the form adds. */
  id: string | null;
  price: string;
  compareAtPrice: string;
  cost: string;
  sku: string;
  barcode: string;
  /** In grams. */
  weight: string;
  requiresShipping: boolean;
  taxable: boolean;
  taxClass: string;
  /** `continue`: keep selling when out of stock. */
  inventoryPolicy: 'deny' | 'continue';
  imageId: string | null;
}

/** The body's options and variants (POST/PATCH /products), as src/modules/catalog/product-input.ts reads them. */
export interface OptionInput {
  name: string;
  values: string[];
}

export interface VariantInput {
  id?: string;
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
  imagePosition: number | null;
}

let lastKey = 0;
export const newDraftKey = (kind: 'option' | 'variant') => `${kind}-${++lastKey}`;

/** The one variant of a product without options, before anything is typed. */
export const blankVariant: VariantDraft = {
  key: 'variant-first',
  id: null,
  optionValues: [],
  price: '',
  compareAtPrice: '',
  cost: '',
  sku: '',
  barcode: '',
  weight: '',
  requiresShipping: true,
  taxable: true,
  taxClass: '',
  inventoryPolicy: 'deny',
  imageId: null,
};

/**
 * A variant the options add, made from its closest existing variant: it starts with that variant's
 * prices, weight and tax settings; SKU, barcode and image are its own to give.
 */
export function variantFromTemplate(optionValues: string[], template: VariantDraft): VariantDraft {
  return {
    ...template,
    key: newDraftKey('variant'),
    id: null,
    optionValues,
    sku: '',
    barcode: '',
    imageId: null,
  };
}

export function variantLabel(variant: Combination): string {
  return variant.optionValues.join(' / ') || 'Default';
}

/** The options and variants of a product as the form edits them. */
export function variantSetFromProduct(
  product: Product,
  fractionDigits: number,
): { options: OptionDraft[]; variants: VariantDraft[] } {
  const money = (amount: number | undefined) =>
    amount === undefined ? '' : formatMinorAsDecimal(amount, fractionDigits);
  const options = (product.options ?? []).map((option) => ({
    key: newDraftKey('option'),
    name: option.name,
    values: [...option.values],
  }));
  const variants = (product.variants ?? []).map(
    (variant): VariantDraft => ({
      // A staged revision's added variants have placeholder ids that name no stored variant.
      key: variant.id.startsWith('new-') ? newDraftKey('variant') : `variant-${variant.id}`,
      id: variant.id.startsWith('new-') ? null : variant.id,
      optionValues: [...variant.optionValues],
      price: money(variant.price.amount),
      compareAtPrice: money(variant.compareAtPrice?.amount),
      cost: money(variant.cost?.amount),
      sku: variant.sku ?? '',
      barcode: variant.barcode ?? '',
      weight: variant.weightGrams === null ? '' : String(variant.weightGrams),
      requiresShipping: variant.requiresShipping,
      taxable: variant.taxable,
      taxClass: variant.taxClass ?? '',
      inventoryPolicy: variant.inventoryPolicy,
      imageId: variant.imageId,
    }),
  );
  if (variants.length === 0) variants.push({ ...blankVariant, price: money(product.price.amount) });
  return { options, variants };
}

const optionShape = (options: readonly OptionDraft[]) =>
  options.map(({ name, values }) => ({ name, values }));
const variantShape = (variants: readonly VariantDraft[]) =>
  variants.map(({ key: _key, ...variant }) => variant);

export function sameOptions(a: readonly OptionDraft[], b: readonly OptionDraft[]): boolean {
  return JSON.stringify(optionShape(a)) === JSON.stringify(optionShape(b));
}

export function sameVariants(a: readonly VariantDraft[], b: readonly VariantDraft[]): boolean {
  return JSON.stringify(variantShape(a)) === JSON.stringify(variantShape(b));
}

function amount(text: string, fractionDigits: number): { amount: number } | null {
  if (!text.trim()) return null;
  const parsed = parseDecimalToMinor(text, fractionDigits);
  if (!parsed.ok) throw new Error(parsed.message);
  return { amount: parsed.amount };
}

/**
 * The options and variants as the API takes them, in the form's order (so a problem the server
 * reports at `variants.3` is the form's fourth row). Call after checkVariantSet found nothing.
 */
export function variantSetInput(
  options: readonly OptionDraft[],
  variants: readonly VariantDraft[],
  fractionDigits: number,
  images: readonly ProductImageRef[],
): { options: OptionInput[]; variants: VariantInput[] } {
  return {
    options: gridOptions(options).map((option) => ({ name: option.name.trim(), values: [...option.values] })),
    variants: variants.map((variant) => {
      const at = variant.imageId ? images.findIndex((image) => image.id === variant.imageId) : -1;
      return {
        ...(variant.id ? { id: variant.id } : {}),
        sku: variant.sku.trim() || null,
        barcode: variant.barcode.trim() || null,
        optionValues: [...variant.optionValues],
        price: amount(variant.price, fractionDigits) ?? { amount: 0 },
        compareAtPrice: amount(variant.compareAtPrice, fractionDigits),
        cost: amount(variant.cost, fractionDigits),
        weightGrams: variant.weight.trim() ? Number(variant.weight.trim()) : null,
        requiresShipping: variant.requiresShipping,
        taxable: variant.taxable,
        taxClass: variant.taxClass.trim() || null,
        inventoryPolicy: variant.inventoryPolicy,
        imagePosition: at >= 0 ? at + 1 : null,
      };
    }),
  };
}

/**
 * After the product changed on the server under an edited form (an image assigned to variants in
 * the gallery, say): variants whose image the form left alone take the server's, in both the
 * baseline and the edited values, so saving the grid does not undo the gallery's change.
 */
export function followServerImages(
  baseline: readonly VariantDraft[],
  edited: readonly VariantDraft[],
  server: readonly VariantDraft[],
): { baseline: VariantDraft[]; edited: VariantDraft[] } {
  const serverImage = new Map(server.filter((v) => v.id).map((v) => [v.id, v.imageId]));
  const baselineImage = new Map(baseline.filter((v) => v.id).map((v) => [v.id, v.imageId]));
  const follow = (rows: readonly VariantDraft[], untouched: (v: VariantDraft) => boolean) =>
    rows.map((v) => {
      if (!v.id || !serverImage.has(v.id) || !untouched(v)) return v;
      const imageId = serverImage.get(v.id) ?? null;
      return imageId === v.imageId ? v : { ...v, imageId };
    });
  return {
    baseline: follow(baseline, () => true),
    edited: follow(edited, (v) => baselineImage.get(v.id) === v.imageId),
  };
}
