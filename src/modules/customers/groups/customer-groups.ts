import { and, asc, count, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { type Customer, customerOf } from '../customer.ts';
import { customerGroupMembers, customerGroups, customerSegments, customers } from '../schema.ts';

/** Named groups of customers, filled by hand ("Wholesale"); segments can name them in a rule. */
export const customerGroupInput = z
  .object({ name: z.string().trim().min(1, 'Give the group a name.').max(120) })
  .strict();
export type CustomerGroupInput = z.input<typeof customerGroupInput>;
export const groupMembersInput = z
  .object({ customerIds: z.array(z.string().min(1).max(64)).min(1).max(1_000) })
  .strict();
export type GroupMembersInput = z.input<typeof groupMembersInput>;

export interface CustomerGroup {
  id: string;
  name: string;
  memberCount: number;
  createdAt: Date;
}

function nameTaken(name: string) {
  return conflict('group_name_taken', 'Another group has this name.', { name });
}

export async function listCustomerGroups(db: Db, storeId: string): Promise<CustomerGroup[]> {
  return db
    .select({
      id: customerGroups.id,
      name: customerGroups.name,
      memberCount:
        sql<number>`(select count(*)::int from ${customerGroupMembers} where ${customerGroupMembers.groupId} = ${customerGroups.id})`.mapWith(
          Number,
        ),
      createdAt: customerGroups.createdAt,
    })
    .from(customerGroups)
    .where(eq(customerGroups.storeId, storeId))
    .orderBy(asc(sql`lower(${customerGroups.name})`));
}

async function groupRow(tx: Db, storeId: string, groupId: string, forUpdate = false) {
  const query = tx
    .select()
    .from(customerGroups)
    .where(and(eq(customerGroups.storeId, storeId), eq(customerGroups.id, groupId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Customer group', { id: groupId });
  return row;
}

async function record(
  tx: Db,
  storeId: string,
  actor: Actor,
  action: string,
  groupId: string,
  change: object,
) {
  await recordAudit(tx, actor, {
    storeId,
    action,
    entityType: 'customer_group',
    entityId: groupId,
    ...change,
  });
  await emitEvent(tx, { storeId, type: action, payload: { groupId } });
}

export async function createCustomerGroup(db: Db, storeId: string, actor: Actor, input: CustomerGroupInput) {
  const { name } = customerGroupInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(customerGroups)
      .values({ id: newId('customerGroup'), storeId, name })
      .onConflictDoNothing()
      .returning();
    if (!row) throw nameTaken(name);
    await record(tx, storeId, actor, 'customer_group.created', row.id, { after: row });
    return row;
  });
}

export async function renameCustomerGroup(
  db: Db,
  storeId: string,
  actor: Actor,
  groupId: string,
  input: CustomerGroupInput,
) {
  const { name } = customerGroupInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await groupRow(tx, storeId, groupId, true);
    const [clash] = await tx
      .select({ id: customerGroups.id })
      .from(customerGroups)
      .where(and(eq(customerGroups.storeId, storeId), sql`lower(${customerGroups.name}) = lower(${name})`));
    if (clash && clash.id !== groupId) throw nameTaken(name);
    const [after] = await tx
      .update(customerGroups)
      .set({ name, updatedAt: sql`now()` })
      .where(eq(customerGroups.id, groupId))
      .returning();
    await record(tx, storeId, actor, 'customer_group.updated', groupId, { before, after });
    return after!;
  });
}

/** Deleting a group that a segment's rule names is refused: the segment would silently change. */
export async function deleteCustomerGroup(db: Db, storeId: string, actor: Actor, groupId: string) {
  await db.transaction(async (tx) => {
    const before = await groupRow(tx, storeId, groupId, true);
    const segmentIds = await tx
      .select({ id: customerSegments.id })
      .from(customerSegments)
      .where(
        and(
          eq(customerSegments.storeId, storeId),
          sql`${customerSegments.rules} @> ${JSON.stringify([{ field: 'group', value: groupId }])}::jsonb`,
        ),
      );
    if (segmentIds.length > 0) {
      throw conflict('group_in_use', 'A segment names this group in a rule; change the segment first.', {
        segments: segmentIds.map((s) => s.id),
      });
    }
    await tx.delete(customerGroups).where(eq(customerGroups.id, groupId));
    await record(tx, storeId, actor, 'customer_group.deleted', groupId, { before });
  });
}

/** Adds customers (all of this store's, or nothing is added); ones already in stay. */
export async function addGroupMembers(
  db: Db,
  storeId: string,
  actor: Actor,
  groupId: string,
  input: GroupMembersInput,
): Promise<{ added: number }> {
  const ids = [...new Set(groupMembersInput.parse(input).customerIds)];
  return db.transaction(async (tx) => {
    await groupRow(tx, storeId, groupId, true);
    const [found] = await tx
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.storeId, storeId), inArray(customers.id, ids)));
    if (Number(found?.n ?? 0) !== ids.length) {
      throw badRequest('unknown_customer', 'Some of these customers are not this store’s.', {
        customerIds: ids,
      });
    }
    const added = await tx
      .insert(customerGroupMembers)
      .values(ids.map((customerId) => ({ groupId, customerId, storeId })))
      .onConflictDoNothing()
      .returning({ customerId: customerGroupMembers.customerId });
    await record(tx, storeId, actor, 'customer_group.members_added', groupId, {
      after: { customerIds: added.map((a) => a.customerId) },
    });
    return { added: added.length };
  });
}

export async function removeGroupMembers(
  db: Db,
  storeId: string,
  actor: Actor,
  groupId: string,
  input: GroupMembersInput,
): Promise<{ removed: number }> {
  const ids = [...new Set(groupMembersInput.parse(input).customerIds)];
  return db.transaction(async (tx) => {
    await groupRow(tx, storeId, groupId, true);
    const removed = await tx
      .delete(customerGroupMembers)
      .where(and(eq(customerGroupMembers.groupId, groupId), inArray(customerGroupMembers.customerId, ids)))
      .returning({ customerId: customerGroupMembers.customerId });
    await record(tx, storeId, actor, 'customer_group.members_removed', groupId, {
      before: { customerIds: removed.map((r) => r.customerId) },
    });
    return { removed: removed.length };
  });
}

/** The groups a customer is in (the profile shows them). */
export async function groupsOfCustomer(db: Db, storeId: string, customerId: string) {
  return db
    .select({ id: customerGroups.id, name: customerGroups.name })
    .from(customerGroupMembers)
    .innerJoin(customerGroups, eq(customerGroups.id, customerGroupMembers.groupId))
    .where(and(eq(customerGroupMembers.storeId, storeId), eq(customerGroupMembers.customerId, customerId)))
    .orderBy(asc(customerGroups.name));
}

/**
 * Every member of a group, for an audience (a newsletter's recipients): read in batches by id, so a
 * large group never sits in memory. 404 for a group that is not the store's. A newsletter passes
 * `onlyWithMarketingConsent` (consent granted, not a disabled account), checked in the same query.
 */
export async function* customersInGroup(
  db: Db,
  storeId: string,
  groupId: string,
  options: { batchSize?: number; onlyWithMarketingConsent?: boolean } = {},
): AsyncGenerator<Customer> {
  await groupRow(db, storeId, groupId);
  const batchSize = options.batchSize ?? 1_000;
  let after = '';
  for (;;) {
    const rows = await db
      .select({ customer: customers })
      .from(customerGroupMembers)
      .innerJoin(customers, eq(customers.id, customerGroupMembers.customerId))
      .where(
        and(
          eq(customerGroupMembers.groupId, groupId),
          eq(customers.storeId, storeId),
          gt(customers.id, after),
          options.onlyWithMarketingConsent ? eq(customers.acceptsMarketing, true) : undefined,
          options.onlyWithMarketingConsent ? ne(customers.state, 'disabled') : undefined,
        ),
      )
      .orderBy(asc(customers.id))
      .limit(batchSize);
    for (const row of rows) yield customerOf(row.customer);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.customer.id;
  }
}
