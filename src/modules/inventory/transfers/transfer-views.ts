import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { inventoryLocations, inventoryTransferLines, inventoryTransfers, transferStates } from '../schema.ts';
import { readTransfer, type TransferLine, type TransferWithLines, transferName } from './transfer-records.ts';

/** What the API shows of transfers: their number as people write it, the ends' names, the lines' variants. */

export const transferListQuery = z
  .object({
    state: z.enum(transferStates).optional(),
    locationId: z.string().min(1).max(64).optional(),
    /** The `number` of the last transfer of the previous page (newest first). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TransferListQuery = z.output<typeof transferListQuery>;

const fromLocation = alias(inventoryLocations, 'from_location');
const toLocation = alias(inventoryLocations, 'to_location');

/** A page of the store's transfers, newest first, with their totals; by state or by either end. */
export async function listTransfers(db: Db, storeId: string, query: TransferListQuery) {
  const rows = await db
    .select({
      id: inventoryTransfers.id,
      number: inventoryTransfers.number,
      state: inventoryTransfers.state,
      fromLocationId: inventoryTransfers.fromLocationId,
      fromLocationName: fromLocation.name,
      toLocationId: inventoryTransfers.toLocationId,
      toLocationName: toLocation.name,
      note: inventoryTransfers.note,
      shippedAt: inventoryTransfers.shippedAt,
      receivedAt: inventoryTransfers.receivedAt,
      createdAt: inventoryTransfers.createdAt,
      updatedAt: inventoryTransfers.updatedAt,
      lineCount: sql<number>`(select count(*)::int from ${inventoryTransferLines} l where l.transfer_id = ${inventoryTransfers.id})`,
      units: sql<number>`(select coalesce(sum(l.quantity), 0)::int from ${inventoryTransferLines} l where l.transfer_id = ${inventoryTransfers.id})`,
      unitsReceived: sql<number>`(select coalesce(sum(l.quantity_received), 0)::int from ${inventoryTransferLines} l where l.transfer_id = ${inventoryTransfers.id})`,
    })
    .from(inventoryTransfers)
    .innerJoin(fromLocation, eq(fromLocation.id, inventoryTransfers.fromLocationId))
    .innerJoin(toLocation, eq(toLocation.id, inventoryTransfers.toLocationId))
    .where(
      and(
        eq(inventoryTransfers.storeId, storeId),
        query.state ? eq(inventoryTransfers.state, query.state) : undefined,
        query.locationId
          ? sql`(${inventoryTransfers.fromLocationId} = ${query.locationId} or ${inventoryTransfers.toLocationId} = ${query.locationId})`
          : undefined,
        query.before ? lt(inventoryTransfers.number, query.before) : undefined,
      ),
    )
    .orderBy(desc(inventoryTransfers.number))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((row) => ({
    ...row,
    name: transferName(row.number),
    lineCount: Number(row.lineCount),
    units: Number(row.units),
    unitsReceived: Number(row.unitsReceived),
  }));
  return { items, nextBefore: rows.length > query.limit ? items[items.length - 1]!.number : null };
}

/** A transfer as the API shows it: ends by name, each line with its variant (SKU, titles). */
export async function transferView(db: Db, storeId: string, transfer: TransferWithLines) {
  const locations = await db
    .select({ id: inventoryLocations.id, name: inventoryLocations.name })
    .from(inventoryLocations)
    .where(inArray(inventoryLocations.id, [transfer.fromLocationId, transfer.toLocationId]));
  const nameOf = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  const variants = await findStockVariants(
    db,
    storeId,
    transfer.lines.map((l) => l.variantId),
  );
  const { lines, ...rest } = transfer;
  return {
    ...rest,
    name: transferName(transfer.number),
    fromLocationName: nameOf(transfer.fromLocationId),
    toLocationName: nameOf(transfer.toLocationId),
    lines: lines.map((line: TransferLine) => {
      const variant = variants.get(line.variantId);
      return {
        id: line.id,
        variantId: line.variantId,
        quantity: line.quantity,
        quantityReceived: line.quantityReceived,
        /** Still on the way (in transit) or still to ship (draft). */
        quantityOutstanding: transfer.state === 'cancelled' ? 0 : line.quantity - line.quantityReceived,
        sku: variant?.sku ?? null,
        productTitle: variant?.productTitle ?? null,
        variantTitle: variant?.title ?? null,
      };
    }),
  };
}

export type TransferView = Awaited<ReturnType<typeof transferView>>;

/** One transfer by id (404 when it is not the store's). */
export async function getTransfer(db: Db, storeId: string, id: string): Promise<TransferView> {
  return transferView(db, storeId, await readTransfer(db, storeId, id));
}
