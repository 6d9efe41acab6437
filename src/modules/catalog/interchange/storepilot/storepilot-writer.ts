import type { Readable } from 'node:stream';
import { formatMinorAsDecimal } from '../../../../platform/money.ts';
import { csvTextStream, type RecordSource } from '../csv-output.ts';
import { guardFormula } from '../formula-guard.ts';
import { joinEscapedList } from '../list-cells.ts';
import type { ProductRecord, VariantRecord } from '../product-record.ts';
import { assertWritableRecord } from '../record-checks.ts';
import { storepilotHeader } from './storepilot-columns.ts';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const amount = (value: number | null, currency: string) =>
  value === null ? '' : formatMinorAsDecimal(value, currency);

/** A Storepilot product CSV for `records`, streamed; every field of every record is kept. */
export function writeStorepilotCsv(records: RecordSource<ProductRecord>, currency: string): Readable {
  return csvTextStream(storepilotHeader(currency), records, (record) => storepilotRows(record, currency), {
    bom: true,
  });
}

/**
 * Rows in header order: one per variant (the first also carries the product), then one per image.
 * Text cells are guarded against spreadsheet formulas; amounts and counts are plain numbers.
 */
export function storepilotRows(record: ProductRecord, currency: string): string[][] {
  assertWritableRecord(record, 'Storepilot');
  const text = guardFormula;
  const rows = record.variants.map((variant, k) => {
    const first = k === 0;
    const product = (value: string) => (first ? value : '');
    const option = (i: number) => record.options[i];
    const optionName = (i: number) => product(text(option(i)?.name ?? ''));
    const optionValue = (i: number) => text(variant.optionValues[i] ?? '');
    return [
      text(record.handle),
      product(text(record.title)),
      product(record.status),
      product(text(record.descriptionHtml)),
      product(text(record.vendor ?? '')),
      product(text(record.productType ?? '')),
      product(text(record.category ?? '')),
      product(text(joinEscapedList(record.tags, 'storepilot'))),
      product(text(record.seoTitle ?? '')),
      product(text(record.seoDescription ?? '')),
      optionName(0),
      optionValue(0),
      optionName(1),
      optionValue(1),
      optionName(2),
      optionValue(2),
      ...variantCells(variant, currency),
      '',
      '',
      product(valueOrder(record, 0)),
      product(valueOrder(record, 1)),
      product(valueOrder(record, 2)),
    ];
  });
  const width = storepilotHeader(currency).length;
  for (const image of record.images) {
    const row = new Array<string>(width).fill('');
    row[0] = text(record.handle);
    row[width - 5] = text(image.src);
    row[width - 4] = text(image.alt ?? '');
    rows.push(row);
  }
  return rows;
}

function variantCells(variant: VariantRecord, currency: string): string[] {
  return [
    guardFormula(variant.sku ?? ''),
    guardFormula(variant.barcode ?? ''),
    amount(variant.priceAmount, currency),
    amount(variant.compareAtAmount, currency),
    amount(variant.costAmount, currency),
    variant.weightGrams === null ? '' : String(variant.weightGrams),
    yesNo(variant.requiresShipping),
    yesNo(variant.taxable),
    guardFormula(variant.taxClass ?? ''),
    variant.inventoryQuantity === null ? '' : String(variant.inventoryQuantity),
    variant.inventoryPolicy,
    guardFormula(variant.imageSrc ?? ''),
  ];
}

/**
 * "Option N values", written only when the option's value order is not simply the order in which
 * the variants use its values (e.g. an unused value, or a display order of its own).
 */
function valueOrder(record: ProductRecord, i: number): string {
  const option = record.options[i];
  if (!option) return '';
  const used: string[] = [];
  for (const variant of record.variants) {
    const value = variant.optionValues[i];
    if (value !== undefined && !used.includes(value)) used.push(value);
  }
  const same = used.length === option.values.length && used.every((value, k) => value === option.values[k]);
  return same ? '' : guardFormula(joinEscapedList(option.values, 'storepilot'));
}
