import type { Product, ProductImageRef } from '../api/types.ts';
import { fieldErrorsFrom } from '../ui/notify.ts';
import type { ProductInput } from './product-queries.ts';
import type { OptionDraft } from './variants/variant-combinations.ts';
import {
  blankVariant,
  sameOptions,
  sameVariants,
  type VariantDraft,
  variantSetFromProduct,
  variantSetInput,
} from './variants/variant-drafts.ts';
import {
  checkVariantSet,
  errorsAfterVariantEdit,
  type SentVariantSet,
  type VariantSetErrors,
  variantErrorsFrom,
} from './variants/variant-errors.ts';

/**
 * What the product form edits: every text field as the text in its input, the options, and the
 * variants (one, without options: its price and SKU are the simple form's).
 */
export interface ProductFormValues {
  title: string;
  handle: string;
  description: string;
  imageUrl: string;
  seoTitle: string;
  seoDescription: string;
  vendor: string;
  productType: string;
  options: OptionDraft[];
  variants: VariantDraft[];
}

export type ProductField = Exclude<keyof ProductFormValues, 'options' | 'variants'>;
/** A message per text field, and per option and variant cell (see VariantErrorKey). */
export type ProductFormErrors = Partial<Record<ProductField, string>> & VariantSetErrors;

const optionalFields = ['imageUrl', 'seoTitle', 'seoDescription', 'vendor', 'productType'] as const;
const formFields: readonly ProductField[] = ['title', 'handle', 'description', ...optionalFields];

export const emptyProductValues: ProductFormValues = {
  title: '',
  handle: '',
  description: '',
  imageUrl: '',
  seoTitle: '',
  seoDescription: '',
  vendor: '',
  productType: '',
  options: [],
  variants: [blankVariant],
};

export function valuesFromProduct(product: Product, fractionDigits: number): ProductFormValues {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description ?? '',
    imageUrl: product.imageUrl ?? '',
    seoTitle: product.seoTitle ?? '',
    seoDescription: product.seoDescription ?? '',
    vendor: product.vendor ?? '',
    productType: product.productType ?? '',
    ...variantSetFromProduct(product, fractionDigits),
  };
}

/** Conflicts the server reports by code, and the field each is about (SKUs: see variantErrorsFrom). */
export const productFieldForCode: Record<string, ProductField> = { handle_taken: 'handle' };

/** The form field a server validation path points at: `seoTitle` → `seoTitle`. */
export function productFieldForPath(path: string): ProductField | undefined {
  const head = path.split('.')[0] ?? '';
  return formFields.includes(head as ProductField) ? (head as ProductField) : undefined;
}

/** The order of options and variants in a request, to put the server's answer on the right cells. */
export function sentVariantSet(values: ProductFormValues): SentVariantSet {
  return {
    optionKeys: values.options.filter((o) => o.values.length > 0).map((o) => o.key),
    variantKeys: values.variants.map((v) => v.key),
  };
}

/** A failed save's problems, each on its field or cell. */
export function productErrorsFrom(error: unknown, sent: SentVariantSet): ProductFormErrors {
  return {
    ...fieldErrorsFrom(error, productFieldForPath, productFieldForCode),
    ...variantErrorsFrom(error, sent),
  };
}

/** The errors that stay after an edit: the edited fields' and cells' go. */
export function errorsAfterEdit(
  errors: ProductFormErrors,
  before: ProductFormValues,
  changes: Partial<ProductFormValues>,
): ProductFormErrors {
  const edited = Object.keys(changes).filter((field) => errors[field as ProductField] !== undefined);
  const next: ProductFormErrors = edited.length > 0 ? { ...errors } : errors;
  for (const field of edited) delete next[field as ProductField];
  return errorsAfterVariantEdit(next, before, { ...before, ...changes });
}

export const handlePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isImageAddress(text: string): boolean {
  if (text.startsWith('/') && !text.startsWith('//')) return true;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Problems the browser can tell before asking the server; the server still has the last word. */
export function checkProductValues(values: ProductFormValues, fractionDigits: number): ProductFormErrors {
  const errors: ProductFormErrors = checkVariantSet(values.options, values.variants, fractionDigits);
  if (!values.title.trim()) errors.title = 'Give the product a title.';
  if (values.handle.trim() && !handlePattern.test(values.handle.trim())) {
    errors.handle = 'Use lower-case letters, digits and single hyphens, e.g. linen-apron.';
  }
  if (values.imageUrl.trim() && !isImageAddress(values.imageUrl.trim())) {
    errors.imageUrl = 'Enter a web address starting with https://, or a path on this site starting with /.';
  }
  return errors;
}

/** The body of a create request: empty optional fields are left out. */
export function createProductInput(values: ProductFormValues, fractionDigits: number): ProductInput {
  const input: ProductInput = {
    title: values.title.trim(),
    description: values.description,
    ...variantSetInput(values.options, values.variants, fractionDigits, []),
  };
  if (values.handle.trim()) input.handle = values.handle.trim();
  for (const field of optionalFields) {
    const text = values[field].trim();
    if (text) input[field] = text;
  }
  return input;
}

/**
 * The body of a PATCH: only what changed; a cleared optional field is sent as null. Changed options
 * or variants send the whole set (the API replaces it; variants keep their ids). `images` are the
 * product's, whose positions name the variants' images.
 */
export function productChanges(
  before: ProductFormValues,
  after: ProductFormValues,
  fractionDigits: number,
  images: readonly ProductImageRef[],
): ProductInput {
  const changes: ProductInput = {};
  if (after.title.trim() !== before.title.trim()) changes.title = after.title.trim();
  if (after.handle.trim() !== before.handle.trim()) changes.handle = after.handle.trim();
  if (after.description !== before.description) changes.description = after.description;
  for (const field of optionalFields) {
    const text = after[field].trim();
    if (text !== before[field].trim()) changes[field] = text || null;
  }
  const optionsChanged = !sameOptions(before.options, after.options);
  if (optionsChanged || !sameVariants(before.variants, after.variants)) {
    const set = variantSetInput(after.options, after.variants, fractionDigits, images);
    if (optionsChanged) changes.options = set.options;
    changes.variants = set.variants;
  }
  return changes;
}

export function sameProductValues(a: ProductFormValues, b: ProductFormValues): boolean {
  return (
    formFields.every((field) => a[field] === b[field]) &&
    sameOptions(a.options, b.options) &&
    sameVariants(a.variants, b.variants)
  );
}
