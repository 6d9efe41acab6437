import { inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/index.ts';
import type { ProductRecord, RowIssue } from '../interchange/product-record.ts';
import type { ProductVariant } from '../product-detail.ts';
import { productVariants } from '../schema.ts';
import type { ProductStockPort, VariantStockQuantity } from './product-stock-port.ts';

/**
 * The stock a product file gives, brought into the store with the products: the quantities of the
 * variants the file tracks (Shopify: a Variant Inventory Tracker; WooCommerce: a Stock number; ours:
 * an Inventory quantity) are set as on hand through the inventory module's port, in the transaction
 * of the batch that wrote the products. Variants the file does not track keep their stock.
 */

/** A variant's quantity as the file gives it. */
export interface FileStock {
  sku: string | null;
  optionValues: readonly string[];
  quantity: number;
}

/** The file's quantities of a product's tracked variants (none when it tracks none). */
export const fileStockOf = (record: ProductRecord): FileStock[] =>
  record.variants.flatMap((v) =>
    v.inventoryQuantity === null
      ? []
      : [{ sku: v.sku, optionValues: v.optionValues, quantity: v.inventoryQuantity }],
  );

type StoredVariant = Pick<
  ProductVariant,
  'id' | 'sku' | 'option1' | 'option2' | 'option3' | 'inventoryPolicy'
>;

/** A product a batch wrote (or found unchanged) and the file's stock for it. */
export interface StockTarget {
  /** The product's first row in the file. */
  row: number;
  handle: string;
  productId: string;
  /** Its variants as they now are, when the batch has them at hand; read from the database otherwise. */
  variants?: readonly StoredVariant[];
  /** The batch created the product (in its transaction): its variants have no stock yet. */
  created: boolean;
  stock: readonly FileStock[];
}

export interface ImportStockOptions {
  port: ProductStockPort;
  /** Whether the importer may change stock (inventory:write); if not, the file's quantities are left alone. */
  allowed: boolean;
  /** The ledger reference of the import's stock movements (a product import's id); one is made if absent. */
  importId?: string;
}

export interface ImportStockCounts {
  /** Variants whose on hand the file changed. */
  changed: number;
  /** Variants that already had the file's quantity. */
  unchanged: number;
  /** Variants whose quantity was not set (each with a warning, or one for the file). */
  skipped: number;
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

const optionsKey = (values: readonly string[]) => [0, 1, 2].map((i) => fold(values[i] ?? '')).join('\u0000');

/** Finds the stored variant a file variant is: by SKU, else by its option values (as the import pairs them). */
function twinFinder(variants: readonly StoredVariant[]) {
  const bySku = new Map<string, StoredVariant>();
  const byOptions = new Map<string, StoredVariant>();
  for (const v of variants) {
    if (v.sku) bySku.set(v.sku, v);
    byOptions.set(optionsKey([v.option1, v.option2, v.option3]), v);
  }
  return (stock: FileStock) =>
    (stock.sku ? bySku.get(stock.sku) : undefined) ?? byOptions.get(optionsKey(stock.optionValues));
}

/**
 * One import's stock: what it set, and the warnings it gave. `apply` runs once per batch, in the
 * batch's transaction, so a batch that fails leaves no stock behind and a dry run none at all.
 */
export class ImportStock {
  readonly counts: ImportStockCounts = { changed: 0, unchanged: 0, skipped: 0 };
  /** File-wide reasons already told (once per import, not per product). */
  private readonly told = new Set<string>();

  constructor(
    private readonly options: ImportStockOptions | undefined,
    private readonly importId: string,
  ) {}

  async apply(
    tx: Db,
    storeId: string,
    actor: Actor,
    targets: readonly StockTarget[],
    issues: RowIssue[],
  ): Promise<void> {
    const { options } = this;
    const withStock = targets.filter((t) => t.stock.length > 0);
    if (!options || withStock.length === 0) return;
    if (!options.allowed) {
      this.counts.skipped += withStock.reduce((n, t) => n + t.stock.length, 0);
      this.tellOnce(
        issues,
        withStock[0]!.row,
        'stock_not_allowed',
        'Stock quantities were not imported: changing stock needs the inventory:write permission.',
      );
      return;
    }
    const quantities: VariantStockQuantity[] = [];
    const origin = new Map<string, { target: StockTarget; stock: FileStock }>();
    const variantsOf = await this.storedVariants(tx, withStock);
    for (const target of withStock) {
      const twinOf = twinFinder(variantsOf.get(target.productId) ?? []);
      for (const stock of target.stock) {
        const twin = twinOf(stock);
        if (!twin) {
          // A new variant of a live product whose changes wait for review is not in the store yet.
          this.counts.skipped++;
          issues.push(
            this.warning(
              target.row,
              'stock_variant_missing',
              target,
              stock,
              'the variant is not in the store yet (its changes wait for review)',
            ),
          );
          continue;
        }
        if (origin.has(twin.id)) continue;
        origin.set(twin.id, { target, stock });
        quantities.push({
          variantId: twin.id,
          quantity: stock.quantity,
          sku: twin.sku,
          inventoryPolicy: twin.inventoryPolicy,
          created: target.created,
        });
      }
    }
    if (quantities.length === 0) return;
    const outcome = await options.port.setOnHand(tx, storeId, actor, {
      importId: this.importId,
      quantities,
    });
    if (outcome.location === null) {
      this.counts.skipped += quantities.length;
      this.tellOnce(
        issues,
        withStock[0]!.row,
        'stock_no_location',
        'Stock quantities were not imported: add a location first.',
      );
      return;
    }
    this.counts.changed += outcome.changed;
    this.counts.unchanged += outcome.unchanged;
    this.counts.skipped += outcome.refused.length;
    for (const refused of outcome.refused) {
      const { target, stock } = origin.get(refused.variantId)!;
      issues.push(this.warning(target.row, 'stock_not_set', target, stock, refused.message));
    }
  }

  /** Each target's variants: those the batch has at hand, the others read in one query. */
  private async storedVariants(
    tx: Db,
    targets: readonly StockTarget[],
  ): Promise<Map<string, readonly StoredVariant[]>> {
    const found = new Map<string, StoredVariant[]>();
    const missing: string[] = [];
    for (const target of targets) {
      if (target.variants) found.set(target.productId, [...target.variants]);
      else missing.push(target.productId);
    }
    if (missing.length > 0) {
      const rows = await tx
        .select({
          id: productVariants.id,
          productId: productVariants.productId,
          sku: productVariants.sku,
          option1: productVariants.option1,
          option2: productVariants.option2,
          option3: productVariants.option3,
          inventoryPolicy: productVariants.inventoryPolicy,
        })
        .from(productVariants)
        .where(inArray(productVariants.productId, missing));
      for (const row of rows) found.set(row.productId, [...(found.get(row.productId) ?? []), row]);
    }
    return found;
  }

  private warning(
    row: number,
    code: string,
    target: StockTarget,
    stock: FileStock,
    reason: string,
  ): RowIssue {
    const name = stock.sku ?? [target.handle, ...stock.optionValues].join(' / ');
    return {
      row,
      column: null,
      code,
      message: `${name}: stock ${stock.quantity} not set: ${reason}.`,
      severity: 'warning',
    };
  }

  private tellOnce(issues: RowIssue[], row: number, code: string, message: string): void {
    if (this.told.has(code)) return;
    this.told.add(code);
    issues.push({ row, column: null, code, message, severity: 'warning' });
  }
}
