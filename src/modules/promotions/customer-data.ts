import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { discountCustomerUsages, discountUsages } from './schema.ts';

/** A guest's uses are counted by e-mail, an account's by customer id (checkout's `cartCustomerKey`). */
const keysOf = (subject: DataSubject) => [subject.id, subject.email];

/** Promotions' part of a privacy request (docs/privacy.md): the discounts the customer used and their counters. */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  return {
    discount_customer_usages: await db
      .select()
      .from(discountCustomerUsages)
      .where(
        and(
          eq(discountCustomerUsages.storeId, storeId),
          inArray(discountCustomerUsages.customerKey, keysOf(subject)),
        ),
      ),
    discount_usages: await db
      .select()
      .from(discountUsages)
      .where(and(eq(discountUsages.storeId, storeId), inArray(discountUsages.customerKey, keysOf(subject)))),
  };
}

/**
 * Counters kept by e-mail move to the tombstone address (a discount's total use stays exact; the
 * erased person's per-customer limit is no longer theirs to reach). Counters by customer id name
 * the tombstone row already.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(discountCustomerUsages)
    .set({ customerKey: subject.tombstoneEmail })
    .where(
      and(eq(discountCustomerUsages.storeId, storeId), eq(discountCustomerUsages.customerKey, subject.email)),
    );
  await tx
    .update(discountUsages)
    .set({ customerKey: subject.tombstoneEmail })
    .where(and(eq(discountUsages.storeId, storeId), eq(discountUsages.customerKey, subject.email)));
  return {};
}
