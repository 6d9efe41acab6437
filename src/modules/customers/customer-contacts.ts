import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { customers } from './schema.ts';

/** Who a customer is, for an audience list: e-mail, name and whether they accept marketing. */
export interface CustomerContact {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  acceptsMarketing: boolean;
}

/** The store's customers among `ids` (unknown ids are left out), in chunks of 1,000. */
export async function customerContacts(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, CustomerContact>> {
  const out = new Map<string, CustomerContact>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 1_000) {
    const rows = await db
      .select({
        id: customers.id,
        email: customers.email,
        firstName: customers.firstName,
        lastName: customers.lastName,
        acceptsMarketing: customers.acceptsMarketing,
      })
      .from(customers)
      .where(and(eq(customers.storeId, storeId), inArray(customers.id, unique.slice(i, i + 1_000))));
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}
