import { parseWeightUnit } from '../cell-parsers.ts';
import type { CsvRecord } from '../csv-source.ts';
import { type GroupedRowLayout, type OptionDeclaration, parseGroupedRows } from '../grouped-rows.ts';
import { splitPlainList } from '../list-cells.ts';
import type { ProductCsvEvent } from '../product-csv-event.ts';
import type { ProductFields } from '../product-draft.ts';
import type { ProductStatus, VariantRecord } from '../product-record.ts';
import type { RowReader } from '../row-reader.ts';
import type { ShopifyColumns } from './shopify-columns.ts';

/** Shopify's marker for a product without options: one option "Title" whose only value is this. */
export const shopifyDefaultOptionName = 'Title';
export const shopifyDefaultOptionValue = 'Default Title';

/**
 * Products from a Shopify product CSV (current or legacy layout; the header has been bound).
 * Rows of one product share a Handle and are consecutive: the first carries the product, its
 * option names and the first variant; later rows carry more variants and/or more images
 * (an image-only row has no option values, SKU or price).
 */
export function parseShopifyRows(
  rows: AsyncIterable<CsvRecord>,
  columns: ShopifyColumns,
  currency: string,
  header: readonly string[],
): AsyncGenerator<ProductCsvEvent, void, undefined> {
  // Shopify neither writes nor strips a formula guard, so cells are read exactly as written.
  return parseGroupedRows(rows, shopifyLayout(columns), { currency, header, unguardFormulas: false });
}

function shopifyLayout(c: ShopifyColumns): GroupedRowLayout {
  const variantSignals = [
    ...c.optionValues,
    c.sku,
    c.price,
    c.compareAtPrice,
    c.barcode,
    c.grams,
    c.inventoryQty,
    c.variantImage,
    c.costPerItem,
  ];

  const optionValueHeaders = c.optionValues.map((column) => column?.header ?? null);
  return {
    handle: c.handle,
    titleHeader: c.title.header,
    skuHeader: c.sku?.header ?? null,

    readProduct(row, handle) {
      if (row.boolean(c.giftCard, false)) {
        row.warning(
          c.giftCard,
          'gift_card_not_supported',
          'This is a Shopify gift card; it is imported as an ordinary product (gift cards are not carried over).',
        );
      }
      const fields: ProductFields = {
        handle,
        title: row.text(c.title),
        descriptionHtml: row.raw(c.body),
        vendor: row.optionalText(c.vendor),
        productType: row.optionalText(c.type),
        category: row.optionalText(c.category),
        tags: splitPlainList(row.raw(c.tags)),
        status: shopifyStatus(row, c),
        seoTitle: row.optionalText(c.seoTitle),
        seoDescription: row.optionalText(c.seoDescription),
      };
      return { fields, options: optionDeclarations(row, c) };
    },

    readOptionValues(row, draft) {
      const values = c.optionValues.map((column) => row.text(column));
      if (draft.options.length === 0 && values[0] === shopifyDefaultOptionValue) values[0] = '';
      return { values, columns: optionValueHeaders };
    },

    hasVariant: (row) => row.hasAny(variantSignals),

    readVariant(row, optionValues) {
      return shopifyVariant(row, c, optionValues);
    },

    readImage(row) {
      const src = row.text(c.imageSrc);
      if (src === '' || !c.imageSrc) return null;
      return {
        src,
        position: row.integer(c.imagePosition),
        alt: row.optionalText(c.imageAlt),
        column: c.imageSrc.header,
      };
    },
  };
}

function optionDeclarations(row: RowReader, c: ShopifyColumns): OptionDeclaration[] {
  const names = c.optionNames.map((column) => row.text(column));
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const isDefault =
    names.length === 1 &&
    names[0] === shopifyDefaultOptionName &&
    row.text(c.optionValues[0]) === shopifyDefaultOptionValue;
  if (isDefault) return [];
  const seen = new Set<string>();
  return names.map((name, i) => {
    const column = c.optionNames[i];
    if (name === '') {
      row.error(column, 'missing_option_name', `Option ${i + 1} has no name, but a later option does.`);
      return { name: `Option ${i + 1}` };
    }
    if (seen.has(name.toLowerCase())) {
      row.error(column, 'duplicate_option_name', `Two options are both named "${name}".`);
    }
    seen.add(name.toLowerCase());
    return { name };
  });
}

/**
 * Status: the current layout's Status column (active/draft/archived; blank means active, as in
 * Shopify), else the legacy Published flag. A product that is active but not published to the
 * online store is imported as a draft, since the storefront is where it would appear.
 */
function shopifyStatus(row: RowReader, c: ShopifyColumns): ProductStatus {
  const published = c.published ? row.boolean(c.published, true) : true;
  const written = row.text(c.status).toLowerCase();
  if (written === '') return published ? 'active' : 'draft';
  if (written !== 'active' && written !== 'draft' && written !== 'archived') {
    row.error(
      c.status,
      'invalid_status',
      `Status must be active, draft or archived (got "${row.text(c.status)}").`,
    );
    return 'draft';
  }
  if (written === 'active' && !published) {
    row.warning(
      c.published,
      'unpublished_active',
      'The product is active but not published to the online store (Published is FALSE); it is imported as a draft.',
    );
    return 'draft';
  }
  return written;
}

function shopifyVariant(row: RowReader, c: ShopifyColumns, optionValues: string[]): VariantRecord {
  const price = row.money(c.price);
  if (price === null && row.text(c.price) === '') {
    row.error(
      c.price,
      'missing_price',
      `${c.price.header} is empty; every variant needs a price (write 0 for a free item).`,
    );
  }
  const unit = row.text(c.weightUnit);
  if (unit !== '' && parseWeightUnit(unit) === null) {
    row.warning(
      c.weightUnit,
      'invalid_weight_unit',
      `Variant Weight Unit must be g, kg, lb or oz (got "${unit}").`,
    );
  }
  const barcode = row.optionalText(c.barcode);
  if (barcode !== null && /^\d+(?:\.\d+)?E\+\d+$/i.test(barcode)) {
    row.warning(
      c.barcode,
      'barcode_scientific_notation',
      `The barcode "${barcode}" was shortened to scientific notation by a spreadsheet, so its digits are lost. Correct it, or export again without opening the file in a spreadsheet.`,
    );
  }
  return {
    sku: row.optionalText(c.sku),
    barcode,
    optionValues,
    priceAmount: price ?? 0,
    compareAtAmount: row.money(c.compareAtPrice),
    costAmount: row.money(c.costPerItem),
    // Variant Grams is always grams; Variant Weight Unit is only the unit Shopify displays.
    weightGrams: row.grams(c.grams, 'g'),
    requiresShipping: row.boolean(c.requiresShipping, true),
    taxable: row.boolean(c.taxable, true),
    taxClass: row.optionalText(c.taxCode),
    inventoryQuantity: inventoryQuantity(row, c),
    inventoryPolicy: inventoryPolicy(row, c),
    imageSrc: row.optionalText(c.variantImage),
  };
}

/**
 * Stock is tracked when Variant Inventory Tracker names a tracker ("shopify"); then the quantity is
 * Variant Inventory Qty (0 when blank). Without a tracker the quantity Shopify exports is not
 * enforced there, so it is not carried over. Files without a tracker column track when a quantity is given.
 */
function inventoryQuantity(row: RowReader, c: ShopifyColumns): number | null {
  const tracked = c.inventoryTracker ? row.text(c.inventoryTracker) !== '' : row.text(c.inventoryQty) !== '';
  const quantity = row.integer(c.inventoryQty);
  return tracked ? (quantity ?? 0) : null;
}

function inventoryPolicy(row: RowReader, c: ShopifyColumns): VariantRecord['inventoryPolicy'] {
  const policy = row.text(c.inventoryPolicy).toLowerCase();
  if (policy === '' || policy === 'deny') return 'deny';
  if (policy === 'continue') return 'continue';
  row.error(
    c.inventoryPolicy,
    'invalid_inventory_policy',
    `Variant Inventory Policy must be deny or continue (got "${row.text(c.inventoryPolicy)}").`,
  );
  return 'deny';
}
