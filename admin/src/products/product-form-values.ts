import type { Product } from '../api/types.ts';
import { formatMinorAsDecimal, parseDecimalToMinor } from '../money/minor-units.ts';
import type { ProductInput } from './product-queries.ts';

/** What the product form edits: every field as the text in its input. */
export interface ProductFormValues {
  title: string;
  handle: string;
  description: string;
  price: string;
  sku: string;
  imageUrl: string;
  seoTitle: string;
  seoDescription: string;
  vendor: string;
  productType: string;
}

export type ProductField = keyof ProductFormValues;
export type ProductFormErrors = Partial<Record<ProductField, string>>;

const optionalFields = ['sku', 'imageUrl', 'seoTitle', 'seoDescription', 'vendor', 'productType'] as const;
const formFields: readonly string[] = [
  'title',
  'handle',
  'description',
  'price',
  ...optionalFields,
] satisfies ProductField[];

export const emptyProductValues: ProductFormValues = {
  title: '',
  handle: '',
  description: '',
  price: '',
  sku: '',
  imageUrl: '',
  seoTitle: '',
  seoDescription: '',
  vendor: '',
  productType: '',
};

export function valuesFromProduct(product: Product, fractionDigits: number): ProductFormValues {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description ?? '',
    price: formatMinorAsDecimal(product.price.amount, fractionDigits),
    sku: product.sku ?? '',
    imageUrl: product.imageUrl ?? '',
    seoTitle: product.seoTitle ?? '',
    seoDescription: product.seoDescription ?? '',
    vendor: product.vendor ?? '',
    productType: product.productType ?? '',
  };
}

/** Conflicts the server reports by code, and the field each is about. */
export const productFieldForCode: Record<string, ProductField> = { handle_taken: 'handle', sku_taken: 'sku' };

/** The form field a server validation path points at: `price.amount` → `price`. */
export function productFieldForPath(path: string): ProductField | undefined {
  const head = path.split('.')[0] ?? '';
  return formFields.includes(head) ? (head as ProductField) : undefined;
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
  const errors: ProductFormErrors = {};
  if (!values.title.trim()) errors.title = 'Give the product a title.';
  if (values.handle.trim() && !handlePattern.test(values.handle.trim())) {
    errors.handle = 'Use lower-case letters, digits and single hyphens, e.g. linen-apron.';
  }
  const price = parseDecimalToMinor(values.price, fractionDigits);
  if (!price.ok) errors.price = price.message;
  if (values.imageUrl.trim() && !isImageAddress(values.imageUrl.trim())) {
    errors.imageUrl = 'Enter a web address starting with https://, or a path on this site starting with /.';
  }
  return errors;
}

function priceAmount(values: ProductFormValues, fractionDigits: number): number {
  const price = parseDecimalToMinor(values.price, fractionDigits);
  if (!price.ok) throw new Error(price.message);
  return price.amount;
}

/** The body of a create request: empty optional fields are left out. */
export function createProductInput(values: ProductFormValues, fractionDigits: number): ProductInput {
  const input: ProductInput = {
    title: values.title.trim(),
    description: values.description,
    price: { amount: priceAmount(values, fractionDigits) },
  };
  if (values.handle.trim()) input.handle = values.handle.trim();
  for (const field of optionalFields) {
    const text = values[field].trim();
    if (text) input[field] = text;
  }
  return input;
}

/** The body of a PATCH: only what changed; a cleared optional field is sent as null. */
export function productChanges(
  before: ProductFormValues,
  after: ProductFormValues,
  fractionDigits: number,
): ProductInput {
  const changes: ProductInput = {};
  if (after.title.trim() !== before.title.trim()) changes.title = after.title.trim();
  if (after.handle.trim() !== before.handle.trim()) changes.handle = after.handle.trim();
  if (after.description !== before.description) changes.description = after.description;
  const amount = priceAmount(after, fractionDigits);
  if (amount !== priceAmount(before, fractionDigits)) changes.price = { amount };
  for (const field of optionalFields) {
    const text = after[field].trim();
    if (text !== before[field].trim()) changes[field] = text || null;
  }
  return changes;
}

export function sameProductValues(a: ProductFormValues, b: ProductFormValues): boolean {
  return formFields.every((field) => a[field as ProductField] === b[field as ProductField]);
}
