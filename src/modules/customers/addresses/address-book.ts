import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { customerOf, customerRowById } from '../customer.ts';
import { type CustomerChangeBy, recordCustomerChange } from '../customer-change.ts';
import { customerAddresses } from '../schema.ts';
import {
  type AddressFields,
  addressFields,
  checkAddressRules,
  normalizeAddress,
  whenRuleFieldsRead,
} from './address-input.ts';

/** A saved address of a customer. */
export interface CustomerAddress extends AddressFields {
  id: string;
  customerId: string;
  isDefault: boolean;
}

/** Enough for any household; keeps one account from filling the table. */
export const MAX_ADDRESSES_PER_CUSTOMER = 50;

/** A new saved address: the address fields, checked for the country, and whether it becomes the default. */
export const newAddressInput = addressFields
  .extend({ isDefault: z.boolean().optional() })
  .strict()
  .superRefine(checkAddressRules, whenRuleFieldsRead)
  .transform(normalizeAddress);
export type NewAddressInput = z.input<typeof newAddressInput>;

/** A change to a saved address: any fields (the result is checked as a whole), or `isDefault: true`. */
export const addressChangeInput = addressFields
  .partial()
  .extend({ isDefault: z.literal(true).optional() })
  .strict();
export type AddressChangeInput = z.input<typeof addressChangeInput>;

type AddressRow = typeof customerAddresses.$inferSelect;

function addressOf(row: AddressRow): CustomerAddress {
  return {
    id: row.id,
    customerId: row.customerId,
    firstName: row.firstName,
    lastName: row.lastName,
    company: row.company,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    phone: row.phone,
    isDefault: row.isDefault,
  };
}

/** The customer's addresses: the default first, then the newest. */
export async function listAddresses(db: Db, storeId: string, customerId: string): Promise<CustomerAddress[]> {
  const rows = await db
    .select()
    .from(customerAddresses)
    .where(and(eq(customerAddresses.storeId, storeId), eq(customerAddresses.customerId, customerId)))
    .orderBy(desc(customerAddresses.isDefault), desc(customerAddresses.createdAt), asc(customerAddresses.id));
  return rows.map(addressOf);
}

export async function getAddress(
  db: Db,
  storeId: string,
  customerId: string,
  addressId: string,
): Promise<CustomerAddress> {
  const [row] = await db
    .select()
    .from(customerAddresses)
    .where(
      and(
        eq(customerAddresses.storeId, storeId),
        eq(customerAddresses.customerId, customerId),
        eq(customerAddresses.id, addressId),
      ),
    );
  if (!row) throw notFound('Address', { id: addressId });
  return addressOf(row);
}

/**
 * Saves a new address. The customer's first address becomes the default, as does one saved with
 * `isDefault: true`. 422 `address_limit_reached` past 50.
 */
export async function addAddress(
  tx: Db,
  storeId: string,
  customerId: string,
  input: NewAddressInput,
  by: CustomerChangeBy,
): Promise<CustomerAddress> {
  const { isDefault, ...address } = newAddressInput.parse(input);
  // The customer's row serialises changes to their address book (the default above all).
  const customer = customerOf(await customerRowById(tx, storeId, customerId, { forUpdate: true }));
  const existing = await listAddresses(tx, storeId, customerId);
  if (existing.length >= MAX_ADDRESSES_PER_CUSTOMER) {
    throw unprocessable(
      'address_limit_reached',
      `A customer can keep at most ${MAX_ADDRESSES_PER_CUSTOMER} addresses.`,
    );
  }
  const becomesDefault = isDefault === true || existing.length === 0;
  if (becomesDefault) await clearDefault(tx, customerId);
  const id = newId('customerAddress');
  await tx
    .insert(customerAddresses)
    .values({ id, customerId, storeId, ...address, isDefault: becomesDefault });
  const saved = await getAddress(tx, storeId, customerId, id);
  await recordCustomerChange(tx, {
    customer,
    kind: 'updated',
    by,
    fields: ['addresses'],
    addressId: id,
    audit: { action: 'customer_address.created', entityType: 'customer_address', entityId: id, after: saved },
  });
  return saved;
}

/** Changes an address (the result is checked as a whole for its country), or makes it the default. */
export async function updateAddress(
  tx: Db,
  storeId: string,
  customerId: string,
  addressId: string,
  input: AddressChangeInput,
  by: CustomerChangeBy,
): Promise<CustomerAddress> {
  const { isDefault, ...patch } = addressChangeInput.parse(input);
  const customer = customerOf(await customerRowById(tx, storeId, customerId, { forUpdate: true }));
  const before = await getAddress(tx, storeId, customerId, addressId);
  const { id: _id, customerId: _customer, isDefault: _default, ...current } = before;
  const { isDefault: _unused, ...address } = newAddressInput.parse({ ...current, ...patch });
  if (isDefault && !before.isDefault) await clearDefault(tx, customerId);
  await tx
    .update(customerAddresses)
    .set({ ...address, ...(isDefault ? { isDefault: true } : {}), updatedAt: sql`now()` })
    .where(eq(customerAddresses.id, addressId));
  const after = await getAddress(tx, storeId, customerId, addressId);
  await recordCustomerChange(tx, {
    customer,
    kind: 'updated',
    by,
    fields: ['addresses'],
    addressId,
    audit: {
      action: 'customer_address.updated',
      entityType: 'customer_address',
      entityId: addressId,
      before,
      after,
    },
  });
  return after;
}

/** Removes an address; when it was the default, the newest remaining one becomes the default. */
export async function removeAddress(
  tx: Db,
  storeId: string,
  customerId: string,
  addressId: string,
  by: CustomerChangeBy,
): Promise<void> {
  const customer = customerOf(await customerRowById(tx, storeId, customerId, { forUpdate: true }));
  const before = await getAddress(tx, storeId, customerId, addressId);
  await tx.delete(customerAddresses).where(eq(customerAddresses.id, addressId));
  if (before.isDefault) {
    const [next] = await tx
      .select({ id: customerAddresses.id })
      .from(customerAddresses)
      .where(and(eq(customerAddresses.customerId, customerId), ne(customerAddresses.id, addressId)))
      .orderBy(desc(customerAddresses.createdAt), desc(customerAddresses.id))
      .limit(1);
    if (next) {
      await tx.update(customerAddresses).set({ isDefault: true }).where(eq(customerAddresses.id, next.id));
    }
  }
  await recordCustomerChange(tx, {
    customer,
    kind: 'updated',
    by,
    fields: ['addresses'],
    addressId,
    audit: {
      action: 'customer_address.deleted',
      entityType: 'customer_address',
      entityId: addressId,
      before,
    },
  });
}

async function clearDefault(tx: Db, customerId: string): Promise<void> {
  await tx
    .update(customerAddresses)
    .set({ isDefault: false })
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true)));
}
