import type { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { categoryPathsById } from '../categories.ts';
import { writeProductCsv } from '../interchange/index.ts';
import type { CatalogFormat, ProductRecord } from '../interchange/product-record.ts';
import { loadProductDetails } from '../product-detail.ts';
import { products } from '../schema.ts';
import { recordFromDetail } from './record-mapping.ts';

const PAGE = 200;

/** Every product of a store as file records, read page by page (never the whole catalog at once). */
export async function* storeProductRecords(db: Db, storeId: string): AsyncGenerator<ProductRecord> {
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
    for (const detail of await loadProductDetails(db, rows)) {
      yield recordFromDetail(
        detail,
        detail.product.categoryId ? (paths.get(detail.product.categoryId) ?? null) : null,
      );
    }
    after = rows.at(-1)!.id;
  }
}

/** A store's catalog as CSV in the given format, streamed. */
export function exportProducts(
  db: Db,
  store: { id: string; baseCurrency: string },
  format: CatalogFormat,
): Readable {
  return writeProductCsv(storeProductRecords(db, store.id), { format, currency: store.baseCurrency });
}
