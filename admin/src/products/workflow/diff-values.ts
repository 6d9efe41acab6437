import { formatMoney } from '../../money/minor-units.ts';
import { languageName } from '../translations/locale-labels.ts';

/** How the reviewer's diff names fields and shows values. */
const labels: Record<string, string> = {
  title: 'Title',
  handle: 'Handle',
  description: 'Description',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  focusKeyword: 'Focus keyword',
  vendor: 'Vendor',
  productType: 'Product type',
  categoryId: 'Category',
  tags: 'Tags',
  price: 'Price',
  options: 'Options',
  variants: 'Variants',
  images: 'Images',
  sku: 'SKU',
  barcode: 'Barcode',
  optionValues: 'Options',
  compareAtPrice: 'Compare-at price',
  cost: 'Cost',
  weightGrams: 'Weight (g)',
  requiresShipping: 'Requires shipping',
  taxable: 'Taxable',
  taxClass: 'Tax class',
  inventoryPolicy: 'When out of stock',
  imagePosition: 'Image',
  image: 'Image',
  alt: 'Alt text',
  position: 'Position',
  optionName: 'Option name',
  optionValue: 'Option value',
};

const TRANSLATIONS_PREFIX = 'translations.';

export function fieldLabel(field: string): string {
  if (field.startsWith(TRANSLATIONS_PREFIX)) {
    return `${languageName(field.slice(TRANSLATIONS_PREFIX.length))} translation`;
  }
  return labels[field] ?? field;
}

const moneyFields = new Set(['price', 'compareAtPrice', 'cost']);

/** A value of the diff as a person reads it: money with its currency, yes/no, lists joined, "—" for none. */
export function formatDiffValue(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (moneyFields.has(field) && typeof value === 'object' && value && 'amount' in value) {
    return formatMoney((value as { amount: number }).amount, currency);
  }
  if (field === 'price' && typeof value === 'object' && value && 'min' in value) {
    const { min, max } = value as { min: number; max: number };
    return min === max
      ? formatMoney(min, currency)
      : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
  }
  if (field === 'inventoryPolicy') return value === 'continue' ? 'Keep selling' : 'Stop selling';
  if (field === 'imagePosition') return `Image ${value}`;
  // An image is named by its address; an upload's address is a long content hash, so only its end shows.
  if (field === 'image' && typeof value === 'string') return shortImageAddress(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  return String(value);
}

/** `/media/<64 hex>.png` as `…a1b2c3.png`; any other address as it is. */
export function shortImageAddress(url: string): string {
  const upload = /^\/media\/[0-9a-f]{58}([0-9a-f]{6}\.\w+)$/.exec(url);
  return upload ? `uploaded image …${upload[1]}` : url;
}
