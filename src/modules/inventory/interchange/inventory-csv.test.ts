import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createProduct } from '../../catalog/index.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { shopifyInventoryHeader } from './inventory-csv-formats.ts';
import { readInventoryCsv } from './read-inventory-csv.ts';

const csvOf = (rows: string[][]) => stringify(rows);

test('a file over the size limit is refused while it is read', async () => {
  const chunks = ['SKU,Location,On hand\n', ...Array.from({ length: 50 }, (_, i) => `SKU-${i},Shop,1\n`)];
  await assert.rejects(readInventoryCsv(Readable.from(chunks), { format: 'auto', maxBytes: 200 }), {
    code: 'file_too_large',
    status: 413,
  });
  const fits = await readInventoryCsv(Readable.from(chunks), { format: 'auto', maxBytes: 10_000 });
  assert.deepEqual(
    [fits.format, fits.rows.length, fits.rows[49]],
    [
      'storepilot',
      50,
      { row: 51, sku: 'SKU-49', variantId: '', handle: '', optionValues: [], location: 'Shop', onHand: 1 },
    ],
  );
});

for (const target of testDatabaseTargets()) {
  describe(`inventory CSV on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let shop: { id: string };
    let sized: string[];
    let shirt: { handle: string; variants: { id: string; option1: string; option2: string }[] };
    const base = '/api/admin/stores/csv-shop/inventory';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'csv-shop');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop, Main Street', { kind: 'retail', priority: 2 });
      sized = await makeVariants(database, store, 2, { title: 'Canvas Tote' });
      const detail = await createProduct(database.db, { actor, canPublish: true }, store, {
        title: '=Linen Shirt',
        status: 'active',
        options: [
          { name: 'Colour', values: ['Blue', 'White'] },
          { name: 'Size', values: ['M', 'L'] },
        ],
        variants: [
          { optionValues: ['Blue', 'M'], price: { amount: 4900 } },
          { optionValues: ['Blue', 'L'], price: { amount: 4900 } },
          { optionValues: ['White', 'M'], price: { amount: 4900 } },
          { optionValues: ['White', 'L'], price: { amount: 4900 } },
        ],
      });
      shirt = { handle: detail.product.handle, variants: detail.variants };
      const receive = (variantId: string, locationId: string, quantity: number) =>
        database.db.transaction((tx) =>
          recordMovements(tx, store.id, actor, [{ variantId, locationId, kind: 'receive', quantity }]),
        );
      await receive(sized[0]!, warehouse.id, 12);
      await receive(sized[0]!, shop.id, 3);
      await receive(sized[1]!, warehouse.id, 5);
      await receive(shirt.variants[0]!.id, shop.id, 4);
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: sized[0]!, quantity: 2 }], strategy: 'priority' }),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const count = async (table: string) =>
      Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
    const writes = async () => ({
      movements: await count('inventory_movements'),
      audit: await count('audit_log'),
      events: await count('outbox_events'),
    });
    const onHand = async (variantId: string, locationId: string) =>
      Number(
        (
          await database.execute<{ on_hand: number }>(
            'select on_hand from inventory_levels where variant_id = $1 and location_id = $2',
            [variantId, locationId],
          )
        )[0]?.on_hand ?? 0,
      );
    const exportFile = async (format: 'shopify' | 'storepilot') => {
      const res = await viewer.request({ method: 'GET', url: `${base}/export.csv?format=${format}` });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      return res.body;
    };
    const importCsv = (body: string, query = '') =>
      owner.request({
        method: 'POST',
        url: `${base}/import${query}`,
        payload: body,
        headers: { 'content-type': 'text/csv' },
      });

    test("Shopify layout: the exact header, a row per variant × location, quantities, 'not stocked'", async () => {
      const body = await exportFile('shopify');
      assert.ok(body.startsWith('\uFEFF'), 'a byte-order mark for spreadsheets');
      const [header, ...rows] = parse(body, { bom: true }) as string[][];
      assert.deepEqual(header, [
        'Handle',
        'Title',
        'Option1 Name',
        'Option1 Value',
        'Option2 Name',
        'Option2 Value',
        'Option3 Name',
        'Option3 Value',
        'SKU',
        'HS Code',
        'COO',
        'Location',
        'Incoming',
        'Unavailable',
        'Committed',
        'Available',
        'On hand',
      ]);
      assert.deepEqual(header, [...shopifyInventoryHeader]);
      assert.equal(rows.length, 6 * 2, 'six variants at two locations');
      const tote = rows.filter((r) => r[1] === 'Canvas Tote');
      assert.deepEqual(
        tote.map((r) => [r[2], r[3], r[11], r[13], r[14], r[15], r[16]]),
        [
          ['Size', 'S1', 'Warehouse', '0', '2', '10', '12'],
          ['Size', 'S1', 'Shop, Main Street', '0', '0', '3', '3'],
          ['Size', 'S2', 'Warehouse', '0', '0', '5', '5'],
          ['Size', 'S2', 'Shop, Main Street', 'not stocked', 'not stocked', 'not stocked', 'not stocked'],
        ],
      );
      const blueM = rows.filter((r) => r[0] === shirt.handle && r[3] === 'Blue' && r[5] === 'M');
      assert.deepEqual(
        blueM.map((r) => [r[1], r[2], r[4], r[8], r[11], r[16]]),
        [
          ["'=Linen Shirt", 'Colour', 'Size', '', 'Warehouse', 'not stocked'],
          ["'=Linen Shirt", 'Colour', 'Size', '', 'Shop, Main Street', '4'],
        ],
        'a title that looks like a formula is defused with a leading quote',
      );
    });

    test('export → import changes nothing, in both layouts', async () => {
      for (const format of ['shopify', 'storepilot'] as const) {
        const file = await exportFile(format);
        const before = await writes();
        const res = await importCsv(file);
        assert.equal(res.statusCode, 200, res.body);
        const { report } = res.json();
        assert.deepEqual(
          [report.format, report.rows, report.changed, report.unchanged, report.skipped, report.errorCount],
          [format, 12, 0, 4, 8, 0],
          format,
        );
        const after = await writes();
        assert.equal(after.movements, before.movements, `${format}: no movement`);
        assert.equal(after.events, before.events, `${format}: no event`);
      }
    });

    test('import sets on hand through correction movements; a dry run reports the same and writes nothing', async () => {
      const [header, ...rows] = parse(await exportFile('storepilot'), { bom: true }) as string[][];
      assert.deepEqual(header, ['SKU', 'Variant ID', 'Location', 'On hand']);
      const edited = rows.map((r) => {
        if (r[1] === sized[0] && r[2] === 'Warehouse') return [r[0]!, r[1]!, r[2]!, '20'];
        if (r[1] === sized[1] && r[2] === 'Shop, Main Street') return [r[0]!, r[1]!, r[2]!, '7'];
        if (r[1] === sized[1] && r[2] === 'Warehouse') return [r[0]!, '', r[2]!, '1']; // by SKU alone
        return r;
      });
      const file = csvOf([header!, ...edited]);
      const before = await writes();
      const dry = await importCsv(file, '?dryRun=true');
      assert.equal(dry.statusCode, 200, dry.body);
      const planned = dry.json().report;
      assert.deepEqual(
        [planned.dryRun, planned.importId, planned.changed, planned.unitsAdded, planned.unitsRemoved],
        [true, null, 3, 15, 4],
      );
      assert.deepEqual(
        planned.changes.map((c: { variantId: string; location: string; from: number; to: number }) => [
          c.variantId,
          c.location,
          c.from,
          c.to,
        ]),
        [
          [sized[0], 'Warehouse', 12, 20],
          [sized[1], 'Warehouse', 5, 1],
          [sized[1], 'Shop, Main Street', 0, 7],
        ],
      );
      assert.deepEqual(await writes(), before, 'a dry run writes nothing');

      const res = await importCsv(file);
      assert.equal(res.statusCode, 200, res.body);
      const { report } = res.json();
      assert.equal(report.changed, 3);
      assert.deepEqual(
        [
          await onHand(sized[0]!, warehouse.id),
          await onHand(sized[1]!, warehouse.id),
          await onHand(sized[1]!, shop.id),
        ],
        [20, 1, 7],
      );
      const ledger = await database.execute<Record<string, unknown>>(
        `select variant_id, kind, reason, reference_type, quantity from inventory_movements
         where reference_id = $1 order by variant_id, location_id`,
        [report.importId],
      );
      for (const m of ledger)
        assert.deepEqual([m.kind, m.reason, m.reference_type], ['adjustment', 'correction', 'import']);
      assert.deepEqual(
        ledger.map((m) => Number(m.quantity)).sort((a, b) => a - b),
        [-4, 7, 8],
      );
      const [audit] = await database.execute<{ action: string; after: Record<string, unknown> }>(
        'select action, after from audit_log where entity_id = $1',
        [report.importId],
      );
      assert.equal(audit!.action, 'inventory.imported');
      assert.deepEqual(
        [audit!.after.changed, audit!.after.unitsAdded, audit!.after.unitsRemoved],
        [3, 15, 4],
      );
      // The same file again: already true, nothing to write.
      assert.equal((await importCsv(file)).json().report.changed, 0);
    });

    test('Shopify rows without a SKU match by Handle and option values; multipart upload works too', async () => {
      const row = (colour: string, size: string, location: string, onHandCell: string) => [
        shirt.handle,
        '=Linen Shirt',
        'Colour',
        colour,
        'Size',
        size,
        '',
        '',
        '',
        '',
        '',
        location,
        '',
        '',
        '',
        '',
        onHandCell,
      ];
      const file = csvOf([
        [...shopifyInventoryHeader],
        row('white', 'L', 'warehouse', '9'), // case does not matter for options or location names
        row('Blue', 'M', 'Shop, Main Street', '4'),
      ]);
      const boundary = 'inventory-boundary';
      const body = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="inventory_export.csv"',
        'Content-Type: text/csv',
        '',
        file,
        `--${boundary}--`,
        '',
      ].join('\r\n');
      const res = await owner.request({
        method: 'POST',
        url: `${base}/import`,
        payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        [res.json().report.format, res.json().report.changed, res.json().report.unchanged],
        ['shopify', 1, 1],
      );
      const whiteL = shirt.variants.find((v) => v.option1 === 'White' && v.option2 === 'L')!;
      assert.equal(await onHand(whiteL.id, warehouse.id), 9);
    });

    test('row errors name the row, column and reason; nothing is written', async () => {
      const header = ['SKU', 'Variant ID', 'Location', 'On hand'];
      const [, ...current] = parse(await exportFile('storepilot'), { bom: true }) as string[][];
      const sku = current.find((r) => r[1] === sized[0])![0]!;
      const file = csvOf([
        header,
        [sku, '', 'Warehouse', '21'], // valid on its own
        ['NO-SUCH-SKU', '', 'Warehouse', '1'],
        [sku, '', 'Attic', '1'],
        [sku, '', 'Shop, Main Street', '1.5'],
        [sku, '', 'Shop, Main Street', '-2'],
        [sku, '', 'warehouse', '3'],
        ['', 'var_nope', 'Warehouse', '3'],
        [sku, '', 'Shop, Main Street', 'lots'],
      ]);
      const before = await writes();
      const levelBefore = await onHand(sized[0]!, warehouse.id);
      const res = await importCsv(file);
      assert.equal(res.statusCode, 422, res.body);
      const { error } = res.json();
      assert.equal(error.code, 'import_invalid');
      assert.deepEqual(
        error.details.errors.map((e: { row: number; column: string; code: string }) => [
          e.row,
          e.column,
          e.code,
        ]),
        [
          [3, 'SKU', 'unknown_sku'],
          [4, 'Location', 'unknown_location'],
          [5, 'On hand', 'not_whole_number'],
          [6, 'On hand', 'negative'],
          [7, 'Location', 'duplicate_row'],
          [8, 'Variant ID', 'unknown_variant'],
          [9, 'On hand', 'not_whole_number'],
        ],
      );
      assert.equal(error.details.errorCount, 7);
      assert.deepEqual(await writes(), before);
      assert.equal(await onHand(sized[0]!, warehouse.id), levelBefore);

      // The dry run answers 200 with the same errors, so a file can be checked first.
      const dry = await importCsv(file, '?dryRun=1');
      assert.equal(dry.statusCode, 200);
      assert.equal(dry.json().report.errorCount, 7);
    });

    test('on hand cannot go below what is reserved', async () => {
      const sku = (parse(await exportFile('storepilot'), { bom: true }) as string[][]).find(
        (r) => r[1] === sized[0],
      )![0]!;
      const res = await importCsv(
        csvOf([
          ['SKU', 'Location', 'On hand'],
          [sku, 'Warehouse', '1'],
        ]),
      );
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(
        res.json().error.details.errors.map((e: { row: number; code: string }) => [e.row, e.code]),
        [[2, 'below_reserved']],
      );
    });

    test('bad requests: not CSV, missing columns, empty, unknown format, no permission', async () => {
      const before = await writes();
      const cases: [string, Parameters<Browser['request']>[0], number, string][] = [
        ['JSON body', { method: 'POST', url: `${base}/import`, payload: { rows: [] } }, 415, 'csv_required'],
        [
          'plain text',
          {
            method: 'POST',
            url: `${base}/import`,
            payload: 'SKU',
            headers: { 'content-type': 'text/plain' },
          },
          415,
          'csv_required',
        ],
        [
          'no On hand column',
          {
            method: 'POST',
            url: `${base}/import`,
            payload: 'SKU,Location\nA,Warehouse\n',
            headers: { 'content-type': 'text/csv' },
          },
          422,
          'missing_column',
        ],
        [
          'empty file',
          { method: 'POST', url: `${base}/import`, payload: '\n', headers: { 'content-type': 'text/csv' } },
          400,
          'empty_file',
        ],
        [
          'unclosed quote',
          {
            method: 'POST',
            url: `${base}/import`,
            payload: 'SKU,Location,On hand\n"A,Warehouse,1\n',
            headers: { 'content-type': 'text/csv' },
          },
          400,
          'invalid_csv',
        ],
        [
          'a cut-off upload',
          {
            method: 'POST',
            url: `${base}/import`,
            payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nSKU,Loc',
            headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
          },
          400,
          'malformed_upload',
        ],
        [
          'unknown format',
          {
            method: 'POST',
            url: `${base}/import?format=woocommerce`,
            payload: 'SKU,Location,On hand\n',
            headers: { 'content-type': 'text/csv' },
          },
          400,
          'validation_failed',
        ],
      ];
      for (const [label, request, status, code] of cases) {
        const res = await owner.request(request);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const denied = await viewer.request({
        method: 'POST',
        url: `${base}/import`,
        payload: 'SKU,Location,On hand\n',
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(denied.statusCode, 403);
      assert.deepEqual(await writes(), before);
    });
  });
}
