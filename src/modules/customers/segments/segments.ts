import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { customerGroups, customerSegments } from '../schema.ts';
import { assertRfmSegmentsKnown } from './rfm-membership.ts';
import type { SegmentCondition, SegmentMatch } from './segment-conditions.ts';
import {
  type SegmentInput,
  type SegmentPatchInput,
  segmentInput,
  segmentPatchInput,
} from './segment-input.ts';

export const CUSTOMER_SEGMENT_CREATED_EVENT = 'customer_segment.created';
export const CUSTOMER_SEGMENT_UPDATED_EVENT = 'customer_segment.updated';
export const CUSTOMER_SEGMENT_DELETED_EVENT = 'customer_segment.deleted';

export interface CustomerSegment {
  id: string;
  storeId: string;
  name: string;
  match: SegmentMatch;
  rules: SegmentCondition[];
  createdAt: Date;
  updatedAt: Date;
}

/** Rules naming a group must name one of this store's: a typo would otherwise match nobody, silently. */
export async function assertRuleGroupsExist(
  db: Db,
  storeId: string,
  rules: SegmentCondition[],
): Promise<void> {
  const ids = [...new Set(rules.flatMap((r) => (r.field === 'group' ? [r.value] : [])))];
  if (ids.length === 0) return;
  const found = await db
    .select({ id: customerGroups.id })
    .from(customerGroups)
    .where(and(eq(customerGroups.storeId, storeId), inArray(customerGroups.id, ids)));
  const known = new Set(found.map((g) => g.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw badRequest('unknown_group', 'A rule names a customer group this store does not have.', {
      groups: unknown,
    });
  }
}

function nameTaken(name: string) {
  return conflict('segment_name_taken', 'Another segment has this name.', { name });
}

export async function listSegments(db: Db, storeId: string): Promise<CustomerSegment[]> {
  return db
    .select()
    .from(customerSegments)
    .where(eq(customerSegments.storeId, storeId))
    .orderBy(asc(sql`lower(${customerSegments.name})`), asc(customerSegments.id));
}

export async function getSegment(db: Db, storeId: string, segmentId: string): Promise<CustomerSegment> {
  const [row] = await db
    .select()
    .from(customerSegments)
    .where(and(eq(customerSegments.storeId, storeId), eq(customerSegments.id, segmentId)));
  if (!row) throw notFound('Segment', { id: segmentId });
  return row;
}

export async function createSegment(
  db: Db,
  storeId: string,
  actor: Actor,
  input: SegmentInput,
): Promise<CustomerSegment> {
  const data = segmentInput.parse(input);
  return db.transaction(async (tx) => {
    assertRfmSegmentsKnown(data.rules);
    await assertRuleGroupsExist(tx, storeId, data.rules);
    const [created] = await tx
      .insert(customerSegments)
      .values({ id: newId('customerSegment'), storeId, ...data })
      .onConflictDoNothing()
      .returning();
    if (!created) throw nameTaken(data.name);
    await recordAudit(tx, actor, {
      storeId,
      action: CUSTOMER_SEGMENT_CREATED_EVENT,
      entityType: 'customer_segment',
      entityId: created.id,
      after: created,
    });
    await emitEvent(tx, {
      storeId,
      type: CUSTOMER_SEGMENT_CREATED_EVENT,
      payload: { segmentId: created.id },
    });
    return created;
  });
}

export async function updateSegment(
  db: Db,
  storeId: string,
  actor: Actor,
  segmentId: string,
  input: SegmentPatchInput,
): Promise<CustomerSegment> {
  const patch = segmentPatchInput.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(customerSegments)
        .where(and(eq(customerSegments.storeId, storeId), eq(customerSegments.id, segmentId)))
        .for('update');
      if (!before) throw notFound('Segment', { id: segmentId });
      if (patch.rules) {
        assertRfmSegmentsKnown(patch.rules);
        await assertRuleGroupsExist(tx, storeId, patch.rules);
      }
      const [after] = await tx
        .update(customerSegments)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(customerSegments.id, segmentId))
        .returning();
      await recordAudit(tx, actor, {
        storeId,
        action: CUSTOMER_SEGMENT_UPDATED_EVENT,
        entityType: 'customer_segment',
        entityId: segmentId,
        before,
        after,
      });
      await emitEvent(tx, { storeId, type: CUSTOMER_SEGMENT_UPDATED_EVENT, payload: { segmentId } });
      return after!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(patch.name ?? '');
    throw err;
  }
}

export async function deleteSegment(db: Db, storeId: string, actor: Actor, segmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(customerSegments)
      .where(and(eq(customerSegments.storeId, storeId), eq(customerSegments.id, segmentId)))
      .returning();
    if (!before) throw notFound('Segment', { id: segmentId });
    await recordAudit(tx, actor, {
      storeId,
      action: CUSTOMER_SEGMENT_DELETED_EVENT,
      entityType: 'customer_segment',
      entityId: segmentId,
      before,
    });
    await emitEvent(tx, { storeId, type: CUSTOMER_SEGMENT_DELETED_EVENT, payload: { segmentId } });
  });
}
