import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { requireLocations } from '../locations/locations.ts';
import { inventoryItems, inventoryTransferLines, inventoryTransfers } from '../schema.ts';
import { nextNumber } from '../sequences.ts';
import { assertTransferState, lockTransfer, type TransferWithLines } from './transfer-records.ts';

const id = z.string().min(1).max(64);

export const transferLineInput = z
  .object({
    variantId: id,
    quantity: z.number().int().min(1).max(1_000_000),
  })
  .strict();

export const createTransferInput = z
  .object({
    fromLocationId: id,
    toLocationId: id,
    lines: z.array(transferLineInput).min(1).max(500),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type CreateTransferInput = z.input<typeof createTransferInput>;

/** A draft's changes; `lines` replaces all its lines. */
export const updateTransferInput = createTransferInput.partial().strict();
export type UpdateTransferInput = z.input<typeof updateTransferInput>;

type TransferLineInput = z.output<typeof transferLineInput>;

/**
 * The two ends must be different active locations of the store; each line a variant of the store
 * whose stock is tracked (or not yet started), once. Names the field at fault.
 */
async function checkTransfer(
  tx: Db,
  storeId: string,
  fromLocationId: string,
  toLocationId: string,
  lines: readonly TransferLineInput[],
): Promise<void> {
  await requireLocations(tx, storeId, [fromLocationId], { active: true, path: 'fromLocationId' });
  await requireLocations(tx, storeId, [toLocationId], { active: true, path: 'toLocationId' });
  if (fromLocationId === toLocationId) {
    throw unprocessable('same_location', 'A transfer goes from one location to another.', {
      path: 'toLocationId',
    });
  }
  await checkTransferVariants(
    tx,
    storeId,
    lines.map((l) => l.variantId),
  );
}

/** Each variant once, the store's, and not set to go untracked (its stock would not be kept). */
export async function checkTransferVariants(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<void> {
  const variants = await findStockVariants(tx, storeId, variantIds);
  const untracked = new Set(
    (
      await tx
        .select({ variantId: inventoryItems.variantId })
        .from(inventoryItems)
        .where(
          and(
            eq(inventoryItems.storeId, storeId),
            inArray(inventoryItems.variantId, [...new Set(variantIds)]),
            eq(inventoryItems.tracked, false),
          ),
        )
    ).map((r) => r.variantId),
  );
  const seen = new Set<string>();
  for (const [index, variantId] of variantIds.entries()) {
    const path = `lines.${index}.variantId`;
    if (!variants.has(variantId)) {
      throw unprocessable('unknown_variant', `No variant ${variantId} in this store.`, {
        path,
        id: variantId,
      });
    }
    if (seen.has(variantId)) {
      throw unprocessable('duplicate_variant', 'Each variant goes on one line of a transfer.', {
        path,
        id: variantId,
      });
    }
    if (untracked.has(variantId)) {
      throw unprocessable(
        'variant_not_tracked',
        'This variant’s stock is not tracked; track it to move it.',
        {
          path,
          id: variantId,
        },
      );
    }
    seen.add(variantId);
  }
}

async function writeLines(tx: Db, storeId: string, transferId: string, lines: readonly TransferLineInput[]) {
  await tx.insert(inventoryTransferLines).values(
    lines.map((line) => ({
      id: newId('transferLine'),
      transferId,
      storeId,
      variantId: line.variantId,
      quantity: line.quantity,
    })),
  );
}

/** A draft transfer (TR-1001 …): nothing moves until it is shipped. */
export async function createTransfer(
  tx: Db,
  storeId: string,
  input: CreateTransferInput,
): Promise<TransferWithLines> {
  const data = createTransferInput.parse(input);
  await checkTransfer(tx, storeId, data.fromLocationId, data.toLocationId, data.lines);
  const id = newId('transfer');
  await tx.insert(inventoryTransfers).values({
    id,
    storeId,
    number: await nextNumber(tx, storeId, 'transfer'),
    fromLocationId: data.fromLocationId,
    toLocationId: data.toLocationId,
    note: data.note ?? null,
  });
  await writeLines(tx, storeId, id, data.lines);
  return lockTransfer(tx, storeId, id);
}

/** Changes a draft (ends, note, lines); a transfer on its way or done is refused. */
export async function updateTransfer(
  tx: Db,
  storeId: string,
  id: string,
  input: UpdateTransferInput,
): Promise<{ before: TransferWithLines; after: TransferWithLines }> {
  const data = updateTransferInput.parse(input);
  const before = await lockTransfer(tx, storeId, id);
  assertTransferState(before, ['draft'], 'edited');
  const fromLocationId = data.fromLocationId ?? before.fromLocationId;
  const toLocationId = data.toLocationId ?? before.toLocationId;
  const lines = data.lines ?? before.lines;
  await checkTransfer(tx, storeId, fromLocationId, toLocationId, lines);
  await tx
    .update(inventoryTransfers)
    .set({
      fromLocationId,
      toLocationId,
      ...(data.note !== undefined ? { note: data.note } : {}),
      updatedAt: now(),
    })
    .where(eq(inventoryTransfers.id, id));
  if (data.lines) {
    await tx.delete(inventoryTransferLines).where(eq(inventoryTransferLines.transferId, id));
    await writeLines(tx, storeId, id, data.lines);
  }
  return { before, after: await lockTransfer(tx, storeId, id) };
}
