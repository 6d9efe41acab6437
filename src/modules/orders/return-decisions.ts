import type { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { reopenOrder } from './order-completion.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import { type OrderReturn, orderLinesOf } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { lockOrderAndReturn, recordReturnAudit, updateReturn } from './return-change.ts';
import { approveReturnInput, cancelReturnInput, rejectReturnInput } from './return-input.ts';
import { returnMail } from './return-mail.ts';
import { returnsOfOrder } from './return-read.ts';
import { assertTransition } from './state-machines.ts';

/**
 * Staff accept a return: `requested → approved`, the store's return instructions (order settings)
 * mailed to the customer (return_approved). A completed order is reopened (`completed → open`): it
 * has work again. 409 `illegal_transition` from any other state.
 */
export async function approveReturn(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: z.input<typeof approveReturnInput> = {},
): Promise<OrderReturn> {
  const { note } = approveReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'approved');
  const settings = await getOrderSettings(tx, storeId);
  const after = await updateReturn(tx, before, {
    status: 'approved',
    approvedAt: now(),
    staffNote: note || before.staffNote,
  });
  const current =
    order.status === 'completed' ? await reopenOrder(tx, actor, order, 'a return was approved.') : order;
  await recordOrderEvent(
    tx,
    current,
    actor,
    'return',
    'Return approved; return instructions sent to the customer.',
    {
      returnId,
      ...(note ? { note } : {}),
    },
  );
  const lines = await orderLinesOf(tx, orderId);
  const allReturns = await returnsOfOrder(tx, orderId);
  await emitOrderEvent(
    tx,
    current,
    'return.approved',
    { returnId },
    await returnMail(tx, current, lines, after, allReturns, {
      extra: { instructions: settings.returnInstructions ?? '' },
    }),
  );
  await recordReturnAudit(tx, actor, storeId, 'return.approved', before, after);
  return after;
}

/** Staff decline a return: `requested → rejected`, the reason mailed to the customer (return_rejected). */
export async function rejectReturn(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: z.input<typeof rejectReturnInput>,
): Promise<OrderReturn> {
  const { reason } = rejectReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'rejected');
  const after = await updateReturn(tx, before, {
    status: 'rejected',
    rejectReason: reason,
    closedAt: now(),
  });
  await recordOrderEvent(tx, order, actor, 'return', `Return declined: ${reason}`, { returnId, reason });
  const lines = await orderLinesOf(tx, orderId);
  const allReturns = await returnsOfOrder(tx, orderId);
  await emitOrderEvent(
    tx,
    order,
    'return.rejected',
    { returnId, reason },
    await returnMail(tx, order, lines, after, allReturns, { extra: { note: reason } }),
  );
  await recordReturnAudit(tx, actor, storeId, 'return.rejected', before, after);
  return after;
}

/**
 * Withdraws a return before anything came back (`requested | approved → cancelled`): the units
 * may be asked for again. Once some units were received the return must be finished instead
 * (409 `return_partially_received`): they are already back in stock or written off.
 */
export async function cancelReturn(
  tx: Db,
  storeId: string,
  actor: Actor,
  orderId: string,
  returnId: string,
  input: z.input<typeof cancelReturnInput> = {},
): Promise<OrderReturn> {
  const { note } = cancelReturnInput.parse(input);
  const { order, before } = await lockOrderAndReturn(tx, storeId, orderId, returnId);
  assertTransition('return', before.status, 'cancelled');
  if (before.lines.some((l) => l.receivedQuantity > 0)) {
    throw conflict(
      'return_partially_received',
      'Some items of this return were received; receive the rest and close it instead.',
      {
        returnId,
      },
    );
  }
  const after = await updateReturn(tx, before, {
    status: 'cancelled',
    closedAt: now(),
    staffNote: note || before.staffNote,
  });
  await recordOrderEvent(
    tx,
    order,
    actor,
    'return',
    note ? `Return cancelled: ${note}` : 'Return cancelled.',
    { returnId },
  );
  await emitOrderEvent(tx, order, 'return.cancelled', { returnId });
  await recordReturnAudit(tx, actor, storeId, 'return.cancelled', before, after);
  return after;
}
