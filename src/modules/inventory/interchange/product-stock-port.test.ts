// Stock in product CSVs: the catalog's import and export with this module's port, on every
// database, with the real sample files (Shopify's templates and a store export, WooCommerce's
// sample data given stock numbers), round trips between stores, and the admin API's permissions.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
import { systemActor } from '../../access/index.ts';
import { exportProducts, importProducts, type ProductStockPort } from '../../catalog/index.ts';
import { catalogFixture, readText } from '../../catalog/interchange/testing/parse-results.ts';
import { createChannel } from '../channels/channels.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { updateLocation } from '../locations/locations.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { stockChanged } from '../stock-changes.ts';
import { makeLocation } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';
import { productStockPort } from './product-stock-port.ts';

const actor = systemActor('stock import test');
const publisher = { actor, canPublish: true };
type Store = { id: string; baseCurrency: string };
type Source = string | Buffer | { fixture: string };

const shopifyFiles = [
  'shopify_product_template_current.csv',
  'shopify_product_template_legacy.csv',
  'packt_demo_store_products_export.csv',
];

const inputOf = (source: Source) =>
  typeof source === 'object' && 'fixture' in source
    ? createReadStream(catalogFixture(source.fixture))
    : Readable.from([Buffer.from(source)]);

function importWithStock(
  database: Database,
  store: Store,
  source: Source,
  options: { dryRun?: boolean; port?: ProductStockPort; allowed?: boolean } = {},
) {
  return importProducts(database.db, publisher, store, inputOf(source), {
    format: 'auto',
    dryRun: options.dryRun ?? false,
    stock: { port: options.port ?? productStockPort, allowed: options.allowed ?? true },
  });
}

const fold = (text: string) => text.trim().toLowerCase();
const variantKey = (product: string, options: string[]) =>
  `${fold(product)}|${options
    .filter((o) => o !== '' && o !== 'Default Title')
    .map(fold)
    .join(' / ')}`;

/** The file's tracked variants and their quantities, read with csv-parse (not the import's parser). */
async function shopifyFileStock(name: string): Promise<Map<string, number>> {
  const rows = parse(await readFile(catalogFixture(name)), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  const stock = new Map<string, number>();
  for (const row of rows) {
    if (!row['Variant Inventory Tracker']) continue;
    const options = ['Option1 Value', 'Option2 Value', 'Option3 Value'].map((c) => row[c] ?? '');
    stock.set(variantKey(row.Handle!, options), Number(row['Variant Inventory Qty'] || 0));
  }
  return stock;
}

/** On hand (active locations) of the store's tracked variants, by product handle (or title) and options. */
async function storeStock(database: Database, storeId: string, by: 'handle' | 'title' | 'sku' = 'handle') {
  const rows = await database.execute<{
    handle: string;
    title: string;
    sku: string | null;
    option1: string;
    option2: string;
    option3: string;
    on_hand: string | number;
  }>(
    `select p.handle, p.title, v.sku, v.option1, v.option2, v.option3,
       coalesce((select sum(l.on_hand) from inventory_levels l
         join inventory_locations loc on loc.id = l.location_id and loc.active
         where l.variant_id = v.id), 0) as on_hand
     from product_variants v
     join products p on p.id = v.product_id
     join inventory_items i on i.variant_id = v.id and i.tracked
     where v.store_id = $1`,
    [storeId],
  );
  return new Map(
    rows.map((r) => [
      by === 'sku'
        ? r.sku!
        : variantKey(by === 'handle' ? r.handle : r.title, [r.option1, r.option2, r.option3]),
      Number(r.on_hand),
    ]),
  );
}

async function count(database: Database, table: string, storeId: string) {
  const [row] = await database.execute<{ n: string }>(
    `select count(*) as n from ${table} where store_id = $1`,
    [storeId],
  );
  return Number(row!.n);
}

async function ledgerIsClean(database: Database, storeId: string) {
  const report = await verifyInventory(database.db, { storeIds: [storeId] });
  assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
}

/**
 * The import worked out its variants' stock states and channel quantities: reading them back from
 * the levels, as any change of stock does, finds nothing to change and nothing to announce.
 */
async function derivedStockIsCurrent(database: Database, storeId: string) {
  const tracked = await database.execute<{ variant_id: string }>(
    'select variant_id from inventory_items where store_id = $1 and tracked',
    [storeId],
  );
  const [channels] = await database.execute<{ n: string }>(
    'select count(*) as n from sales_channels where store_id = $1 and active',
    [storeId],
  );
  assert.equal(await count(database, 'channel_stock', storeId), tracked.length * Number(channels!.n));
  const events = await count(database, 'outbox_events', storeId);
  await database.db.transaction((tx) =>
    stockChanged(
      tx,
      storeId,
      tracked.map((t) => t.variant_id),
    ),
  );
  assert.equal(await count(database, 'outbox_events', storeId), events, 'no state or channel quantity moved');
}

/** WooCommerce's sample with Stock numbers on two of every three simple products and variations. */
async function wooSampleWithStock(): Promise<{ csv: string; stock: Map<string, number> }> {
  const rows = parse(await readFile(catalogFixture('sample_products.csv')), { bom: true }) as string[][];
  const header = rows[0]!;
  const at = (name: string) => header.indexOf(name);
  const stock = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const type = row[at('Type')]!;
    if (!/^(simple|variation)\b/.test(type) || i % 3 === 0) return;
    const quantity = (Number(row[at('ID')]) * 7) % 23;
    row[at('Stock')] = String(quantity);
    stock.set(row[at('SKU')]!, quantity);
  });
  return { csv: stringify(rows), stock };
}

/** A Shopify file of `count` new products with two sizes each; every fifth product untracked. */
function generatedShopifyCsv(count: number, quantity: (product: number, size: number) => number) {
  const lines = [
    'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Tracker,Variant Inventory Qty,Status',
  ];
  for (let p = 1; p <= count; p++) {
    const tracker = p % 5 === 0 ? '' : 'shopify';
    for (const [s, size] of ['S', 'M'].entries()) {
      lines.push(
        `gen-${p},${s === 0 ? `Generated ${p}` : ''},Size,${size},GEN-${p}-${size},12.50,${tracker},${quantity(p, s)},active`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

for (const target of testDatabaseTargets()) {
  describe(`stock in product CSVs on ${target.label}`, () => {
    let database: Database;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    /** A store whose stock goes to "Warehouse": a location before it in priority is inactive. */
    async function stockedStore(handle: string) {
      const store = await makeStore(database, handle, 'USD');
      const closed = await makeLocation(database, store.id, 'Closed', { priority: 0 });
      await updateLocation(database.db, store.id, closed.id, { active: false });
      const warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      const shop = await makeLocation(database, store.id, 'Shop', { priority: 5 });
      return { store, warehouse, shop };
    }

    test('Shopify files: tracked variants get the file’s quantities at the first active location, through the ledger', async () => {
      const { store, warehouse, shop } = await stockedStore('stock-shopify');
      // Channels that hold some back or sell from another location are told what they may sell.
      await database.db.transaction(async (tx) => {
        await createChannel(tx, store.id, { name: 'Marketplace', kind: 'marketplace', safetyBuffer: 3 });
        await createChannel(tx, store.id, { name: 'Shop counter', kind: 'pos', locationIds: [shop.id] });
      });
      const expected = new Map<string, number>();
      const reports = [];
      for (const name of shopifyFiles) {
        for (const [key, quantity] of await shopifyFileStock(name)) expected.set(key, quantity);
        reports.push(await importWithStock(database, store, { fixture: name }));
      }
      assert.equal(expected.size, 6, `tracked variants in the files: ${expected.size}`);
      assert.equal(expected.get(variantKey('example-hat', [])), 50);
      assert.deepEqual(await storeStock(database, store.id), expected);
      assert.deepEqual(
        reports.map((r) => [r.failed, r.stock.changed + r.stock.unchanged, r.stock.skipped]),
        [
          [0, 4, 0],
          [0, 1, 0],
          [0, 1, 0],
        ],
      );
      // The untracked variants (no tracker) have no item, hence no stock, and the store's own
      // (not the files') 12 shirt variants stay untracked.
      const items = await count(database, 'inventory_items', store.id);
      assert.equal(items, expected.size);
      const movements = await database.execute<{
        location_id: string;
        kind: string;
        reason: string;
        reference_type: string;
        quantity: number;
        on_hand_after: number;
      }>(
        'select location_id, kind, reason, reference_type, quantity, on_hand_after from inventory_movements where store_id = $1',
        [store.id],
      );
      // Quantities of 0 need no movement: the variant is tracked with nothing on hand.
      assert.equal(movements.length, [...expected.values()].filter((q) => q !== 0).length);
      for (const m of movements) {
        assert.deepEqual(
          [m.location_id, m.kind, m.reason, m.reference_type, Number(m.on_hand_after)],
          [warehouse.id, 'adjustment', 'correction', 'import', Number(m.quantity)],
        );
      }
      const [states] = await database.execute<{ out: string }>(
        "select count(*) filter (where stock_state = 'out') as out from inventory_items where store_id = $1",
        [store.id],
      );
      assert.equal(Number(states!.out), [...expected.values()].filter((q) => q === 0).length);
      await ledgerIsClean(database, store.id);
      await derivedStockIsCurrent(database, store.id);
    });

    test('re-importing sets the quantities (never adds); an unchanged file writes nothing', async () => {
      const { store } = await stockedStore('stock-reimport');
      const name = 'shopify_product_template_current.csv';
      await importWithStock(database, store, { fixture: name });
      const writes = async () =>
        Promise.all(
          ['inventory_movements', 'audit_log', 'outbox_events'].map((t) => count(database, t, store.id)),
        );
      const before = await writes();
      const same = await importWithStock(database, store, { fixture: name });
      assert.deepEqual(
        [same.unchanged, same.stock],
        [same.products, { changed: 0, unchanged: 4, skipped: 0 }],
      );
      assert.deepEqual(await writes(), before, 'no movement, audit entry or event');

      const text = (await readFile(catalogFixture(name), 'utf8'))
        .replace(/PNT_DEN_285,([^,]*),shopify,20,/, 'PNT_DEN_285,$1,shopify,7,')
        .replace(/HAT_GRY_275,([^,]*),shopify,50,/, 'HAT_GRY_275,$1,shopify,60,');
      assert.notEqual(text, await readFile(catalogFixture(name), 'utf8'), 'the file was changed');
      const changed = await importWithStock(database, store, text);
      assert.deepEqual(changed.stock, { changed: 2, unchanged: 2, skipped: 0 });
      const stock = await storeStock(database, store.id, 'sku');
      assert.deepEqual(
        ['PNT_DEN_285', 'PNT_DEN_305', 'PNT_DEN_405', 'HAT_GRY_275'].map((sku) => stock.get(sku)),
        [7, 15, 10, 60],
      );
      const pants = await database.execute<{ quantity: number; on_hand_after: number }>(
        `select m.quantity, m.on_hand_after from inventory_movements m
         join product_variants v on v.id = m.variant_id
         where m.store_id = $1 and v.sku = 'PNT_DEN_285' order by m.seq`,
        [store.id],
      );
      assert.deepEqual(
        pants.map((m) => [Number(m.quantity), Number(m.on_hand_after)]),
        [
          [20, 20],
          [-13, 7],
        ],
      );
      await ledgerIsClean(database, store.id);
    });

    test('WooCommerce: a variation’s or simple product’s Stock is set; products without one stay untracked', async () => {
      const { store } = await stockedStore('stock-woo');
      const { csv, stock } = await wooSampleWithStock();
      assert.ok(stock.size >= 10, `stocked rows: ${stock.size}`);
      const report = await importWithStock(database, store, csv);
      assert.deepEqual([report.format, report.failed], ['woocommerce', 0]);
      assert.deepEqual(report.stock, {
        changed: [...stock.values()].filter((q) => q > 0).length,
        unchanged: [...stock.values()].filter((q) => q === 0).length,
        skipped: 0,
      });
      assert.deepEqual(await storeStock(database, store.id, 'sku'), stock);
      await ledgerIsClean(database, store.id);
      await derivedStockIsCurrent(database, store.id);
    });

    test('a dry run reports the stock it would set and writes none', async () => {
      const { store } = await stockedStore('stock-dry-run');
      const report = await importWithStock(
        database,
        store,
        { fixture: 'shopify_product_template_current.csv' },
        { dryRun: true },
      );
      assert.deepEqual([report.created, report.stock], [3, { changed: 4, unchanged: 0, skipped: 0 }]);
      for (const table of ['products', 'inventory_items', 'inventory_levels', 'inventory_movements']) {
        assert.equal(await count(database, table, store.id), 0, table);
      }
    });

    test('a batch that fails writes no stock; a product with errors gets none', async () => {
      const { store } = await stockedStore('stock-failing');
      const failing: ProductStockPort = {
        ...productStockPort,
        async setOnHand(tx, storeId, who, request) {
          await productStockPort.setOnHand(tx, storeId, who, request);
          throw new Error('the disk is full');
        },
      };
      // Enough new products for two batches; on PostgreSQL they take the head-start path.
      const file = generatedShopifyCsv(300, (p, s) => p + s);
      await assert.rejects(importWithStock(database, store, file, { port: failing }), /the disk is full/);
      for (const table of ['products', 'inventory_items', 'inventory_levels', 'inventory_movements']) {
        assert.equal(await count(database, table, store.id), 0, table);
      }

      const report = await importWithStock(database, store, file);
      assert.deepEqual([report.created, report.stock.changed, report.stock.skipped], [300, 480, 0]);
      const stock = await storeStock(database, store.id, 'sku');
      assert.equal(stock.size, 480);
      assert.deepEqual([stock.get('GEN-1-S'), stock.get('GEN-299-M'), stock.has('GEN-5-S')], [1, 300, false]);

      const broken = [
        'Handle,Title,Variant SKU,Variant Price,Variant Inventory Tracker,Variant Inventory Qty',
        'fine-one,Fine,FINE-1,5.00,shopify,4',
        'broken-one,Broken,BROKEN-1,five,shopify,9',
      ].join('\n');
      const mixed = await importWithStock(database, store, broken);
      assert.deepEqual([mixed.created, mixed.failed, mixed.stock.changed], [1, 1, 1]);
      const after = await storeStock(database, store.id, 'sku');
      assert.deepEqual([after.get('FINE-1'), after.has('BROKEN-1')], [4, false]);
      await ledgerIsClean(database, store.id);
      await derivedStockIsCurrent(database, store.id);
    });

    test('without a location, or without the right to change stock, products come in and stock is left alone', async () => {
      const bare = await makeStore(database, 'stock-no-location', 'USD');
      const report = await importWithStock(database, bare, {
        fixture: 'packt_demo_store_products_export.csv',
      });
      assert.equal(report.created, 20);
      assert.deepEqual(report.stock, { changed: 0, unchanged: 0, skipped: 1 });
      assert.deepEqual(
        report.issues.filter((i) => i.code.startsWith('stock_')).map((i) => [i.code, i.severity, i.message]),
        [['stock_no_location', 'warning', 'Stock quantities were not imported: add a location first.']],
      );
      assert.equal(await count(database, 'inventory_levels', bare.id), 0);

      const { store } = await stockedStore('stock-not-allowed');
      const refused = await importWithStock(
        database,
        store,
        generatedShopifyCsv(120, () => 3),
        { allowed: false },
      );
      assert.deepEqual([refused.created, refused.stock.skipped], [120, 192]);
      assert.deepEqual(
        refused.issues.filter((i) => i.code.startsWith('stock_')).map((i) => i.code),
        ['stock_not_allowed'],
        'told once for the file, not once per batch',
      );
      assert.equal(await count(database, 'inventory_items', store.id), 0);
    });

    test('stock is the total over active locations; what is reserved is not taken away', async () => {
      const { store, shop } = await stockedStore('stock-locations');
      await importWithStock(database, store, { fixture: 'shopify_product_template_current.csv' });
      const [hat] = await database.execute<{ id: string }>(
        "select id from product_variants where store_id = $1 and sku = 'HAT_GRY_275'",
        [store.id],
      );
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          { variantId: hat!.id, locationId: shop.id, kind: 'receive', quantity: 5 },
        ]),
      );
      const exported = await readText(
        exportProducts(database.db, store, 'shopify', { stock: productStockPort }),
      );
      assert.match(exported, /HAT_GRY_275,\d*,shopify,55,/);
      // The export read back changes nothing: 55 is what the store has in all.
      const again = await importWithStock(database, store, exported);
      assert.deepEqual(again.stock, { changed: 0, unchanged: 4, skipped: 0 });

      // 30 of the warehouse's 50 are promised: the warehouse cannot be taken below them.
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: hat!.id, quantity: 30 }], strategy: 'priority' }),
      );
      const lower = await importWithStock(
        database,
        store,
        exported.replace(/HAT_GRY_275,(\d*),shopify,55,/, 'HAT_GRY_275,$1,shopify,20,'),
      );
      assert.deepEqual(lower.stock, { changed: 0, unchanged: 3, skipped: 1 });
      const warning = lower.issues.find((i) => i.code === 'stock_not_set');
      assert.match(
        warning?.message ?? '',
        /HAT_GRY_275: stock 20 not set: 30 units are reserved at Warehouse/,
      );
      assert.equal((await storeStock(database, store.id, 'sku')).get('HAT_GRY_275'), 55);
      await ledgerIsClean(database, store.id);
      await derivedStockIsCurrent(database, store.id);
    });

    test('exports carry tracked variants’ stock, and another store imports the same quantities', async () => {
      const { store } = await stockedStore('stock-source');
      for (const name of shopifyFiles) await importWithStock(database, store, { fixture: name });
      const woo = await stockedStore('stock-source-woo');
      await importWithStock(database, woo.store, (await wooSampleWithStock()).csv);

      const shopify = parse(
        await readText(exportProducts(database.db, store, 'shopify', { stock: productStockPort })),
        { columns: true, bom: true },
      ) as Record<string, string>[];
      const hat = shopify.find((r) => r['Variant SKU'] === 'HAT_GRY_275')!;
      const shirt = shopify.find((r) => r['Variant SKU'] === 'SRT_COT_111')!;
      assert.deepEqual(
        [
          hat['Variant Inventory Tracker'],
          hat['Variant Inventory Qty'],
          shirt['Variant Inventory Tracker'],
          shirt['Variant Inventory Qty'],
        ],
        ['shopify', '50', '', ''],
      );
      const withoutPort = await readText(exportProducts(database.db, store, 'shopify'));
      assert.doesNotMatch(withoutPort, /,shopify,50,/, 'no port, no stock');

      let n = 0;
      for (const source of [store, woo.store]) {
        const expected = await storeStock(database, source.id, 'title');
        for (const format of ['shopify', 'woocommerce', 'storepilot'] as const) {
          const csv = await readText(
            exportProducts(database.db, source, format, { stock: productStockPort }),
          );
          const copy = await stockedStore(`stock-copy-${++n}`);
          const report = await importWithStock(database, copy.store, csv);
          assert.equal(report.failed, 0, `${format}: ${JSON.stringify(report.issues.slice(0, 3))}`);
          assert.deepEqual(
            await storeStock(database, copy.store.id, 'title'),
            expected,
            `${format} from ${n}`,
          );
          await ledgerIsClean(database, copy.store.id);
        }
      }
    });
  });

  describe(`stock in product CSVs through the admin API on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let content: Browser;
    let storeId: string;
    const base = '/api/admin/stores/stock-api';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'stock-api', 'USD');
      storeId = store.id;
      await makeLocation(database, store.id, 'Warehouse');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    const runJobs = async () => {
      while ((await sp.jobs.runDueJobsOnce()) > 0) {}
    };
    async function importAs(who: Browser) {
      const data = new FormData();
      const bytes = await readFile(catalogFixture('shopify_product_template_current.csv'));
      data.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), 'products.csv');
      const uploaded = await who.request({ method: 'POST', url: `${base}/imports`, payload: data });
      assert.equal(uploaded.statusCode, 202, uploaded.body);
      const id = uploaded.json().import.id as string;
      await runJobs();
      const applied = await who.request({ method: 'POST', url: `${base}/imports/${id}/apply` });
      assert.equal(applied.statusCode, 202, applied.body);
      await runJobs();
      const res = await manager.request({ method: 'GET', url: `${base}/imports/${id}?issueLimit=1000` });
      return { id, ...(res.json().import as { check: ImportView; result: ImportView }) };
    }
    type ImportView = { stock: { changed: number }; issues: { items: Array<{ code: string }> } };
    const exportAs = async (who: Browser) =>
      (await who.request({ method: 'GET', url: `${base}/products/export?format=shopify` })).body;

    test('stock is set only for an importer with inventory:write, and exported only to those who may see it', async () => {
      const byContent = await importAs(content);
      for (const report of [byContent.check, byContent.result]) {
        assert.equal(report.stock.changed, 0);
        assert.ok(report.issues.items.some((i) => i.code === 'stock_not_allowed'));
      }
      assert.equal(await count(database, 'inventory_items', storeId), 0);

      const byManager = await importAs(manager);
      assert.deepEqual([byManager.check.stock.changed, byManager.result.stock.changed], [4, 4]);
      const [movement] = await database.execute<{ reference_id: string }>(
        'select reference_id from inventory_movements where store_id = $1 limit 1',
        [storeId],
      );
      assert.equal(movement!.reference_id, byManager.id, 'the ledger names the product import');

      assert.match(await exportAs(manager), /HAT_GRY_275,\d*,shopify,50,/);
      assert.match(await exportAs(content), /HAT_GRY_275,\d*,,,/);
      await ledgerIsClean(database, storeId);
    });
  });
}
