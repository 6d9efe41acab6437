// A manager imports WooCommerce's sample products through the admin console's wizard — a broken
// file first, to see its errors by line — and finds the products in the list; then exports them.
// Real Chromium against the whole app, on each database.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import { buildApp, type StorepilotApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { LocalDiskBlobStorage } from '../../src/platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;
const fixture = (name: string) => new URL(`../fixtures/catalog/${name}`, import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`product import wizard in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: StorepilotApp;
    let dataDir: string;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let login: { email: string; password: string };
    let working = true;
    let worker: Promise<void>;

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'storepilot-import-e2e-'));
      const config = { ...loadConfig({ dataDir, logLevel: 'silent' }, {}), jobs: false };
      sp = await buildApp({
        config,
        database,
        importStorage: new LocalDiskBlobStorage({ dataDir: path.join(dataDir, 'imports') }),
        mediaStorage: new LocalDiskBlobStorage({ dataDir }),
      });
      // The import's jobs, worked the way an instance does (without the outbox dispatcher, so the
      // sample file's image URLs are not fetched from the internet).
      worker = (async () => {
        while (working) {
          await sp.jobs.runDueJobsOnce();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'woo-move', 'USD');
      login = await makeMember(database, store.id, 'manager');
      chromium = await launchChromium();
    });
    after(async () => {
      working = false;
      await worker;
      await chromium?.close();
      await sp?.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    const uploadThroughWizard = async (file: string) => {
      await page.goto(`${base}/admin/stores/woo-move/products`);
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await page.waitForURL(/\/products\/import$/);
      await page.getByTestId('import-dropzone').locator('input[type=file]').setInputFiles(fixture(file));
      await page.getByText(path.basename(file)).waitFor();
      await page.getByRole('button', { name: 'Upload and check' }).click();
      await page.waitForURL(/\/products\/import\/imp_/);
    };

    test('a broken file shows its errors by line and column, and can be discarded', async () => {
      page = await signInToAdmin(chromium, base, login, { acceptDownloads: true });

      await uploadThroughWizard('broken/shopify-bad-price.csv');
      const problems = page.getByRole('table', { name: 'Problems in the file' });
      await problems.waitFor({ timeout: 60_000 });
      const priceRow = problems.getByRole('row').filter({ hasText: 'Variant Price' });
      assert.equal(await priceRow.getByRole('cell').first().textContent(), '6');
      await page.getByText('1 product has errors').waitFor();
      await page.screenshot({ path: `${shots}import-broken-file-${target.kind}.png`, fullPage: true });

      await page.getByRole('button', { name: 'Discard' }).click();
      await page.waitForURL(/\/products\/import$/);
      await page.getByRole('table', { name: 'Recent imports' }).getByText('Discarded').waitFor();
    });

    test('WooCommerce sample products: check, preview, confirm, import, see them in the list', async () => {
      await uploadThroughWizard('sample_products.csv');
      const confirm = page.getByRole('button', { name: 'Import 18 products' });
      await confirm.waitFor({ timeout: 60_000 });
      const preview = page.getByRole('table', { name: 'Import preview' });
      await preview.getByText('/hoodie', { exact: false }).first().waitFor();
      assert.equal(await page.getByRole('list', { name: 'Import counts' }).getByText('18').count(), 2);
      await page.screenshot({ path: `${shots}import-checked-${target.kind}.png`, fullPage: true });

      assert.equal(
        await database.execute('select 1 from products').then((rows) => rows.length),
        0,
        'the check wrote nothing',
      );
      await confirm.click();
      await page
        .getByRole('dialog', { name: 'Import these products?' })
        .getByRole('button', { name: 'Import' })
        .click();
      await page.getByText('Import finished').waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${shots}import-done-${target.kind}.png`, fullPage: true });

      await page.getByRole('link', { name: 'View products' }).click();
      await page.waitForURL(/\/products$/);
      const list = page.getByRole('table', { name: 'Products' });
      await list.getByRole('link', { name: 'Hoodie', exact: true }).waitFor();
      assert.ok((await list.getByRole('row').count()) > 10);
      await page.screenshot({ path: `${shots}import-product-list-${target.kind}.png`, fullPage: true });
    });

    test('the Export menu downloads the catalog as Shopify CSV', async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('menuitem', { name: /Shopify CSV/ }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^woo-move-products-shopify-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync((await file.path())!, 'utf8');
      assert.ok(text.replace(/^\uFEFF/, '').startsWith('Handle,Title'), text.slice(0, 60));
      assert.ok(text.includes('hoodie'));
    });
  });
}
