import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type Customer, customerOf, customerRowById } from './customer.ts';
import { type CustomerChangeBy, type CustomerField, recordCustomerChange } from './customer-change.ts';
import { type CustomerPatchInput, customerPatchInput } from './customer-input.ts';
import { customers } from './schema.ts';

/**
 * Changes a customer's names, phone, note or tags (the storefront passes names and phone only).
 * Fields left out stay; nothing that did not change is recorded; an admin change is audited with
 * before and after.
 */
export async function updateCustomer(
  tx: Db,
  storeId: string,
  customerId: string,
  input: CustomerPatchInput,
  by: CustomerChangeBy,
): Promise<Customer> {
  const patch = customerPatchInput.parse(input);
  const before = customerOf(await customerRowById(tx, storeId, customerId, { forUpdate: true }));
  const fields = (Object.keys(patch) as (keyof typeof patch & CustomerField)[]).filter(
    (field) => JSON.stringify(patch[field]) !== JSON.stringify(before[field]),
  );
  if (fields.length === 0) return before;
  const [row] = await tx
    .update(customers)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)))
    .returning();
  const after = customerOf(row!);
  await recordCustomerChange(tx, {
    customer: after,
    kind: 'updated',
    by,
    fields,
    audit: { action: 'customer.updated', entityType: 'customer', entityId: customerId, before, after },
  });
  return after;
}
