import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { formatMinorAsDecimal } from '../../../platform/money.ts';
import { getStore } from '../../access/index.ts';
import type { CustomerListQuery } from '../customer-input.ts';
import { listCustomers } from '../customer-list.ts';
import { customerAddresses } from '../schema.ts';
import { customerCsvColumns, provinceCode, yesNo } from './customers-csv-layout.ts';

/** Customers read per page while the file is written. */
const PAGE = 200;

/**
 * The customers the list's filters match (all by default), oldest first, as Shopify's customers
 * CSV: a stream that reads a page, writes it and reads the next, so the export's memory does not
 * grow with the store. Amounts are decimals of the store's currency. SMS marketing and tax
 * exemption are not kept here: always `no`.
 */
export async function exportCustomersCsv(
  db: Db,
  storeId: string,
  filters: Omit<CustomerListQuery, 'limit' | 'offset' | 'sort'> = {},
): Promise<Readable> {
  const store = await getStore(db, storeId);
  async function* records(): AsyncGenerator<string[]> {
    yield [...customerCsvColumns];
    for (let offset = 0; ; offset += PAGE) {
      const { items } = await listCustomers(db, storeId, { ...filters, sort: 'oldest', limit: PAGE, offset });
      if (items.length === 0) return;
      const addresses = await db
        .select()
        .from(customerAddresses)
        .where(
          and(
            eq(customerAddresses.storeId, storeId),
            eq(customerAddresses.isDefault, true),
            inArray(
              customerAddresses.customerId,
              items.map((c) => c.id),
            ),
          ),
        );
      const addressOf = new Map(addresses.map((a) => [a.customerId, a]));
      for (const c of items) {
        const a = addressOf.get(c.id);
        yield [
          c.id,
          c.firstName ?? '',
          c.lastName ?? '',
          c.email,
          yesNo(c.acceptsMarketing),
          a?.company ?? '',
          a?.line1 ?? '',
          a?.line2 ?? '',
          a?.city ?? '',
          provinceCode(a?.region ?? null),
          a?.country ?? '',
          a?.postalCode ?? '',
          a?.phone ?? '',
          c.phone ?? '',
          'no',
          formatMinorAsDecimal(c.totalSpent, store.baseCurrency),
          String(c.orderCount),
          c.note ?? '',
          'no',
          c.tags.join(', '),
        ];
      }
      if (items.length < PAGE) return;
    }
  }
  const source = Readable.from(records());
  const csv = stringify({ bom: true });
  // pipe() does not pass errors on: a failed read must end the download, not leave it hanging.
  source.on('error', (err) => csv.destroy(err));
  return source.pipe(csv);
}
