import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type Customer, customerOf, customerRowByEmail } from './customer.ts';
import { recordCustomerChange } from './customer-change.ts';
import { type GuestCustomerInput, guestCustomerInput } from './customer-input.ts';
import { customers } from './schema.ts';

/**
 * The customer an order belongs to, by e-mail: the store's existing customer with that address
 * (a guest or an account, whatever its state), else a new guest. One statement decides, so
 * concurrent checkouts with one e-mail end up with one row. An existing customer is returned as it
 * is: what a checkout types never changes an account. Call it in the order's transaction.
 */
export async function findOrCreateGuestCustomer(
  tx: Db,
  storeId: string,
  input: GuestCustomerInput,
): Promise<Customer> {
  const data = guestCustomerInput.parse(input);
  const [created] = await tx
    .insert(customers)
    .values({
      id: newId('customer'),
      storeId,
      email: data.email,
      firstName: data.firstName,
      lastName: data.lastName,
      phone: data.phone,
      locale: data.locale ?? null,
      state: 'guest',
    })
    .onConflictDoNothing({ target: [customers.storeId, customers.email] })
    .returning();
  if (created) {
    const customer = customerOf(created);
    await recordCustomerChange(tx, { customer, kind: 'created', by: { source: 'checkout' } });
    return customer;
  }
  // The row another transaction made (it waited for that one to commit before doing nothing).
  const existing = await customerRowByEmail(tx, storeId, data.email);
  return customerOf(existing!);
}
