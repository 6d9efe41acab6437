import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { systemActor } from '../../access/index.ts';
import type { CatalogFormat } from '../interchange/index.ts';
import { catalogFixture, readText } from '../interchange/testing/parse-results.ts';
import { exportProducts, storeProductRecords } from './export-products.ts';
import { type ImportReport, importProducts } from './import-products.ts';

const actor = systemActor('import test');
const publisher = { actor, canPublish: true };
const realFiles = [
  'shopify_product_template_current.csv',
  'shopify_product_template_legacy.csv',
  'packt_demo_store_products_export.csv',
  'sample_products.csv',
];

type Store = { id: string; baseCurrency: string };

function importFile(
  db: Database,
  store: Store,
  name: string,
  options: Partial<Parameters<typeof importProducts>[4]> = {},
) {
  return importProducts(db.db, publisher, store, createReadStream(catalogFixture(name)), {
    format: 'auto',
    dryRun: false,
    ...options,
  });
}

const importText = (
  db: Database,
  store: Store,
  text: string | Buffer,
  format: CatalogFormat | 'auto' = 'auto',
) => importProducts(db.db, publisher, store, Readable.from([Buffer.from(text)]), { format, dryRun: false });

async function catalogSnapshot(db: Database, storeId: string) {
  const records = new Map<string, unknown>();
  for await (const record of storeProductRecords(db.db, storeId)) records.set(record.handle, record);
  return records;
}

async function count(db: Database, sql: string, params: unknown[]) {
  const [row] = await db.execute<{ n: string }>(sql, params);
  return Number(row!.n);
}

const errorsOf = (report: ImportReport) => report.issues.filter((i) => i.severity === 'error');

for (const target of testDatabaseTargets()) {
  describe(`product CSV import on ${target.label}`, () => {
    let database: Database;
    let store: Store;

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'imports', 'USD');
    });
    after(async () => {
      await database.close();
    });

    test('real Shopify and WooCommerce files import every product, variant, image and category', async () => {
      const reports = [];
      for (const name of realFiles) reports.push(await importFile(database, store, name));
      assert.deepEqual(
        reports.map((r) => [r.format, r.products, r.created, r.failed, errorsOf(r).length]),
        [
          ['shopify', 3, 3, 0, 0],
          ['shopify', 1, 1, 0, 0],
          ['shopify', 20, 20, 0, 0],
          ['woocommerce', 18, 18, 0, 0],
        ],
      );
      // Spreadsheet-mangled barcodes in Shopify's own template are reported, not silently kept.
      assert.ok(reports[0]!.issues.some((i) => i.code === 'barcode_scientific_notation' && i.row === 2));

      const records = await catalogSnapshot(database, store.id);
      assert.equal(records.size, 42);
      const shirt = records.get('example-shirt') as {
        options: Array<{ name: string; values: string[] }>;
        variants: unknown[];
        images: unknown[];
        category: string;
      };
      assert.equal(shirt.variants.length, 12);
      assert.deepEqual(
        shirt.options.map((o) => o.name),
        ['Color', 'Size'],
      );
      assert.ok(shirt.images.length >= 4);
      assert.match(shirt.category, / > /);
      const hoodie = records.get('hoodie') as { variants: Array<{ sku: string }>; options: unknown[] };
      assert.ok(hoodie.variants.length > 1, 'a WooCommerce variable product keeps its variations');
      assert.ok(hoodie.variants.every((v) => v.sku));

      const categories = await count(database, 'select count(*) as n from categories where store_id = $1', [
        store.id,
      ]);
      assert.ok(categories >= 4, `categories made from the files' paths (${categories})`);
    });

    test('importing the same file again changes nothing: no writes, no audit entries, no events', async () => {
      const audit = () =>
        count(database, 'select count(*) as n from audit_log where store_id = $1', [store.id]);
      const events = () =>
        count(database, 'select count(*) as n from outbox_events where store_id = $1', [store.id]);
      const [auditBefore, eventsBefore] = [await audit(), await events()];
      for (const name of realFiles) {
        const again = await importFile(database, store, name);
        assert.equal(again.unchanged, again.products, `${name}: ${JSON.stringify(errorsOf(again))}`);
        assert.equal(again.created + again.updated + again.failed, 0);
      }
      assert.equal(await audit(), auditBefore);
      assert.equal(await events(), eventsBefore);
    });

    for (const format of ['shopify', 'woocommerce', 'storepilot'] as const) {
      test(`an export in ${format} format re-imports without changing anything`, async () => {
        const before = await catalogSnapshot(database, store.id);
        const text = await readText(exportProducts(database.db, store, format));
        const report = await importText(database, store, text, format);
        assert.deepEqual(errorsOf(report), []);
        assert.equal(report.products, before.size);
        assert.equal(report.unchanged, before.size, `updated ${report.updated}, failed ${report.failed}`);
        assert.deepEqual(await catalogSnapshot(database, store.id), before);
      });
    }

    test('an edited price updates that product only and keeps its variant ids', async () => {
      const text = await readText(exportProducts(database.db, store, 'storepilot'));
      const [variant] = await database.execute<{ id: string; price_amount: number }>(
        "select id, price_amount from product_variants where store_id = $1 and sku = 'woo-hoodie-red'",
        [store.id],
      );
      assert.ok(variant, 'the hoodie variant from the WooCommerce sample');
      const lines = text.split('\n');
      const at = lines.findIndex((line) => line.includes('woo-hoodie-red'));
      const price = (Number(variant.price_amount) / 100).toFixed(2);
      assert.ok(lines[at]!.includes(price));
      lines[at] = lines[at]!.replace(price, '99.99');
      const report = await importText(database, store, lines.join('\n'), 'storepilot');
      assert.equal(report.updated, 1);
      assert.equal(report.unchanged, report.products - 1);
      const [after] = await database.execute<{ id: string; price_amount: number }>(
        "select id, price_amount from product_variants where store_id = $1 and sku = 'woo-hoodie-red'",
        [store.id],
      );
      // bigint columns come back as strings from PostgreSQL
      assert.deepEqual([after!.id, Number(after!.price_amount)], [variant.id, 9999]);
      const [entry] = await database.execute<{ action: string }>(
        'select action from audit_log where store_id = $1 order by at desc, id desc limit 1',
        [store.id],
      );
      assert.equal(entry!.action, 'product.imported');
    });

    test('a dry run reports what a real run would do and writes nothing', async () => {
      const fresh = await makeStore(database, 'dry-run', 'USD');
      const tables = [
        'products',
        'product_variants',
        'product_images',
        'categories',
        'audit_log',
        'outbox_events',
      ];
      const counts = async () =>
        Promise.all(
          tables.map((t) =>
            count(database, `select count(*) as n from ${t} where store_id = $1`, [fresh.id]),
          ),
        );
      const before = await counts();
      const dry = await importFile(database, fresh, 'sample_products.csv', { dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.equal(dry.created, 18);
      assert.deepEqual(await counts(), before);
      const real = await importFile(database, fresh, 'sample_products.csv');
      assert.deepEqual(
        [real.created, real.updated, real.failed, real.issues],
        [dry.created, dry.updated, dry.failed, dry.issues],
      );
    });

    test('broken files: each mistake is reported with its row, column and code; good products are written', async () => {
      const cases: Array<[string, string, Array<[number, string | null, string]>, string[]]> = [
        ['shopify-bad-price.csv', 'bad-price', [[6, 'Variant Price', 'invalid_price']], ['mug']],
        ['shopify-duplicate-sku.csv', 'dup-sku', [[4, 'Variant SKU', 'duplicate_sku']], ['tee']],
        ['shopify-missing-title.csv', 'no-title', [[3, 'Title', 'missing_title']], ['tee']],
        ['shopify-non-consecutive.csv', 'apart', [[4, 'Handle', 'handle_not_consecutive']], ['mug', 'tee']],
        ['shopify-unclosed-quote.csv', 'quote', [[2, null, 'malformed_csv']], []],
        ['shopify-wrong-column.csv', 'column', [[1, 'Variant Price', 'missing_column']], []],
        ['storepilot-wrong-currency.csv', 'currency', [[1, 'Price (USD)', 'currency_mismatch']], []],
        [
          'woocommerce-unknown-parent.csv',
          'parent',
          [
            [4, 'Parent', 'unknown_parent'],
            [6, 'Parent', 'parent_not_variable'],
          ],
          ['mug', 'tee'],
        ],
      ];
      for (const [file, handle, expected, written] of cases) {
        const own = await makeStore(database, `broken-${handle}`, handle === 'currency' ? 'EUR' : 'USD');
        const dry = await importFile(database, own, `broken/${file}`, { dryRun: true });
        assert.deepEqual(
          errorsOf(dry).map((i) => [i.row, i.column, i.code]),
          expected,
          `${file}: ${JSON.stringify(dry.issues)}`,
        );
        for (const issue of errorsOf(dry)) assert.ok(issue.message.length > 20, issue.message);
        assert.equal(
          await count(database, 'select count(*) as n from products where store_id = $1', [own.id]),
          0,
        );
        const real = await importFile(database, own, `broken/${file}`);
        const handles = [...(await catalogSnapshot(database, own.id)).keys()].sort();
        assert.deepEqual(handles, written, file);
        assert.equal(real.created, written.length);
      }
    });

    test('bytes that are not UTF-8 are reported on their row, and the file is not guessed at', async () => {
      const own = await makeStore(database, 'latin1', 'USD');
      const header = 'Handle,Title,Variant Price,Variant SKU\n';
      const bytes = Buffer.concat([
        Buffer.from(`${header}tee,Tee,25.00,TEE-1\ncafe,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(',4.50,CAFE-1\n'),
      ]);
      const report = await importProducts(database.db, publisher, own, Readable.from([bytes]), {
        format: 'shopify',
        dryRun: false,
      });
      assert.deepEqual(
        errorsOf(report).map((i) => [i.row, i.code]),
        [[3, 'invalid_utf8']],
      );
      assert.deepEqual([...(await catalogSnapshot(database, own.id)).keys()], ['tee']);
    });

    test('a SKU another product already has fails that product only, with the reason', async () => {
      const own = await makeStore(database, 'sku-clash', 'USD');
      const header = 'Handle,Title,Variant Price,Variant SKU,Status\n';
      await importText(database, own, `${header}first,First,10.00,SAME-1,active\n`);
      const report = await importText(
        database,
        own,
        `${header}second,Second,10.00,SAME-1,active\nthird,Third,10.00,OTHER-1,active\n`,
      );
      assert.deepEqual([report.created, report.failed, report.unchanged], [1, 1, 0]);
      assert.deepEqual(
        errorsOf(report).map((i) => [i.row, i.code]),
        [[2, 'sku_taken']],
      );
    });

    test('a file of several batches: a clash in a later batch fails that product only; creations are audited', async () => {
      const own = await makeStore(database, 'many-batches', 'USD');
      const header = 'Handle,Title,Option1 Name,Option1 Value,Variant Price,Variant SKU,Status\n';
      await importText(database, own, `${header}taken,Taken,Size,M,10.00,CLASH-1,active\n`);
      const lines: string[] = [];
      for (let i = 1; i <= 600; i++) {
        const sku = i === 530 ? 'CLASH-1' : `MB-${i}`;
        lines.push(`p-${i},Product ${i},Size,S,10.00,${sku}-S,draft`);
        lines.push(`p-${i},,,M,12.00,${i === 530 ? 'CLASH-1' : `${sku}-M`},`);
      }
      const batches: number[] = [];
      const report = await importProducts(
        database.db,
        publisher,
        own,
        Readable.from([Buffer.from(header + lines.join('\n'))]),
        { format: 'auto', dryRun: false, onProgress: (p) => batches.push(p.products) },
      );
      assert.deepEqual([report.created, report.failed], [599, 1]);
      assert.deepEqual(
        errorsOf(report).map((i) => [i.row, i.code]),
        [[1060, 'sku_taken']],
      );
      assert.ok(batches.length >= 3, 'written in several batches');
      assert.equal(
        await count(database, 'select count(*) as n from products where store_id = $1', [own.id]),
        600,
      );
      const [entry] = await database.execute<{ action: string; after: Record<string, unknown> }>(
        `select a.action, a.after from audit_log a join products p on p.id = a.entity_id
         where p.store_id = $1 and p.handle = 'p-7'`,
        [own.id],
      );
      assert.equal(entry!.action, 'product.created');
      assert.deepEqual(entry!.after, {
        handle: 'p-7',
        title: 'Product 7',
        status: 'draft',
        variantCount: 2,
        imageCount: 0,
        skus: ['MB-7-S', 'MB-7-M'],
      });
    });

    test('a long file: categories made once and reused by later batches, a stored product among new ones updated, a broken product reported', async () => {
      const own = await makeStore(database, 'long-file', 'USD');
      const header = 'Handle,Title,Product Category,Variant Price,Variant SKU,Status\n';
      await importText(database, own, `${header}p-400,Old title,,10.00,LF-400,active\n`);
      const lines: string[] = [];
      for (let i = 1; i <= 600; i++) {
        const price = i === 560 ? 'ten' : '10.00';
        lines.push(`p-${i},Product ${i},Apparel > Shirts,${price},LF-${i},active`);
      }
      const report = await importText(database, own, header + lines.join('\n'));
      assert.deepEqual([report.created, report.updated, report.failed], [598, 1, 1]);
      assert.deepEqual(
        errorsOf(report).map((i) => [i.row, i.column]),
        [[561, 'Variant Price']],
      );
      const [tree] = await database.execute<{ n: string; shirts: string }>(
        `select count(*) as n, max(id) filter (where path = 'Apparel > Shirts') as shirts
         from categories where store_id = $1`,
        [own.id],
      );
      assert.equal(Number(tree!.n), 2);
      const rows = await database.execute<{ handle: string; title: string; category_id: string }>(
        'select handle, title, category_id from products where store_id = $1',
        [own.id],
      );
      assert.equal(rows.length, 600 - 1);
      assert.ok(rows.every((r) => r.category_id === tree!.shirts));
      assert.equal(rows.find((r) => r.handle === 'p-400')!.title, 'Product 400');

      // The same file again: nothing new, nothing changed (the broken product still fails).
      const again = await importText(database, own, header + lines.join('\n'));
      assert.deepEqual([again.created, again.updated, again.unchanged, again.failed], [0, 0, 599, 1]);
    });

    test('without catalog:publish, products marked active are kept as drafts, with a warning', async () => {
      const own = await makeStore(database, 'no-publish', 'USD');
      const report = await importProducts(
        database.db,
        { actor, canPublish: false },
        own,
        createReadStream(catalogFixture('shopify_product_template_current.csv')),
        { format: 'auto', dryRun: false },
      );
      assert.equal(report.created, 3);
      assert.ok(report.issues.some((i) => i.code === 'publish_not_allowed'));
      const statuses = await database.execute<{ status: string }>(
        'select distinct status from products where store_id = $1',
        [own.id],
      );
      assert.ok(statuses.every((s) => s.status !== 'active'));
    });

    test('without catalog:publish, changes to live products are staged for review, not written', async () => {
      const own = await makeStore(database, 'staged-import', 'USD');
      const header = 'Handle,Title,Variant Price,Variant SKU,Status\n';
      await importText(
        database,
        own,
        `${header}live-one,Live One,10.00,LV-1,active\ndraft-one,Draft One,10.00,DR-1,draft\n`,
      );
      const writer = { actor: systemActor('content importer'), canPublish: false };
      const edited = `${header}live-one,Live One Renamed,12.00,LV-1,draft\ndraft-one,Draft One Renamed,10.00,DR-1,draft\n`;
      const report = await importProducts(database.db, writer, own, Readable.from([Buffer.from(edited)]), {
        format: 'auto',
        dryRun: false,
      });
      assert.deepEqual(
        [report.created, report.updated, report.staged, report.unchanged, report.failed],
        [0, 1, 1, 0, 0],
      );
      assert.ok(
        report.issues.some((i) => i.code === 'status_not_allowed' && i.row === 2),
        JSON.stringify(report.issues),
      );
      const rows = await database.execute<{ handle: string; title: string; status: string }>(
        'select handle, title, status from products where store_id = $1 order by handle',
        [own.id],
      );
      assert.deepEqual(
        rows.map((r) => [r.handle, r.title, r.status]),
        [
          ['draft-one', 'Draft One Renamed', 'draft'],
          ['live-one', 'Live One', 'active'],
        ],
        'the draft is changed in place; the live product is not',
      );
      const [revision] = await database.execute<{
        kind: string;
        state: string;
        changes: Record<string, unknown>;
      }>(
        `select r.kind, r.state, r.changes from product_revisions r join products p on p.id = r.product_id
         where p.store_id = $1 and p.handle = 'live-one'`,
        [own.id],
      );
      assert.equal(revision!.kind, 'staged');
      assert.equal(revision!.state, 'draft');
      assert.equal((revision!.changes as { title?: string }).title, 'Live One Renamed');
      assert.ok(!('status' in revision!.changes));

      // The same file again proposes nothing new.
      const again = await importProducts(database.db, writer, own, Readable.from([Buffer.from(edited)]), {
        format: 'auto',
        dryRun: false,
      });
      assert.deepEqual([again.updated, again.staged, again.unchanged], [0, 0, 2]);
    });

    test('progress is reported per batch and the report counts every row', async () => {
      const own = await makeStore(database, 'progress', 'USD');
      const seen: number[] = [];
      const report = await importFile(database, own, 'packt_demo_store_products_export.csv', {
        onProgress: (p) => seen.push(p.rowsRead),
      });
      assert.ok(seen.length >= 1);
      assert.equal(seen.at(-1), report.rowsRead);
      assert.equal(report.rowsRead, 26);
    });
  });
}
