import type { Db } from '../../../platform/db/database.ts';
import { AppError, unprocessable } from '../../../platform/errors.ts';
import { type Customer, getCustomer, listAddresses, listCustomers } from '../../customers/index.ts';
import { type CartAddress, cartAddressInput } from '../cart-address.ts';

/** Who a draft is for, once named: the e-mail it goes to, and the store's customer when there is one. */
export interface DraftBuyer {
  email: string;
  customer: Customer | null;
}

/**
 * The buyer a draft names: a customer by id (422 `unknown_customer` when the store has none), or an
 * e-mail — the store's customer with exactly that address when there is one; otherwise placing
 * the order makes a guest of it, as checkout does.
 */
export async function draftBuyerOf(
  db: Db,
  storeId: string,
  named: { customerId?: string | undefined; email?: string | undefined },
): Promise<DraftBuyer> {
  if (named.customerId !== undefined) {
    const customer = await getCustomer(db, storeId, named.customerId).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) {
        throw unprocessable('unknown_customer', 'The store has no such customer.', {
          path: 'customer.customerId',
          customerId: named.customerId,
        });
      }
      throw err;
    });
    return { email: customer.email, customer };
  }
  const email = named.email!;
  // The list's search matches parts of addresses; only the customer with exactly this one counts.
  const { items } = await listCustomers(db, storeId, { q: email, limit: 100 });
  return { email, customer: items.find((c) => c.email === email) ?? null };
}

/** The customer's default saved address (their newest when none is marked) as a draft keeps it; null without one. */
export async function savedAddressOf(
  db: Db,
  storeId: string,
  customerId: string,
): Promise<CartAddress | null> {
  const [saved] = await listAddresses(db, storeId, customerId);
  if (!saved) return null;
  const { id: _id, customerId: _customer, isDefault: _default, ...fields } = saved;
  // Checked as any address a draft takes: one saved under older rules is left for staff to enter.
  const parsed = cartAddressInput.safeParse(fields);
  return parsed.success ? (parsed.data as CartAddress) : null;
}
