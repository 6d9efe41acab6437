import type { Column } from '../csv-header.ts';
import type { CsvRecord } from '../csv-source.ts';
import { type GroupedRowLayout, type OptionDeclaration, parseGroupedRows } from '../grouped-rows.ts';
import { splitEscapedList } from '../list-cells.ts';
import type { ProductCsvEvent } from '../product-csv-event.ts';
import type { ProductDraft, ProductFields } from '../product-draft.ts';
import type { ProductStatus, VariantRecord } from '../product-record.ts';
import type { RowReader } from '../row-reader.ts';
import type { StorepilotColumns } from './storepilot-columns.ts';

/** Products from a Storepilot product CSV (see storepilot-columns.ts for the layout). */
export function parseStorepilotRows(
  rows: AsyncIterable<CsvRecord>,
  columns: StorepilotColumns,
  currency: string,
  header: readonly string[],
): AsyncGenerator<ProductCsvEvent, void, undefined> {
  return parseGroupedRows(rows, storepilotLayout(columns), { currency, header, unguardFormulas: true });
}

function storepilotLayout(c: StorepilotColumns): GroupedRowLayout {
  const productColumns = [
    c.title,
    c.status,
    c.description,
    c.vendor,
    c.productType,
    c.category,
    c.tags,
    c.seoTitle,
    c.seoDescription,
    ...c.optionNames,
    ...c.optionValueLists,
  ].filter((column): column is Column => column !== undefined);
  const variantColumns = [
    ...c.optionValues,
    c.sku,
    c.barcode,
    c.price,
    c.compareAtPrice,
    c.cost,
    c.weight,
    c.requiresShipping,
    c.taxable,
    c.taxClass,
    c.inventoryQuantity,
    c.inventoryPolicy,
    c.variantImage,
  ];
  // The product's first row as written, to tell a repeated product cell from a conflicting one.
  let firstRow: RowReader | null = null;
  // Per product: option values fixed by "Option N values", checked on every variant row.
  let declaredValues: Array<Set<string> | null> = [];

  return {
    handle: c.handle,
    titleHeader: c.title.header,
    skuHeader: c.sku?.header ?? null,

    readProduct(row, handle) {
      firstRow = row;
      const fields: ProductFields = {
        handle,
        title: row.text(c.title),
        descriptionHtml: row.raw(c.description),
        vendor: row.optionalText(c.vendor),
        productType: row.optionalText(c.productType),
        category: row.optionalText(c.category),
        tags: splitEscapedList(row.raw(c.tags), 'storepilot'),
        status: storepilotStatus(row, c),
        seoTitle: row.optionalText(c.seoTitle),
        seoDescription: row.optionalText(c.seoDescription),
      };
      const options = optionDeclarations(row, c);
      declaredValues = options.map((option) => (option.values ? new Set(option.values) : null));
      return { fields, options };
    },

    readOptionValues(row, draft) {
      const values = c.optionValues.map((column) => row.text(column));
      checkDeclaredValues(row, draft, values, c, declaredValues);
      return { values, columns: c.optionValues.map((column) => column?.header ?? null) };
    },

    hasVariant: (row) => row.hasAny(variantColumns),

    readVariant(row, optionValues): VariantRecord {
      const price = row.money(c.price);
      if (price === null && row.text(c.price) === '') {
        row.error(
          c.price,
          'missing_price',
          `${c.price.header} is empty; every variant needs a price (0 for a free item).`,
        );
      }
      return {
        sku: row.optionalText(c.sku),
        barcode: row.optionalText(c.barcode),
        optionValues,
        priceAmount: price ?? 0,
        compareAtAmount: row.money(c.compareAtPrice),
        costAmount: row.money(c.cost),
        weightGrams: row.grams(c.weight, c.weightUnit),
        requiresShipping: row.boolean(c.requiresShipping, true),
        taxable: row.boolean(c.taxable, true),
        taxClass: row.optionalText(c.taxClass),
        inventoryQuantity: row.integer(c.inventoryQuantity),
        inventoryPolicy: inventoryPolicy(row, c),
        imageSrc: row.optionalText(c.variantImage),
      };
    },

    readImage(row) {
      const src = row.text(c.imageUrl);
      if (src === '' || !c.imageUrl) return null;
      return { src, position: null, alt: row.optionalText(c.imageAlt), column: c.imageUrl.header };
    },

    checkContinuation(row) {
      for (const column of productColumns) {
        const value = row.raw(column);
        if (value.trim() === '' || value === firstRow?.raw(column)) continue;
        row.warning(
          column,
          'ignored_product_cell',
          `${column.header} differs from the product's first row; product columns are read from the first row only.`,
        );
      }
    },
  };
}

function storepilotStatus(row: RowReader, c: StorepilotColumns): ProductStatus {
  const status = row.text(c.status).toLowerCase();
  if (status === '') return 'draft';
  if (status === 'active' || status === 'draft' || status === 'archived') return status;
  row.error(
    c.status,
    'invalid_status',
    `Status must be active, draft or archived (got "${row.text(c.status)}").`,
  );
  return 'draft';
}

function optionDeclarations(row: RowReader, c: StorepilotColumns): OptionDeclaration[] {
  const names = c.optionNames.map((column) => row.text(column));
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const seen = new Set<string>();
  return names.map((name, i) => {
    const listColumn = c.optionValueLists[i];
    const listed = splitEscapedList(row.raw(listColumn), 'storepilot');
    const values = listed.length > 0 ? listed : undefined;
    if (name === '') {
      row.error(
        c.optionNames[i],
        'missing_option_name',
        `Option ${i + 1} has no name, but a later option does.`,
      );
      return { name: `Option ${i + 1}`, values };
    }
    if (seen.has(name.toLowerCase())) {
      row.error(c.optionNames[i], 'duplicate_option_name', `Two options are both named "${name}".`);
    }
    seen.add(name.toLowerCase());
    return { name, values };
  });
}

function checkDeclaredValues(
  row: RowReader,
  draft: ProductDraft,
  values: string[],
  c: StorepilotColumns,
  declared: Array<Set<string> | null>,
): void {
  values.forEach((value, i) => {
    const allowed = declared[i];
    if (!allowed || value === '' || allowed.has(value)) return;
    row.error(
      c.optionValues[i],
      'unknown_option_value',
      `"${value}" is not one of the values listed for ${draft.options[i]?.name ?? `option ${i + 1}`} in "Option ${i + 1} values" on the product's first row.`,
    );
  });
}

function inventoryPolicy(row: RowReader, c: StorepilotColumns): VariantRecord['inventoryPolicy'] {
  const policy = row.text(c.inventoryPolicy).toLowerCase();
  if (policy === '' || policy === 'deny') return 'deny';
  if (policy === 'continue') return 'continue';
  row.error(
    c.inventoryPolicy,
    'invalid_inventory_policy',
    `Inventory policy must be deny or continue (got "${row.text(c.inventoryPolicy)}").`,
  );
  return 'deny';
}
