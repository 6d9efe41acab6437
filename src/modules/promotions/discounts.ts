import { and, eq, type SQL, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { addGeneratedCodes, type GenerateCodesInput, replaceCodes } from './discount-codes.ts';
import {
  type DiscountDefinition,
  type DiscountDefinitionInput,
  parseDefinition,
  type UpdateDiscountInput,
  updateDiscountInput,
} from './discount-input.ts';
import { type DiscountView, definitionOf, getDiscount, getDiscountRow } from './discount-records.ts';
import { assertTargetsExist } from './discount-targets.ts';
import { discounts } from './schema.ts';

/**
 * The columns a definition sets (codes live in their own table). A discount without a start starts
 * at the database's now(), the clock its status is read by.
 */
function columnsOf(d: DiscountDefinition, defaultStart: Date | SQL) {
  return {
    title: d.title,
    kind: d.kind,
    type: d.type,
    percentBp: d.percentBp,
    amounts: d.amounts,
    appliesTo: d.appliesTo,
    oncePerOrder: d.oncePerOrder,
    buyXGetY: d.buyXGetY,
    minimumSubtotal: d.minimumSubtotal,
    minimumQuantity: d.minimumQuantity,
    customerSegments: [...new Set(d.customerSegments)],
    startsAt: d.startsAt ? new Date(d.startsAt) : defaultStart,
    endsAt: d.endsAt ? new Date(d.endsAt) : null,
    usageLimit: d.usageLimit,
    perCustomerLimit: d.perCustomerLimit,
    combinesWithOrder: d.combinesWith.order,
    combinesWithProduct: d.combinesWith.product,
    combinesWithShipping: d.combinesWith.shipping,
    enabled: d.enabled,
  };
}

/** What the outbox tells about a discount (webhook subscribers get the same). */
const eventOf = (
  type: string,
  view: Pick<DiscountView, 'id' | 'title' | 'kind' | 'type' | 'status'>,
  storeId: string,
) => ({
  storeId,
  type,
  payload: { id: view.id, title: view.title, kind: view.kind, type: view.type, status: view.status },
});

/** Creates a discount and its codes; audited, `discount.created`. */
export async function createDiscount(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: DiscountDefinitionInput,
): Promise<DiscountView> {
  const definition = parseDefinition(input);
  await assertTargetsExist(tx, storeId, definition);
  const id = newId('discount');
  await tx.insert(discounts).values({ id, storeId, ...columnsOf(definition, sql`now()`) });
  await replaceCodes(tx, storeId, id, definition.codes);
  const after = await getDiscount(tx, storeId, id);
  await recordAudit(tx, actor, {
    storeId,
    action: 'discount.created',
    entityType: 'discount',
    entityId: id,
    after,
  });
  await emitEvents(tx, [eventOf('discount.created', after, storeId)]);
  return after;
}

/**
 * Changes a discount: the fields sent replace the stored ones and the result must be a whole,
 * valid definition (400 naming the field otherwise). `codes`, when sent, replaces every code.
 * The usage count stays; lowering a limit below it simply leaves the discount used up.
 */
export async function updateDiscount(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: UpdateDiscountInput,
): Promise<DiscountView> {
  const patch = updateDiscountInput.parse(input);
  await getDiscountRow(tx, storeId, id, { forUpdate: true });
  const before = await getDiscount(tx, storeId, id);
  const definition = parseDefinition({ ...definitionOf(before), ...patch, codes: patch.codes ?? [] });
  await assertTargetsExist(tx, storeId, definition);
  await tx
    .update(discounts)
    .set({ ...columnsOf(definition, before.startsAt), updatedAt: now() })
    .where(and(eq(discounts.storeId, storeId), eq(discounts.id, id)));
  if (patch.codes !== undefined) await replaceCodes(tx, storeId, id, definition.codes);
  const after = await getDiscount(tx, storeId, id);
  await recordAudit(tx, actor, {
    storeId,
    action: 'discount.updated',
    entityType: 'discount',
    entityId: id,
    before,
    after,
  });
  await emitEvents(tx, [eventOf('discount.updated', after, storeId)]);
  return after;
}

/**
 * Deletes a discount; its codes and per-customer counts go with it (foreign keys). Its usage ledger stays for the orders'
 * history; an order still holding a reservation can commit or release it as usual.
 */
export async function deleteDiscount(tx: Db, storeId: string, actor: Actor, id: string): Promise<void> {
  await getDiscountRow(tx, storeId, id, { forUpdate: true });
  const before = await getDiscount(tx, storeId, id);
  await tx.delete(discounts).where(and(eq(discounts.storeId, storeId), eq(discounts.id, id)));
  await recordAudit(tx, actor, {
    storeId,
    action: 'discount.deleted',
    entityType: 'discount',
    entityId: id,
    before,
  });
  await emitEvents(tx, [eventOf('discount.deleted', before, storeId)]);
}

/** Adds random codes to a code discount; audited (`discount.codes_generated`), `discount.updated`. */
export async function generateDiscountCodes(
  tx: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: GenerateCodesInput,
): Promise<{ codes: string[]; discount: DiscountView }> {
  const { row } = await getDiscountRow(tx, storeId, id, { forUpdate: true });
  if (row.kind !== 'code') {
    throw unprocessable('not_a_code_discount', 'Automatic discounts have no codes.', { id });
  }
  const codes = await addGeneratedCodes(tx, storeId, id, input);
  await tx.update(discounts).set({ updatedAt: now() }).where(eq(discounts.id, id));
  const discount = await getDiscount(tx, storeId, id);
  await recordAudit(tx, actor, {
    storeId,
    action: 'discount.codes_generated',
    entityType: 'discount',
    entityId: id,
    after: { codes, codeCount: discount.codeCount },
  });
  await emitEvents(tx, [eventOf('discount.updated', discount, storeId)]);
  return { codes, discount };
}
