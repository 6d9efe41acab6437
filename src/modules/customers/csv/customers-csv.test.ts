import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { findOrCreateGuestCustomer } from '../index.ts';
import { insertOrderRows } from '../testing/order-rows.ts';
import { customerCsvColumns } from './customers-csv-layout.ts';

const tables = [
  'customers',
  'customer_addresses',
  'customer_marketing_consents',
  'audit_log',
  'outbox_events',
];
const header = customerCsvColumns.join(',');

/** Shopify's customers CSV: export, and import all-or-nothing. */
for (const target of testDatabaseTargets()) {
  describe(`customers CSV on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    const api = '/api/admin/stores/csvshop/customers';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'csvshop', 'USD');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      const grace = await database.db.transaction((tx) =>
        findOrCreateGuestCustomer(tx, store.id, {
          email: 'grace@example.test',
          firstName: 'Grace',
          lastName: 'Hopper',
        }),
      );
      await insertOrderRows(database, store.id, [
        { customerId: grace.id, total: 12_345, currency: 'USD', placedAt: new Date('2026-01-05T10:00:00Z') },
      ]);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
      }
      return out;
    };
    const importCsv = (csv: string, as = owner) =>
      as.request({
        method: 'POST',
        url: `${api}/import`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
    const exported = async () => {
      const res = await viewer.request({ method: 'GET', url: `${api}/export.csv` });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/csv/);
      return parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    };

    test('import creates and updates by e-mail, records consent with source import; export writes it back', async () => {
      const csv = [
        header,
        ',Ada,Lovelace,Ada@Example.test,yes,Analytical Ltd,1 Main St,,Springfield,IL,US,62701,,+1 555 0100,no,999.00,7,Pays on time,no,"vip, b2b"',
        ',,,grace@example.test,no,,,,,,,,,,,,,Navy,,',
      ].join('\n');
      const res = await importCsv(csv);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { rows: 2, created: 1, updated: 1, unchanged: 0 });
      const rows = await exported();
      assert.deepEqual(Object.keys(rows[0]!), [...customerCsvColumns]);
      const ada = rows.find((r) => r.Email === 'ada@example.test')!;
      assert.equal(ada['First Name'], 'Ada');
      assert.equal(ada['Accepts Email Marketing'], 'yes');
      assert.equal(ada['Default Address Province Code'], 'IL');
      assert.equal(ada['Default Address Country Code'], 'US');
      assert.equal(ada.Tags, 'vip, b2b');
      assert.equal(ada['Total Spent'], '0.00', 'totals are the store’s, not the file’s');
      assert.equal(ada['Total Orders'], '0');
      const grace = rows.find((r) => r.Email === 'grace@example.test')!;
      assert.equal(grace['First Name'], 'Grace', 'a blank cell keeps the name');
      assert.equal(grace.Note, 'Navy');
      assert.equal(grace['Total Spent'], '123.45');
      assert.equal(grace['Total Orders'], '1');
      const [consent] = await database.execute<{ status: string; source: string }>(
        `select m.status, m.source from customer_marketing_consents m join customers c on c.id = m.customer_id
          where c.email = 'ada@example.test'`,
      );
      assert.deepEqual({ ...consent }, { status: 'granted', source: 'import' });

      const again = await importCsv(csv);
      assert.deepEqual(again.json(), { rows: 2, created: 0, updated: 0, unchanged: 2 });
    });

    test('bad rows: 400 import_invalid with every problem by line and column, nothing written', async () => {
      const before = await counts();
      const csv = [
        header,
        ',Al,Turing,not-an-email,yes,,,,,,,,,,,,,,,',
        ',Bo,Bits,bo@example.test,maybe,,,,,,,,,,,,,,,',
        ',Cy,Press,cy@example.test,no,,1 Road,,Austin,,US,73301,,,,,,,,',
        ',Di,Dup,bo@example.test,no,,,,,,,,,,,,,,,',
        ',Ed,Ok,ed@example.test,no,,,,,,,,,,,,,,,',
      ].join('\n');
      const res = await importCsv(csv);
      assert.equal(res.statusCode, 400, res.body);
      const { code, details } = res.json().error;
      assert.equal(code, 'import_invalid');
      const where = details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
      assert.deepEqual(where, [
        '2:Email',
        '3:Accepts Email Marketing',
        '4:Default Address Province Code',
        '5:Email',
      ]);
      assert.deepEqual(await counts(), before);
    });

    test('a malformed file is 400 with the line, nothing written; viewers cannot import', async () => {
      const before = await counts();
      const res = await importCsv(`${header}\n,Al,"Tur,ing,al@example.test\n`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'import_invalid');
      assert.equal(typeof res.json().error.details.errors[0].row, 'number');
      const noEmail = await importCsv('First Name,Last Name\nAl,Turing\n');
      assert.equal(noEmail.statusCode, 400);
      assert.equal(noEmail.json().error.details.errors[0].column, 'Email');
      assert.equal((await importCsv(`${header}\n`, viewer)).statusCode, 403);
      assert.deepEqual(await counts(), before);
    });
  });
}
