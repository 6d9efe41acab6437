import type { Readable } from 'node:stream';
import { formatMinorAsDecimal } from '../../../../platform/money.ts';
import { csvTextStream, type RecordSource } from '../csv-output.ts';
import type { ProductRecord, VariantRecord } from '../product-record.ts';
import { assertWritableRecord } from '../record-checks.ts';
import { type ShopifyColumnName, shopifyHeader } from './shopify-columns.ts';
import { shopifyDefaultOptionName, shopifyDefaultOptionValue } from './shopify-parser.ts';

const columnIndex = new Map<ShopifyColumnName, number>(shopifyHeader.map((name, i) => [name, i]));

type RowValues = Partial<Record<ShopifyColumnName, string>>;

function toRow(values: RowValues): string[] {
  const row = new Array<string>(shopifyHeader.length).fill('');
  for (const [name, value] of Object.entries(values) as Array<[ShopifyColumnName, string | undefined]>) {
    if (value !== undefined) row[columnIndex.get(name)!] = value;
  }
  return row;
}

const flag = (value: boolean) => (value ? 'TRUE' : 'FALSE');

/**
 * A Shopify product CSV (current column layout) for `records`, streamed. Each product takes as many
 * rows as it has variants or images, whichever is more: row k carries variant k and image k, and
 * the first row also carries the product. Amounts are written in `currency` (the store's).
 */
export function writeShopifyCsv(records: RecordSource<ProductRecord>, currency: string): Readable {
  return csvTextStream(shopifyHeader, records, (record) => shopifyRows(record, currency), { bom: false });
}

export function shopifyRows(record: ProductRecord, currency: string): string[][] {
  assertWritableRecord(record, 'Shopify');
  const rows: string[][] = [];
  const count = Math.max(record.variants.length, record.images.length);
  for (let k = 0; k < count; k++) {
    const variant = record.variants[k];
    const image = record.images[k];
    rows.push(
      toRow({
        Handle: record.handle,
        ...(k === 0 ? productValues(record) : {}),
        ...(variant ? variantValues(record, variant, k === 0, currency) : {}),
        ...(image
          ? {
              'Image Src': image.src,
              'Image Position': String(image.position),
              'Image Alt Text': image.alt ?? '',
            }
          : {}),
      }),
    );
  }
  return rows;
}

function productValues(record: ProductRecord): RowValues {
  return {
    Title: record.title,
    'Body (HTML)': record.descriptionHtml,
    Vendor: record.vendor ?? '',
    'Product Category': record.category ?? '',
    Type: record.productType ?? '',
    Tags: record.tags.join(', '),
    Published: flag(record.status === 'active'),
    'Gift Card': 'FALSE',
    'SEO Title': record.seoTitle ?? '',
    'SEO Description': record.seoDescription ?? '',
    Status: record.status,
  };
}

function variantValues(
  record: ProductRecord,
  variant: VariantRecord,
  first: boolean,
  currency: string,
): RowValues {
  const values: RowValues = {
    'Variant SKU': variant.sku ?? '',
    'Variant Grams': variant.weightGrams === null ? '' : String(variant.weightGrams),
    'Variant Inventory Tracker': variant.inventoryQuantity === null ? '' : 'shopify',
    'Variant Inventory Qty': variant.inventoryQuantity === null ? '' : String(variant.inventoryQuantity),
    'Variant Inventory Policy': variant.inventoryPolicy,
    'Variant Fulfillment Service': 'manual',
    'Variant Price': formatMinorAsDecimal(variant.priceAmount, currency),
    'Variant Compare At Price':
      variant.compareAtAmount === null ? '' : formatMinorAsDecimal(variant.compareAtAmount, currency),
    'Variant Requires Shipping': flag(variant.requiresShipping),
    'Variant Taxable': flag(variant.taxable),
    'Variant Barcode': variant.barcode ?? '',
    'Variant Image': variant.imageSrc ?? '',
    'Variant Weight Unit': 'g',
    'Variant Tax Code': variant.taxClass ?? '',
    'Cost per item': variant.costAmount === null ? '' : formatMinorAsDecimal(variant.costAmount, currency),
  };
  const nameColumns = ['Option1 Name', 'Option2 Name', 'Option3 Name'] as const;
  const valueColumns = ['Option1 Value', 'Option2 Value', 'Option3 Value'] as const;
  if (record.options.length === 0) {
    if (first) values['Option1 Name'] = shopifyDefaultOptionName;
    values['Option1 Value'] = shopifyDefaultOptionValue;
  }
  record.options.forEach((option, i) => {
    if (first) values[nameColumns[i]!] = option.name;
    values[valueColumns[i]!] = variant.optionValues[i] ?? '';
  });
  return values;
}
