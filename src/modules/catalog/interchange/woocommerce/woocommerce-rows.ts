import type { Column } from '../csv-header.ts';
import { splitEscapedList } from '../list-cells.ts';
import type { ProductFields } from '../product-draft.ts';
import type { ProductStatus, VariantRecord } from '../product-record.ts';
import type { RowReader } from '../row-reader.ts';
import type { WooColumns } from './woocommerce-columns.ts';
import { decodeWooMultiline, htmlToPlainText, pickCategory } from './woocommerce-text.ts';

/** How one WooCommerce row maps to the catalog: cell by cell, with no knowledge of other rows. */

export type WooKind = 'simple' | 'variable' | 'variation' | 'grouped' | 'external';

export interface WooType {
  kind: WooKind | null;
  virtual: boolean;
  downloadable: boolean;
}

/** "simple, downloadable, virtual" → simple, flagged; an empty Type is simple, as in WooCommerce. */
export function readWooType(row: RowReader, c: WooColumns): WooType {
  const parts = splitEscapedList(row.text(c.type).toLowerCase(), 'woocommerce');
  const virtual = parts.includes('virtual');
  const downloadable = parts.includes('downloadable');
  const kinds = parts.filter((part) => part !== 'virtual' && part !== 'downloadable');
  const kind = kinds[0] ?? 'simple';
  const known = ['simple', 'variable', 'variation', 'grouped', 'external'].includes(kind);
  if (!known) {
    row.error(
      c.type,
      'unsupported_type',
      `"${kind}" products are not supported; only simple, variable (with variations), grouped and external products can be imported.`,
    );
  }
  return { kind: known ? (kind as WooKind) : null, virtual, downloadable };
}

/** Published: 1 → active, -1 → draft, 0 (private) → archived; true/false as 1/-1; blank → draft. */
export function readWooStatus(row: RowReader, c: WooColumns): ProductStatus {
  const value = row.text(c.published).toLowerCase();
  if (value === '1' || value === 'true') return 'active';
  if (value === '0') return 'archived';
  if (value === '-1' || value === 'false' || value === '') return 'draft';
  row.error(
    c.published,
    'invalid_status',
    `Published must be 1 (published), 0 (private) or -1 (draft); got "${value}".`,
  );
  return 'draft';
}

/** Product-level fields of a simple, grouped, external or variable row. */
export function readWooProduct(row: RowReader, c: WooColumns, handle: string): ProductFields {
  const { category, others } = pickCategory(splitEscapedList(row.raw(c.categories), 'woocommerce'));
  const tags = splitEscapedList(row.raw(c.tags), 'woocommerce');
  if (others.length > 0) {
    row.warning(
      c.categories,
      'extra_categories',
      `The product is in several categories; "${category}" becomes its category and ${others.map((o) => `"${o}"`).join(', ')} become tags.`,
    );
    for (const other of others) if (!tags.includes(other)) tags.push(other);
  }
  const brands = splitEscapedList(row.raw(c.brands), 'woocommerce');
  if (brands.length > 1) {
    row.warning(
      c.brands,
      'extra_brands',
      `Only the first brand, "${brands[0]}", is imported (as the vendor).`,
    );
  }
  const summary = htmlToPlainText(decodeWooMultiline(row.raw(c.shortDescription)));
  return {
    handle,
    title: row.text(c.name),
    descriptionHtml: decodeWooMultiline(row.raw(c.description)),
    vendor: brands[0] ?? null,
    productType: null,
    category,
    tags,
    status: readWooStatus(row, c),
    seoTitle: null,
    seoDescription: summary === '' ? null : summary,
  };
}

/** A variant read from a simple product's or a variation's row, plus what it leaves to its parent. */
export interface WooVariantCells {
  variant: VariantRecord;
  /** The row has no weight, tax status or tax class of its own ("parent"); a variation inherits them. */
  inheritsWeight: boolean;
  inheritsTaxStatus: boolean;
  inheritsTaxClass: boolean;
}

export function readWooVariant(
  row: RowReader,
  c: WooColumns,
  type: WooType,
  priceRequired: boolean,
): WooVariantCells {
  const regular = row.money(c.regularPrice);
  const sale = row.money(c.salePrice);
  if (priceRequired && regular === null && sale === null && row.text(c.regularPrice) === '') {
    row.error(
      c.regularPrice,
      'missing_price',
      'Regular price is empty; every product or variation needs a price.',
    );
  }
  if (sale !== null && (row.text(c.saleStarts) !== '' || row.text(c.saleEnds) !== '')) {
    row.warning(
      c.saleStarts ?? c.salePrice,
      'scheduled_sale_not_supported',
      'The sale price is scheduled (sale dates are set); it is imported as the current price with the regular price as compare-at price, without the dates.',
    );
  }
  const taxClass = row.text(c.taxClass);
  const stock = row.integer(c.stock);
  const inStock = row.text(c.inStock).toLowerCase();
  return {
    variant: {
      sku: row.optionalText(c.sku),
      barcode: row.optionalText(c.gtin),
      optionValues: [],
      // A sale price is what the shopper pays; the regular price is shown struck through.
      priceAmount: sale ?? regular ?? 0,
      compareAtAmount: sale !== null ? regular : null,
      costAmount: null,
      weightGrams: row.grams(c.weight, c.weightUnit),
      requiresShipping: !type.virtual,
      taxable: readTaxable(row, c.taxStatus),
      taxClass: taxClass === '' || taxClass.toLowerCase() === 'parent' ? null : taxClass,
      // Stock without a number is not managed; "In stock? = 0" then still means nothing to sell.
      inventoryQuantity: stock ?? (inStock === '0' ? 0 : null),
      inventoryPolicy: readBackorders(row, c),
      imageSrc: null,
    },
    inheritsWeight: row.text(c.weight) === '',
    inheritsTaxStatus: row.text(c.taxStatus) === '',
    inheritsTaxClass: taxClass.toLowerCase() === 'parent',
  };
}

function readTaxable(row: RowReader, column: Column | undefined): boolean {
  const status = row.text(column).toLowerCase();
  if (status === '' || status === 'taxable' || status === 'true') return true;
  // "shipping": only the shipping is taxed, not the product.
  if (status === 'none' || status === 'shipping' || status === 'false') return false;
  row.error(column, 'invalid_tax_status', `Tax status must be taxable, shipping or none (got "${status}").`);
  return true;
}

function readBackorders(row: RowReader, c: WooColumns): VariantRecord['inventoryPolicy'] {
  const value = row.text(c.backorders).toLowerCase();
  if (value === '' || value === '0' || value === 'no' || value === 'false') return 'deny';
  if (value === '1' || value === 'notify' || value === 'yes' || value === 'true') return 'continue';
  row.error(
    c.backorders,
    'invalid_backorders',
    `Backorders allowed? must be 1, 0 or notify (got "${value}").`,
  );
  return 'deny';
}

export interface WooAttribute {
  name: string;
  values: string[];
  column: Column;
}

/** The row's attributes: name plus its values (a variation has one value, or none for "any"). */
export function readWooAttributes(row: RowReader, c: WooColumns): WooAttribute[] {
  const attributes: WooAttribute[] = [];
  for (const columns of c.attributes) {
    const name = row.text(columns.name);
    if (name === '') continue;
    attributes.push({
      name,
      values: splitEscapedList(row.raw(columns.values), 'woocommerce'),
      column: columns.values ?? columns.name,
    });
  }
  return attributes;
}

/** Image URLs of the Images cell, in order (the first is the main image). */
export function readWooImages(row: RowReader, c: WooColumns): string[] {
  return splitEscapedList(row.raw(c.images), 'woocommerce');
}
