import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { inventoryTransferLines, inventoryTransfers, type TransferState } from '../schema.ts';

export type Transfer = typeof inventoryTransfers.$inferSelect;
export type TransferLine = typeof inventoryTransferLines.$inferSelect;
export interface TransferWithLines extends Transfer {
  lines: TransferLine[];
}

/** The number people use: TR-1001. */
export function transferName(number: number): string {
  return `TR-${number}`;
}

/** The transfer and its lines (in the order they were entered), the transfer row locked until the transaction ends. */
export function lockTransfer(tx: Db, storeId: string, id: string): Promise<TransferWithLines> {
  return readTransfer(tx, storeId, id, { lock: true });
}

/** The transfer and its lines; 404 when it is not the store's. */
export async function readTransfer(
  db: Db,
  storeId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TransferWithLines> {
  const query = db
    .select()
    .from(inventoryTransfers)
    .where(and(eq(inventoryTransfers.storeId, storeId), eq(inventoryTransfers.id, id)));
  const [transfer] = options.lock ? await query.for('update') : await query;
  if (!transfer) throw notFound('Transfer', { id });
  return { ...transfer, lines: await transferLines(db, id) };
}

export function transferLines(db: Db, transferId: string): Promise<TransferLine[]> {
  return db
    .select()
    .from(inventoryTransferLines)
    .where(eq(inventoryTransferLines.transferId, transferId))
    .orderBy(asc(inventoryTransferLines.id));
}

/** Refuses a step the transfer's state does not allow (409, with the state it is in). */
export function assertTransferState(
  transfer: Transfer,
  allowed: readonly TransferState[],
  step: string,
): void {
  if (allowed.includes(transfer.state)) return;
  throw conflict(
    'invalid_transfer_state',
    `${transferName(transfer.number)} is ${transfer.state}: it cannot be ${step}.`,
    {
      state: transfer.state,
      allowed,
    },
  );
}
