import { parseWeightUnit, type WeightUnit } from '../cell-parsers.ts';
import type { Column, HeaderIndex } from '../csv-header.ts';
import type { RowIssue } from '../product-record.ts';

/**
 * Storepilot's own product CSV: one row per variant, then one row per gallery image, all rows of a
 * product next to each other and sharing its Handle. Product columns are filled on the product's
 * first row. Amount headers name the currency ("Price (EUR)") so a file cannot be imported into a
 * store with another currency by mistake.
 */
export function storepilotHeader(currency: string): string[] {
  return [
    'Handle',
    'Title',
    'Status',
    'Description (HTML)',
    'Vendor',
    'Product type',
    'Category',
    'Tags',
    'SEO title',
    'SEO description',
    'Option 1 name',
    'Option 1 value',
    'Option 2 name',
    'Option 2 value',
    'Option 3 name',
    'Option 3 value',
    'SKU',
    'Barcode',
    `Price (${currency})`,
    `Compare-at price (${currency})`,
    `Cost (${currency})`,
    'Weight (g)',
    'Requires shipping',
    'Taxable',
    'Tax class',
    'Inventory quantity',
    'Inventory policy',
    'Variant image URL',
    'Image URL',
    'Image alt text',
    'Option 1 values',
    'Option 2 values',
    'Option 3 values',
  ];
}

export interface StorepilotColumns {
  handle: Column;
  title: Column;
  status?: Column;
  description?: Column;
  vendor?: Column;
  productType?: Column;
  category?: Column;
  tags?: Column;
  seoTitle?: Column;
  seoDescription?: Column;
  optionNames: Array<Column | undefined>;
  optionValues: Array<Column | undefined>;
  optionValueLists: Array<Column | undefined>;
  sku?: Column;
  barcode?: Column;
  price: Column;
  compareAtPrice?: Column;
  cost?: Column;
  weight?: Column;
  weightUnit: WeightUnit;
  requiresShipping?: Column;
  taxable?: Column;
  taxClass?: Column;
  inventoryQuantity?: Column;
  inventoryPolicy?: Column;
  variantImage?: Column;
  imageUrl?: Column;
  imageAlt?: Column;
}

/** Binds the columns; amount headers must name `currency` if they name one. Null when unusable. */
export function bindStorepilotColumns(
  index: HeaderIndex,
  currency: string,
  issues: RowIssue[],
): StorepilotColumns | null {
  const handle = index.require('Handle', 'it groups the rows of each product');
  const title = index.require('Title');
  const amount = (name: string, required: boolean) => {
    const [column, ...more] = index.takeMatching(new RegExp(`^${name}(?: \\(([A-Za-z]{3})\\))?$`, 'i'));
    for (const extra of more) {
      issues.push(
        headerIssue(index, extra.header, 'duplicate_column', `"${extra.header}" repeats an amount column.`),
      );
    }
    if (!column) {
      if (required) index.require(`${name} (${currency})`);
      return undefined;
    }
    const named = column.match[1]?.toUpperCase();
    if (named && named !== currency.toUpperCase()) {
      issues.push(
        headerIssue(
          index,
          column.header,
          'currency_mismatch',
          `"${column.header}" is in ${named}, but this store sells in ${currency}. Convert the amounts or import into a ${named} store.`,
        ),
      );
    }
    return column;
  };
  const price = amount('Price', true);
  const compareAtPrice = amount('Compare-at price', false);
  const cost = amount('Cost', false);

  const [weight, ...moreWeights] = index.takeMatching(/^Weight \(([^)]*)\)$/i);
  for (const extra of moreWeights) {
    issues.push(
      headerIssue(index, extra.header, 'duplicate_column', `"${extra.header}" repeats the weight column.`),
    );
  }
  const weightUnit = weight ? parseWeightUnit(weight.match[1] ?? '') : 'g';
  if (weight && !weightUnit) {
    issues.push(
      headerIssue(
        index,
        weight.header,
        'invalid_weight_unit',
        `"${weight.header}": the weight unit must be g, kg, lb or oz.`,
      ),
    );
  }

  const columns = {
    status: index.take('Status'),
    description: index.take('Description (HTML)'),
    vendor: index.take('Vendor'),
    productType: index.take('Product type'),
    category: index.take('Category'),
    tags: index.take('Tags'),
    seoTitle: index.take('SEO title'),
    seoDescription: index.take('SEO description'),
    optionNames: [1, 2, 3].map((n) => index.take(`Option ${n} name`)),
    optionValues: [1, 2, 3].map((n) => index.take(`Option ${n} value`)),
    optionValueLists: [1, 2, 3].map((n) => index.take(`Option ${n} values`)),
    sku: index.take('SKU'),
    barcode: index.take('Barcode'),
    compareAtPrice,
    cost,
    weight,
    requiresShipping: index.take('Requires shipping'),
    taxable: index.take('Taxable'),
    taxClass: index.take('Tax class'),
    inventoryQuantity: index.take('Inventory quantity'),
    inventoryPolicy: index.take('Inventory policy'),
    variantImage: index.take('Variant image URL'),
    imageUrl: index.take('Image URL'),
    imageAlt: index.take('Image alt text'),
  };
  if (!handle || !title || !price || !weightUnit) return null;
  return { handle, title, price, weightUnit, ...columns };
}

function headerIssue(index: HeaderIndex, column: string, code: string, message: string): RowIssue {
  return { row: index.line, column, code, message, severity: 'error' };
}
