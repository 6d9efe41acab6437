import { handleFromTitle } from '../../handles.ts';
import type { CsvRecord } from '../csv-source.ts';
import { fileIssueEvent, type ProductCsvEvent, productEvent } from '../product-csv-event.ts';
import { ProductDraft, SkuRegistry } from '../product-draft.ts';
import type { RowIssue } from '../product-record.ts';
import { RowReader } from '../row-reader.ts';
import type { WooColumns } from './woocommerce-columns.ts';
import {
  readWooAttributes,
  readWooImages,
  readWooProduct,
  readWooType,
  readWooVariant,
  type WooType,
  type WooVariantCells,
} from './woocommerce-rows.ts';
import {
  type PendingVariation,
  resolveVariableProduct,
  type VariableParent,
} from './woocommerce-variations.ts';

/**
 * Products from a WooCommerce product CSV. A simple, grouped or external product is one row and is
 * yielded as soon as it is read. A variable product is a parent row plus variation rows that name
 * it in Parent (by SKU, or "id:NN" for its ID) and may sit anywhere in the file, before or after it.
 *
 * Memory: nothing in the file says when a parent's last variation has been seen, so every variable
 * parent and every variation stays buffered until the end of the file, as parsed records (a few KB
 * per parent, well under 1 KB per variation — e.g. ~100 MB for 30,000 variable products with five
 * variations each). Simple products are not buffered; besides the variable products only the
 * file's SKUs, handles and product keys are kept. Variable products are yielded at the end, in the
 * order of their parent rows, followed by issues for variations whose parent never appeared.
 */
export async function* parseWooRows(
  rows: AsyncIterable<CsvRecord>,
  c: WooColumns,
  currency: string,
  header: readonly string[],
): AsyncGenerator<ProductCsvEvent, void, undefined> {
  const skus = new SkuRegistry();
  const handles = new HandleAllocator();
  const parents: VariableParent[] = [];
  const parentByKey = new Map<string, VariableParent>();
  const otherProductKeys = new Set<string>();
  const variationsByKey = new Map<string, PendingVariation[]>();

  for await (const record of rows) {
    // WooCommerce's exporter guards formula-like cells with a leading ', and its importer removes it.
    const row = new RowReader(record, currency, header, true);
    const type = readWooType(row, c);
    const keys = productKeys(row, c);

    if (type.kind === 'variation') {
      const variation = readVariation(row, c, type, skus);
      if (variation) {
        const list = variationsByKey.get(variation.parentKey) ?? [];
        list.push(variation);
        variationsByKey.set(variation.parentKey, list);
      } else {
        for (const issue of row.issues) yield fileIssueEvent(issue);
      }
      continue;
    }

    const handle = handles.allocate(row.text(c.name));
    const draft = new ProductDraft(readWooProduct(row, c, handle), row.line, skus);
    for (const src of readWooImages(row, c))
      draft.addImage({ src, position: null, alt: null }, row.line, c.images?.header ?? null);

    if (type.kind === 'variable') {
      const parent: VariableParent = {
        draft,
        row: row.line,
        attributes: readWooAttributes(row, c),
        defaults: readWooVariant(row, c, type, false).variant,
        keys,
        nameHeader: c.name.header,
      };
      if (row.text(c.stock) !== '') {
        row.warning(
          c.stock,
          'shared_stock_not_supported',
          'Stock kept for the variable product as a whole is not carried over; only each variation’s own Stock is.',
        );
      }
      for (const key of keys) {
        if (parentByKey.has(key) || otherProductKeys.has(key)) {
          row.error(
            null,
            'duplicate_parent_key',
            `Another product already has the ${describeKey(key)}; variations cannot tell the two apart.`,
          );
        } else {
          parentByKey.set(key, parent);
        }
      }
      draft.addIssues(row.issues);
      parents.push(parent);
      continue;
    }

    for (const key of keys) otherProductKeys.add(key);
    if (type.kind !== null) addSimpleVariant(row, c, type, draft);
    draft.addIssues(row.issues);
    yield productEvent(draft.finish(c.name.header));
  }

  for (const parent of parents) {
    const variations = parent.keys.flatMap((key) => {
      const list = variationsByKey.get(key) ?? [];
      variationsByKey.delete(key);
      return list;
    });
    variations.sort((a, b) => a.row - b.row);
    yield productEvent(resolveVariableProduct(parent, variations));
  }

  const orphans = [...variationsByKey.entries()].flatMap(([key, list]) => list.map((v) => ({ key, v })));
  orphans.sort((a, b) => a.v.row - b.v.row);
  for (const { key, v } of orphans) {
    const issue: RowIssue = otherProductKeys.has(key)
      ? {
          row: v.row,
          column: v.parentColumn,
          code: 'parent_not_variable',
          message: `This variation's parent (${describeKey(key)}) is not a variable product, so it cannot have variations.`,
          severity: 'error',
        }
      : {
          row: v.row,
          column: v.parentColumn,
          code: 'unknown_parent',
          message: `This variation's parent (${describeKey(key)}) is not in the file; a variation is imported only with its variable product.`,
          severity: 'error',
        };
    yield fileIssueEvent(issue);
  }
}

function addSimpleVariant(row: RowReader, c: WooColumns, type: WooType, draft: ProductDraft): void {
  const kind = type.kind;
  const cells = readWooVariant(row, c, type, kind !== 'grouped');
  if (kind === 'grouped') {
    const children = row.text(c.groupedProducts);
    row.warning(
      c.type,
      'grouped_product_simplified',
      `A grouped product is imported as a simple draft product at price 0: its list of grouped products${children ? ` (${children})` : ''} is not carried over, and it has no price of its own.`,
    );
    draft.fields = { ...draft.fields, status: 'draft' };
  }
  if (kind === 'external') {
    row.warning(
      c.type,
      'external_product_simplified',
      `An external (affiliate) product is imported as a simple product sold in this store: its external URL${row.text(c.externalUrl) ? ` (${row.text(c.externalUrl)})` : ''} and button text are not carried over.`,
    );
  }
  if (type.downloadable) {
    row.warning(
      c.type,
      'downloads_not_supported',
      'The product is downloadable; its download files are not carried over.',
    );
  }
  // Attributes of a simple product describe it; those with one value become one-value options.
  const optionValues: string[] = [];
  const optionColumns: Array<string | null> = [];
  for (const attribute of readWooAttributes(row, c)) {
    if (attribute.values.length === 1 && optionValues.length < 3) {
      draft.addOption(attribute.name, attribute.values);
      optionValues.push(attribute.values[0]!);
      optionColumns.push(attribute.column.header);
    } else {
      row.warning(
        attribute.column,
        'attribute_not_imported',
        attribute.values.length === 1
          ? `The attribute "${attribute.name}" is not imported: a product has at most 3 options.`
          : `The attribute "${attribute.name}" lists several values (${attribute.values.join(', ')}) on a product that is not variable; it is not imported.`,
      );
    }
  }
  draft.addVariant(
    { ...cells.variant, optionValues },
    { row: row.line, sku: c.sku?.header ?? null, optionValues: optionColumns },
  );
}

function readVariation(
  row: RowReader,
  c: WooColumns,
  type: WooType,
  skus: SkuRegistry,
): PendingVariation | null {
  const parentRef = row.text(c.parent);
  if (parentRef === '') {
    row.error(
      c.parent ?? 'Parent',
      'missing_parent',
      'This variation does not name its parent product in Parent.',
    );
    return null;
  }
  const cells: WooVariantCells = readWooVariant(row, c, type, true);
  const [image, ...moreImages] = readWooImages(row, c);
  cells.variant.imageSrc = image ?? null;
  if (moreImages.length > 0) {
    row.warning(c.images, 'extra_variation_images', 'A variation has one image; only the first is imported.');
  }
  const sku = cells.variant.sku;
  if (sku !== null && !skus.claim(sku)) {
    row.error(
      c.sku,
      'duplicate_sku',
      `The SKU "${sku}" is already used by an earlier row of this file; SKUs must be unique.`,
    );
  }
  return {
    row: row.line,
    parentKey: parentRef.toLowerCase().startsWith('id:')
      ? `id:${parentRef.slice(3).trim()}`
      : `sku:${parentRef}`,
    parentColumn: c.parent?.header ?? 'Parent',
    skuColumn: c.sku?.header ?? null,
    cells,
    attributes: readWooAttributes(row, c),
    issues: row.issues,
  };
}

/** The keys by which variations can name this row's product: its ID and its SKU. */
function productKeys(row: RowReader, c: WooColumns): string[] {
  const keys: string[] = [];
  const id = row.text(c.id);
  if (id !== '') keys.push(`id:${id}`);
  const sku = row.text(c.sku);
  if (sku !== '') keys.push(`sku:${sku}`);
  return keys;
}

function describeKey(key: string): string {
  return key.startsWith('id:') ? `ID ${key.slice(3)}` : `SKU "${key.slice(4)}"`;
}

/** Handles derived from product names, made unique within the file with -2, -3, … */
class HandleAllocator {
  private readonly used = new Set<string>();

  allocate(name: string): string {
    const base = handleFromTitle(name);
    let handle = base;
    for (let n = 2; this.used.has(handle); n++) handle = `${base}-${n}`;
    this.used.add(handle);
    return handle;
  }
}
