import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { exportOrdersCsv } from './export-orders-csv.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { setOrderTags } from './order-notes.ts';
import { getOrder } from './order-read.ts';
import { shopifyOrdersHeader } from './orders-csv-layout.ts';
import { orderTestActor as actor, placeTestOrder } from './testing/order-fixtures.ts';

/** The header of a real Shopify orders export, as Shopify writes it (docs/orders.md, "Export"). */
const shopifyExportHeader =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,' +
  'Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,' +
  'Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,' +
  'Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,' +
  'Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,' +
  'Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,' +
  'Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,' +
  'Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,' +
  'Payment Terms Name,Next Payment Due At,Payment References';

for (const target of testDatabaseTargets()) {
  describe(`orders CSV export on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'csv-orders');
      await database.execute("update stores set timezone = 'Europe/Berlin' where id = $1", [store.id]);
    });
    after(async () => {
      await database.close();
    });

    const exported = async (query: Record<string, string> = {}) => {
      const bytes = await buffer(exportOrdersCsv(database.db, store.id, query));
      assert.deepEqual(
        [...bytes.subarray(0, 3)],
        [0xef, 0xbb, 0xbf],
        'a byte-order mark for spreadsheet programs',
      );
      const csv = bytes.toString('utf8');
      const [header, ...rows] = parseCsv(csv, { bom: true, relax_column_count: false }) as string[][];
      return {
        header: header!,
        rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))),
      };
    };

    test("Shopify's header, one row per line item, the order's columns on its first row only", async () => {
      const placed = await placeTestOrder(database, store, { quantities: [2, 1], unitAmount: 1250 });
      const other = await placeTestOrder(database, store, { quantities: [1], payment: 'manual' });
      const { lines } = await getOrder(database.db, store.id, placed.order.id);
      await database.db.transaction(async (tx) => {
        await fulfilOrder(tx, store.id, actor, placed.order.id, {
          lines: lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          notifyCustomer: false,
        });
        await setOrderTags(tx, store.id, actor, placed.order.id, { tags: ['vip', '=risky'] });
      });
      await database.execute('update orders set note = \'=HYPERLINK("http://x")\' where id = $1', [
        placed.order.id,
      ]);

      const { header, rows } = await exported();
      assert.deepEqual(header, shopifyExportHeader.split(','));
      assert.deepEqual(header, [...shopifyOrdersHeader]);
      const mine = rows.filter((r) => r.Name === `#${placed.order.number}`);
      assert.equal(mine.length, 2, 'a two-line order is two rows');
      const [first, second] = mine as [Record<string, string>, Record<string, string>];
      assert.equal(first.Email, 'ada@example.com');
      assert.equal(first['Financial Status'], 'paid');
      assert.equal(first['Fulfillment Status'], 'fulfilled');
      assert.equal(first.Currency, 'EUR');
      assert.deepEqual(
        [first.Subtotal, first.Shipping, first.Taxes, first.Total],
        ['37.50', '5.00', '0.00', '42.50'],
      );
      assert.equal(first['Shipping Method'], 'Standard');
      assert.equal(first['Billing Name'], 'Ada Lovelace');
      assert.equal(first['Shipping Country'], 'DE');
      assert.equal(first.Tags, "'=risky, vip", 'a cell that would run as a formula is defused');
      assert.equal(first.Notes, '\'=HYPERLINK("http://x")');
      assert.equal(first.Id, placed.order.id);
      assert.equal(first.Source, 'web');
      assert.equal(first['Outstanding Balance'], '0.00');
      const placedAt = (await getOrder(database.db, store.id, placed.order.id)).placedAt!;
      const berlin = DateTime.fromJSDate(placedAt, { zone: 'Europe/Berlin' });
      assert.equal(first['Created at'], berlin.toFormat('yyyy-MM-dd HH:mm:ss ZZZ'));
      assert.match(first['Created at']!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]00$/);
      assert.match(first['Paid at']!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]00$/);
      assert.match(first['Fulfilled at']!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0[12]00$/);
      assert.deepEqual(
        [
          first['Lineitem quantity'],
          first['Lineitem name'],
          first['Lineitem price'],
          first['Lineitem requires shipping'],
          first['Lineitem fulfillment status'],
        ],
        ['2', 'Test product 1', '12.50', 'true', 'fulfilled'],
      );
      assert.deepEqual(
        [second['Lineitem quantity'], second['Lineitem name'], second['Lineitem price']],
        ['1', 'Test product 2', '12.50'],
      );
      for (const column of [
        'Email',
        'Financial Status',
        'Total',
        'Created at',
        'Billing Name',
        'Id',
        'Tags',
        'Notes',
      ] as const) {
        assert.equal(second[column], '', `${column} only on the order's first row`);
      }

      const pending = rows.find((r) => r.Name === `#${other.order.number}`)!;
      assert.equal(pending['Financial Status'], 'pending');
      assert.equal(pending['Fulfillment Status'], 'unfulfilled');
      assert.equal(pending['Paid at'], '');
      assert.equal(pending['Payment Method'], 'Bank transfer');
      assert.equal(pending['Outstanding Balance'], '15.00');
    });

    test("the list's filters choose the orders", async () => {
      const placed = await placeTestOrder(database, store, {
        quantities: [1],
        email: 'filter-me@example.com',
      });
      const { rows } = await exported({ q: 'filter-me' });
      assert.deepEqual(
        rows.map((r) => r.Name),
        [`#${placed.order.number}`],
      );
      assert.equal((await exported({ financialStatus: 'refunded' })).rows.length, 0);
    });
  });
}
