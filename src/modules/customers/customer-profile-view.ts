import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { getStore } from '../access/index.ts';
import { listOrders, type OrderSummary } from '../orders/index.ts';
import { type CustomerAddress, listAddresses } from './addresses/address-book.ts';
import { type MarketingConsentEntry, marketingConsentHistory } from './consent/marketing-consent.ts';
import { customerOf } from './customer.ts';
import { customerFactsQuery, figuresOf } from './customer-facts.ts';
import type { CustomerWithFigures } from './customer-list.ts';
import { groupsOfCustomer } from './groups/customer-groups.ts';
import { customers } from './schema.ts';

/** How many of the newest orders the profile shows (the orders list has the rest). */
export const PROFILE_RECENT_ORDERS = 10;

export interface CustomerProfile {
  customer: CustomerWithFigures;
  addresses: CustomerAddress[];
  groups: { id: string; name: string }[];
  /** The current state is on `customer` (acceptsMarketing, marketingConsentAt, marketingConsentSource). */
  consentHistory: MarketingConsentEntry[];
  recentOrders: OrderSummary[];
}

/** Everything the admin's customer page shows, read in a handful of statements. */
export async function customerProfile(db: Db, storeId: string, customerId: string): Promise<CustomerProfile> {
  const store = await getStore(db, storeId);
  const facts = customerFactsQuery(db, store);
  const [row] = await facts.select(eq(customers.id, customerId));
  if (!row) throw notFound('Customer', { id: customerId });
  const [addresses, groups, consentHistory, orders] = await Promise.all([
    listAddresses(db, storeId, customerId),
    groupsOfCustomer(db, storeId, customerId),
    marketingConsentHistory(db, storeId, customerId),
    listOrders(db, storeId, { customerId, limit: PROFILE_RECENT_ORDERS }),
  ]);
  return {
    customer: { ...customerOf(row.customer), ...figuresOf(row) },
    addresses,
    groups,
    consentHistory,
    recentOrders: orders.items,
  };
}
