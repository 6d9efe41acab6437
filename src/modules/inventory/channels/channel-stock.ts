import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, gt, gte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest } from '../../../platform/errors.ts';
import { findStockVariants, findStockVariantsBySku, guardFormula } from '../../catalog/index.ts';
import { channelStock } from '../schema.ts';
import type { SalesChannel } from './channels.ts';

export const channelStockQuery = z
  .object({
    /** Only rows whose quantity changed at or after this time (ISO 8601). */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
    /** One variant by its exact SKU. */
    sku: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    /** `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ChannelStockQuery = z.infer<typeof channelStockQuery>;

export interface ChannelStockRow {
  variantId: string;
  sku: string | null;
  productTitle: string | null;
  variantTitle: string | null;
  sellable: number;
  /** The variant keeps selling when out of stock. */
  backorder: boolean;
  updatedAt: string;
}

/**
 * Pages run in the order quantities last changed (then variant id), so a client that polls with
 * `updatedSince` and follows `nextCursor` sees every change. The cursor holds the row's time to the
 * microsecond (JavaScript dates keep milliseconds, which would skip or repeat rows).
 */
interface Cursor {
  micros: string;
  variantId: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(`${c.micros} ${c.variantId}`).toString('base64url');

function decodeCursor(text: string): Cursor {
  const [micros, variantId, extra] = Buffer.from(text, 'base64url').toString('utf8').split(' ');
  if (!micros || !/^\d{1,20}$/.test(micros) || !variantId || extra !== undefined) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.', { path: 'cursor' });
  }
  return { micros, variantId };
}

const micros = sql`(floor(extract(epoch from ${channelStock.updatedAt}) * 1000000))::bigint`;

/** A page of a channel's stock: variant, SKU, sellable quantity, when it last changed. */
export async function listChannelStock(
  db: Db,
  storeId: string,
  channel: SalesChannel,
  query: ChannelStockQuery,
): Promise<{ items: ChannelStockRow[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(channelStock.channelId, channel.id)];
  if (query.updatedSince) conditions.push(gte(channelStock.updatedAt, new Date(query.updatedSince)));
  if (query.sku) {
    const variant = (await findStockVariantsBySku(db, storeId, [query.sku])).get(query.sku);
    if (!variant) return { items: [], nextCursor: null };
    conditions.push(eq(channelStock.variantId, variant.variantId));
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    conditions.push(
      or(
        sql`${micros} > ${cursor.micros}::bigint`,
        and(sql`${micros} = ${cursor.micros}::bigint`, gt(channelStock.variantId, cursor.variantId)),
      ),
    );
  }
  const rows = await db
    .select({
      variantId: channelStock.variantId,
      sellable: channelStock.sellable,
      updatedAt: channelStock.updatedAt,
      micros: sql<string>`${micros}::text`,
    })
    .from(channelStock)
    .where(and(...conditions))
    .orderBy(asc(channelStock.updatedAt), asc(channelStock.variantId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const variants = await findStockVariants(
    db,
    storeId,
    page.map((r) => r.variantId),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const variant = variants.get(r.variantId);
      return {
        variantId: r.variantId,
        sku: variant?.sku ?? null,
        productTitle: variant?.productTitle ?? null,
        variantTitle: variant?.title ?? null,
        sellable: r.sellable,
        backorder: variant?.inventoryPolicy === 'continue',
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ micros: String(last.micros), variantId: last.variantId })
        : null,
  };
}

export const channelStockCsvHeader = ['SKU', 'Variant ID', 'Sellable'] as const;

/** Rows read per query while the CSV streams out. */
const csvPage = 1000;

/** The channel's whole stock as CSV (SKU, variant id, sellable), streamed a page at a time. */
export function channelStockCsv(db: Db, storeId: string, channel: SalesChannel): Readable {
  async function* records(): AsyncGenerator<string[]> {
    yield [...channelStockCsvHeader];
    let after = '';
    for (;;) {
      const rows = await db
        .select({ variantId: channelStock.variantId, sellable: channelStock.sellable })
        .from(channelStock)
        .where(and(eq(channelStock.channelId, channel.id), gt(channelStock.variantId, after)))
        .orderBy(asc(channelStock.variantId))
        .limit(csvPage);
      if (rows.length === 0) return;
      const variants = await findStockVariants(
        db,
        storeId,
        rows.map((r) => r.variantId),
      );
      for (const row of rows) {
        yield [guardFormula(variants.get(row.variantId)?.sku ?? ''), row.variantId, String(row.sellable)];
      }
      after = rows.at(-1)!.variantId;
    }
  }
  const source = Readable.from(records());
  const csv = stringify();
  // pipe() does not pass errors on: a failed read must end the download, not leave it hanging.
  source.on('error', (err) => csv.destroy(err));
  return source.pipe(csv);
}
