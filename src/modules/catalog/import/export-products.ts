import type { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { categoryPathsById } from '../categories.ts';
import { writeProductCsv } from '../interchange/index.ts';
import type { CatalogFormat, ProductRecord } from '../interchange/product-record.ts';
import { loadProductDetails } from '../product-detail.ts';
import { products } from '../schema.ts';
import type { ProductStockPort } from './product-stock-port.ts';
import { recordFromDetail } from './record-mapping.ts';
import { withAbsoluteMediaUrls } from './record-media-urls.ts';

const PAGE = 200;

/**
 * Every product of a store as file records, read page by page (never the whole catalog at once),
 * with the stock of tracked variants when `stock` is given.
 */
export async function* storeProductRecords(
  db: Db,
  storeId: string,
  stock?: ProductStockPort,
): AsyncGenerator<ProductRecord> {
  const paths = await categoryPathsById(db, storeId);
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(products)
      .where(and(eq(products.storeId, storeId), gt(products.id, after)))
      .orderBy(asc(products.id))
      .limit(PAGE);
    if (rows.length === 0) return;
    const details = await loadProductDetails(db, rows);
    const onHand = await stock?.onHandOf(
      db,
      storeId,
      details.flatMap((d) => d.variants.map((v) => v.id)),
    );
    for (const detail of details) {
      yield recordFromDetail(
        detail,
        detail.product.categoryId ? (paths.get(detail.product.categoryId) ?? null) : null,
        onHand,
      );
    }
    after = rows.at(-1)!.id;
  }
}

export interface ExportOptions {
  /**
   * The installation's public base URL (no trailing slash): images the store holds itself (uploads)
   * are written as absolute URLs under it (`<base>/media/<key>`), so the file works anywhere.
   * Without it they are written as paths on this server (`/media/<key>`), which only this
   * installation can read back. The admin route and the CLI always pass it.
   */
  publicBaseUrl?: string;
  /**
   * Where tracked variants' stock is read (the inventory module's port); without it (or for a
   * caller who may not see stock) every variant is written untracked, with no quantity.
   */
  stock?: ProductStockPort;
}

/** A store's catalog as CSV in the given format, streamed. */
export function exportProducts(
  db: Db,
  store: { id: string; baseCurrency: string },
  format: CatalogFormat,
  options: ExportOptions = {},
): Readable {
  const { publicBaseUrl, stock } = options;
  const records = storeProductRecords(db, store.id, stock);
  return writeProductCsv(publicBaseUrl ? withMediaUrls(records, publicBaseUrl) : records, {
    format,
    currency: store.baseCurrency,
  });
}

async function* withMediaUrls(records: AsyncIterable<ProductRecord>, baseUrl: string) {
  for await (const record of records) yield withAbsoluteMediaUrls(record, baseUrl);
}
