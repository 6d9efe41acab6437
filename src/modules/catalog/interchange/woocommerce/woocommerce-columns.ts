import { parseWeightUnit, type WeightUnit } from '../cell-parsers.ts';
import type { Column, HeaderIndex } from '../csv-header.ts';
import type { RowIssue } from '../product-record.ts';

export const woocommerceGtinHeader = 'GTIN, UPC, EAN, or ISBN';

/** Units WooCommerce stores write in the weight header ("Weight (lbs)"). */
export const woocommerceWeightUnits = { kg: 'kg', g: 'g', lbs: 'lb', oz: 'oz' } as const satisfies Record<
  string,
  WeightUnit
>;
export type WooWeightUnit = keyof typeof woocommerceWeightUnits;

/** The columns we write, in WooCommerce's export order (attribute columns follow). */
export function woocommerceHeader(weightUnit: WooWeightUnit): string[] {
  return [
    'Type',
    'SKU',
    woocommerceGtinHeader,
    'Name',
    'Published',
    'Short description',
    'Description',
    'Tax status',
    'Tax class',
    'In stock?',
    'Stock',
    'Backorders allowed?',
    `Weight (${weightUnit})`,
    'Sale price',
    'Regular price',
    'Categories',
    'Tags',
    'Images',
    'Parent',
    'Position',
    'Brands',
    ...[1, 2, 3].flatMap((n) => [
      `Attribute ${n} name`,
      `Attribute ${n} value(s)`,
      `Attribute ${n} visible`,
      `Attribute ${n} global`,
    ]),
  ];
}

/** Columns WooCommerce exports that the catalog has no place for; they are read past silently. */
const ignoredWooColumns: Array<string | RegExp> = [
  'Is featured?',
  'Visibility in catalog',
  'Low stock amount',
  'Sold individually?',
  /^(Length|Width|Height) \(.*\)$/i,
  'Allow customer reviews?',
  'Purchase note',
  'Shipping class',
  'Download limit',
  'Download expiry days',
  'Upsells',
  'Cross-sells',
  'Position',
  /^Meta: /i,
  /^Download \d+ (ID|name|URL)$/i,
  /^Attribute \d+ (visible|global|default)$/i,
];

export interface WooAttributeColumns {
  number: number;
  name: Column;
  values?: Column;
}

export interface WooColumns {
  id?: Column;
  type?: Column;
  sku?: Column;
  gtin?: Column;
  name: Column;
  published?: Column;
  shortDescription?: Column;
  description?: Column;
  saleStarts?: Column;
  saleEnds?: Column;
  taxStatus?: Column;
  taxClass?: Column;
  inStock?: Column;
  stock?: Column;
  backorders?: Column;
  weight?: Column;
  weightUnit: WeightUnit;
  salePrice?: Column;
  regularPrice: Column;
  categories?: Column;
  tags?: Column;
  images?: Column;
  parent?: Column;
  groupedProducts?: Column;
  externalUrl?: Column;
  buttonText?: Column;
  brands?: Column;
  attributes: WooAttributeColumns[];
}

export function bindWooColumns(index: HeaderIndex, issues: RowIssue[]): WooColumns | null {
  const name = index.require('Name');
  const regularPrice = index.require('Regular price');
  const [weight] = index.takeMatching(/^Weight \(([^)]*)\)$/i);
  const weightUnit = weight ? parseWeightUnit(weight.match[1] ?? '') : 'kg';
  if (weight && !weightUnit) {
    issues.push({
      row: index.line,
      column: weight.header,
      code: 'invalid_weight_unit',
      message: `"${weight.header}": the weight unit must be kg, g, lbs or oz.`,
      severity: 'error',
    });
  }
  const names = index.takeMatching(/^Attribute (\d+) name$/i);
  const values = index.takeMatching(/^Attribute (\d+) value\(s\)$/i);
  const attributes = names
    .map((column) => {
      const number = Number(column.match[1]);
      const valueColumn = values.find((v) => Number(v.match[1]) === number);
      return { number, name: column, values: valueColumn };
    })
    .sort((a, b) => a.number - b.number);

  const columns = {
    id: index.take('ID'),
    type: index.take('Type'),
    sku: index.take('SKU'),
    gtin: index.take(woocommerceGtinHeader),
    published: index.take('Published'),
    shortDescription: index.take('Short description'),
    description: index.take('Description'),
    saleStarts: index.take('Date sale price starts'),
    saleEnds: index.take('Date sale price ends'),
    taxStatus: index.take('Tax status'),
    taxClass: index.take('Tax class'),
    inStock: index.take('In stock?'),
    stock: index.take('Stock'),
    backorders: index.take('Backorders allowed?'),
    weight,
    salePrice: index.take('Sale price'),
    categories: index.take('Categories'),
    tags: index.take('Tags'),
    images: index.take('Images'),
    parent: index.take('Parent'),
    groupedProducts: index.take('Grouped products'),
    externalUrl: index.take('External URL'),
    buttonText: index.take('Button text'),
    brands: index.take('Brands'),
    attributes,
  };
  index.ignore(...ignoredWooColumns);
  if (!name || !regularPrice || !weightUnit) return null;
  return { name, regularPrice, weightUnit, ...columns };
}
