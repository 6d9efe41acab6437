import type { Readable } from 'node:stream';
import { formatMinorAsDecimal } from '../../../../platform/money.ts';
import { formatWeight } from '../cell-parsers.ts';
import { csvTextStream, type RecordSource } from '../csv-output.ts';
import { guardFormula } from '../formula-guard.ts';
import { joinEscapedList } from '../list-cells.ts';
import type { ProductRecord, ProductStatus, VariantRecord } from '../product-record.ts';
import { assertWritableRecord } from '../record-checks.ts';
import { type WooWeightUnit, woocommerceHeader, woocommerceWeightUnits } from './woocommerce-columns.ts';
import { encodeWooMultiline, plainTextToHtml } from './woocommerce-text.ts';

const published: Record<ProductStatus, string> = { active: '1', draft: '-1', archived: '0' };

export interface WooWriteOptions {
  currency: string;
  /** The store's weight unit; WooCommerce reads weights in it. Default kg. */
  weightUnit?: WooWeightUnit;
}

/**
 * A WooCommerce product CSV for `records`, streamed. A product with one variant and nothing that
 * needs a variation (one value per option, no variant image) is a simple product; any other is a
 * variable product whose variations name it by SKU. The parent's SKU is its handle, because the
 * catalog has no product-level SKU and WooCommerce links variations through it.
 */
export function writeWooCommerceCsv(
  records: RecordSource<ProductRecord>,
  options: WooWriteOptions,
): Readable {
  const unit = options.weightUnit ?? 'kg';
  const header = woocommerceHeader(unit);
  return csvTextStream(header, records, (record) => woocommerceRows(record, options.currency, unit), {
    bom: true,
  });
}

export function woocommerceRows(
  record: ProductRecord,
  currency: string,
  unit: WooWeightUnit = 'kg',
): string[][] {
  assertWritableRecord(record, 'WooCommerce');
  const width = woocommerceHeader(unit).length;
  const row = (values: Record<number, string>) => {
    const cells = new Array<string>(width).fill('');
    for (const [index, value] of Object.entries(values)) cells[Number(index)] = guardFormula(value);
    return cells;
  };
  const simple =
    record.variants.length === 1 &&
    record.options.every((o) => o.values.length === 1) &&
    !record.variants[0]!.imageSrc;
  if (simple) {
    const variant = record.variants[0]!;
    return [
      row({
        ...productCells(record),
        ...variantCells(variant, currency, unit),
        [col.type]: typeCell('simple', variant),
        ...attributeCells(record.options.map((o) => ({ name: o.name, values: o.values }))),
      }),
    ];
  }
  const parent = row({
    ...productCells(record),
    [col.type]: 'variable',
    [col.sku]: record.handle,
    [col.taxStatus]: record.variants.some((v) => v.taxable) ? 'taxable' : 'none',
    [col.inStock]: '1',
    ...attributeCells(record.options.map((o) => ({ name: o.name, values: o.values }))),
  });
  const variations = record.variants.map((variant, k) =>
    row({
      ...variantCells(variant, currency, unit),
      [col.type]: typeCell('variation', variant),
      [col.name]:
        record.options.length > 0 ? `${record.title} - ${variant.optionValues.join(', ')}` : record.title,
      [col.published]: '1',
      [col.images]: variant.imageSrc ?? '',
      [col.parent]: record.handle,
      [col.position]: String(k + 1),
      ...attributeCells(
        record.options.map((o, i) => ({ name: o.name, values: [variant.optionValues[i] ?? ''] })),
        false,
      ),
    }),
  );
  return [parent, ...variations];
}

/** Column positions in `woocommerceHeader` (the attribute block starts at `attributes`). */
const col = {
  type: 0,
  sku: 1,
  gtin: 2,
  name: 3,
  published: 4,
  shortDescription: 5,
  description: 6,
  taxStatus: 7,
  taxClass: 8,
  inStock: 9,
  stock: 10,
  backorders: 11,
  weight: 12,
  salePrice: 13,
  regularPrice: 14,
  categories: 15,
  tags: 16,
  images: 17,
  parent: 18,
  position: 19,
  brands: 20,
  attributes: 21,
} as const;

function productCells(record: ProductRecord): Record<number, string> {
  return {
    [col.name]: record.title,
    [col.published]: published[record.status],
    [col.shortDescription]: encodeWooMultiline(plainTextToHtml(record.seoDescription ?? '')),
    [col.description]: encodeWooMultiline(record.descriptionHtml),
    [col.categories]: record.category ? joinEscapedList([record.category], 'woocommerce') : '',
    [col.tags]: joinEscapedList(record.tags, 'woocommerce'),
    [col.images]: joinEscapedList(
      record.images.map((image) => image.src),
      'woocommerce',
    ),
    [col.brands]: record.vendor ? joinEscapedList([record.vendor], 'woocommerce') : '',
    [col.position]: '0',
  };
}

function variantCells(variant: VariantRecord, currency: string, unit: WooWeightUnit): Record<number, string> {
  const money = (amount: number) => formatMinorAsDecimal(amount, currency);
  const onSale = variant.compareAtAmount !== null;
  const quantity = variant.inventoryQuantity;
  return {
    [col.sku]: variant.sku ?? '',
    [col.gtin]: variant.barcode ?? '',
    [col.taxStatus]: variant.taxable ? 'taxable' : 'none',
    [col.taxClass]: variant.taxClass ?? '',
    [col.inStock]:
      quantity !== null && quantity <= 0 ? (variant.inventoryPolicy === 'continue' ? 'backorder' : '0') : '1',
    [col.stock]: quantity === null ? '' : String(quantity),
    [col.backorders]: variant.inventoryPolicy === 'continue' ? '1' : '0',
    [col.weight]:
      variant.weightGrams === null ? '' : formatWeight(variant.weightGrams, woocommerceWeightUnits[unit]),
    // With a compare-at price the variant is on sale: Woo's sale price is what is paid.
    [col.salePrice]: onSale ? money(variant.priceAmount) : '',
    [col.regularPrice]: onSale ? money(variant.compareAtAmount!) : money(variant.priceAmount),
  };
}

function typeCell(kind: 'simple' | 'variation', variant: VariantRecord): string {
  return variant.requiresShipping ? kind : `${kind}, virtual`;
}

function attributeCells(
  attributes: Array<{ name: string; values: string[] }>,
  forParent = true,
): Record<number, string> {
  const cells: Record<number, string> = {};
  attributes.forEach((attribute, i) => {
    const base = col.attributes + i * 4;
    cells[base] = attribute.name;
    cells[base + 1] = joinEscapedList(attribute.values, 'woocommerce');
    if (forParent) {
      cells[base + 2] = '1';
      cells[base + 3] = '0';
    }
  });
  return cells;
}
