import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AUDIT_PAGE_SIZE } from './audit-source.ts';
import { computeStoreAudit } from './store-audit.ts';
import { storeSeoSite } from './store-site.ts';

const PRODUCTS = 20_000;

// A catalog the size of the benchmark's, written straight into the tables (the API would take minutes):
// every 5,000th product shares one title, so duplicates sit dozens of audit pages apart.
async function seedCatalog(database: Database, storeId: string) {
  await database.execute(
    `insert into products (id, store_id, title, handle, description, status, price_amount, currency, seo_title, seo_description)
     select 'prod_bulk' || lpad(g::text, 6, '0'), $1,
       case when g % 5000 = 1 then 'Twin Title Merino Jumper' else 'Merino jumper no. ' || g end,
       'jumper-' || lpad(g::text, 6, '0'),
       '<p>' || repeat('A soft merino jumper knitted in Scotland from fine wool. ', 6) || '</p><p><a href="/s/big/products/jumper-' || lpad(((g % ${PRODUCTS}) + 1)::text, 6, '0') || '">Next</a></p>',
       case when g % 10 = 0 then 'draft' else 'active' end,
       5900, 'EUR',
       case when g % 3 = 0 then null else 'Merino jumper number ' || g || ' in soft Scottish wool' end,
       case when g % 4 = 0 then null else 'A warm merino jumper, number ' || g || ', knitted in Scotland from soft fine wool that lasts.' end
     from generate_series(1, ${PRODUCTS}) g`,
    [storeId],
  );
  await database.execute(
    `insert into product_images (id, store_id, product_id, position, source_url, alt)
     select 'img_bulk' || lpad(g::text, 6, '0'), $1, 'prod_bulk' || lpad(g::text, 6, '0'), 1,
       'https://images.example/jumper-' || g || '.jpg', case when g % 7 = 0 then null else 'Merino jumper' end
     from generate_series(1, ${PRODUCTS}) g where g % 2 = 0`,
    [storeId],
  );
}

for (const target of testDatabaseTargets()) {
  describe(`SEO audit of ${PRODUCTS.toLocaleString('en')} products on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let store: Awaited<ReturnType<typeof makeStore>>;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'big');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      await seedCatalog(database, store.id);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('one pass in pages finds store-wide duplicates and every rule; time and memory printed', async () => {
      const site = storeSeoSite(store, 'https://shops.example');
      const heapBefore = process.memoryUsage().heapUsed;
      const snapshot = await computeStoreAudit(database.db, store, site);
      const heapAfter = process.memoryUsage().heapUsed;
      assert.equal(snapshot.productsAudited, PRODUCTS);
      const twins = snapshot.findings.filter((f) => f.code === 'duplicate_title').map((f) => f.productId);
      assert.deepEqual(twins.sort(), [
        'prod_bulk000001',
        'prod_bulk005001',
        'prod_bulk010001',
        'prod_bulk015001',
      ]);
      assert.ok(PRODUCTS / AUDIT_PAGE_SIZE >= 20, 'the twins are many pages apart');
      assert.equal(snapshot.countsByCode.no_images, PRODUCTS / 2);
      assert.equal(snapshot.countsByCode.meta_description_missing, PRODUCTS / 4);
      // Links to draft products (every tenth) are broken; links to live ones are not.
      assert.equal(snapshot.countsByCode.broken_internal_links, PRODUCTS / 10);
      for (let i = 1; i < snapshot.findings.length; i++) {
        assert.ok(snapshot.findings[i - 1]!.impact >= snapshot.findings[i]!.impact);
      }
      console.log(
        `SEO store audit, ${PRODUCTS} products on ${target.label}: ${snapshot.durationMs} ms, ` +
          `${snapshot.findings.length} findings, heap +${Math.round((heapAfter - heapBefore) / 1e6)} MB`,
      );
    });

    test('over HTTP: the first request audits, the next ones page the kept ranking', async () => {
      let started = performance.now();
      const first = await owner.request({ method: 'GET', url: '/api/admin/stores/big/seo/audit?limit=50' });
      const firstMs = performance.now() - started;
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().items.length, 50);
      started = performance.now();
      const deep = await owner.request({
        method: 'GET',
        url: '/api/admin/stores/big/seo/audit?limit=50&offset=20000&rule=meta_title_missing',
      });
      const pageMs = performance.now() - started;
      assert.equal(deep.statusCode, 200);
      assert.ok(deep.json().items.every((f: { code: string }) => f.code === 'meta_title_missing'));
      started = performance.now();
      const one = await owner.request({
        method: 'GET',
        url: '/api/admin/stores/big/products/prod_bulk005001/seo',
      });
      const productMs = performance.now() - started;
      assert.ok(one.json().findings.some((f: { code: string }) => f.code === 'duplicate_title'));
      console.log(
        `SEO audit over HTTP on ${target.label}: first ${Math.round(firstMs)} ms, ` +
          `a later page ${Math.round(pageMs)} ms, one product ${Math.round(productMs)} ms`,
      );
    });
  });
}
