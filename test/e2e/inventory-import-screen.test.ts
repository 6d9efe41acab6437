// An operations person moves stock levels through a spreadsheet, in real Chromium: they export the
// inventory in our layout (and Shopify's) from the inventory screen, raise one quantity and lower
// another, and add two bad rows (an unknown SKU, a negative quantity). The check lists the two changes
// and the two bad rows by row and column and will not apply; with the bad rows gone it applies, and the
// table shows the new numbers. A file without the needed columns, one over the size limit and a
// cancelled upload are said in plain words; a viewer sees Export but no Import. Screenshots go to
// scratch/screens/inventory-import-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Page } from 'playwright-core';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/tarn-stock';
/** Small, so a file over it is quick to make; every real file here is far below it. */
const maxImportBytes = 64 * 1024;

const csvFile = (name: string, rows: string[][]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(stringify(rows)),
});

for (const target of testDatabaseTargets()) {
  describe(`inventory import and export in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let viewer: { email: string; password: string };
    let warehouse: { id: string };
    let shop: { id: string };
    const ids = new Map<string, string>();
    /** The export as the console downloaded it, parsed (header first). */
    let exported: string[][] = [];

    const dialog = () => page.getByRole('dialog', { name: 'Import stock levels' });
    const dropzoneInput = () => page.getByTestId('inventory-import-dropzone').locator('input[type=file]');
    /** A screenshot with the window tall enough for the whole dialog. */
    const shot = (name: string, height = 900) =>
      screenshotScreen(page, `inventory-import-${name}-${target.kind}`, { height });
    const onHand = async (sku: string, location: { id: string }) => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/variants/${ids.get(sku)}` });
      assert.equal(res.statusCode, 200, res.body);
      const levels = res.json().stock.locations as { locationId: string; onHand: number }[];
      return levels.find((l) => l.locationId === location.id)?.onHand ?? 0;
    };
    const openImport = async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await dialog().waitFor();
    };

    before(async () => {
      admin = await startAdminInChromium(target, (database) => {
        const config = {
          ...loadConfig(
            { dataDir: '/nonexistent', logLevel: 'silent' },
            { STOREPILOT_MAX_IMPORT_BYTES: String(maxImportBytes) },
          ),
          jobs: false,
        };
        return buildApp({ config, database });
      });
      const { database } = admin;
      const store = await makeStore(database, 'tarn-stock', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      viewer = await makeMember(database, store.id, 'viewer');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      warehouse = await makeLocation(database, store.id, 'Tarn warehouse');
      shop = await makeLocation(database, store.id, 'Keswick shop', { kind: 'retail', priority: 1 });
      const products = [
        { title: 'Slate Coaster', price: { amount: 900 }, sku: 'COAST-SLATE' },
        {
          title: 'Fern Print',
          options: [{ name: 'Size', values: ['A4', 'A3'] }],
          variants: [
            { optionValues: ['A4'], price: { amount: 2400 }, sku: 'PRINT-A4' },
            { optionValues: ['A3'], price: { amount: 3600 }, sku: 'PRINT-A3' },
          ],
        },
      ];
      for (const payload of products) {
        const res = await owner.request({ method: 'POST', url: `${api}/products`, payload });
        assert.equal(res.statusCode, 201, res.body);
      }
      const untracked = await owner.request({
        method: 'GET',
        url: `${api}/inventory/stock?tracking=untracked&limit=50`,
      });
      for (const item of untracked.json().items as { variantId: string; sku: string }[]) {
        ids.set(item.sku, item.variantId);
      }
      const seed = await owner.request({
        method: 'POST',
        url: `${api}/inventory/adjustments`,
        payload: {
          items: [
            { variantId: ids.get('COAST-SLATE'), locationId: warehouse.id, quantity: 12, reason: 'found' },
            { variantId: ids.get('PRINT-A4'), locationId: warehouse.id, quantity: 5, reason: 'found' },
            { variantId: ids.get('PRINT-A3'), locationId: shop.id, quantity: 2, reason: 'found' },
          ],
        },
      });
      assert.equal(seed.statusCode, 201, seed.body);
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('the Export menu links to every stock level as CSV, in our layout and Shopify’s', async () => {
      await storeNavLink(page, 'Inventory').click();
      await page.getByRole('table', { name: 'Inventory' }).waitFor();
      await page.getByRole('button', { name: 'Export' }).click();
      const ours = page.getByRole('menuitem', { name: /Storepilot CSV/ });
      await ours.waitFor();
      await shot('export-menu');

      /** Downloads a link as the signed-in console does (its session cookie, no CSRF for a GET). */
      const download = (href: string) =>
        page.evaluate(async (url) => {
          const res = await fetch(url);
          return {
            status: res.status,
            disposition: res.headers.get('content-disposition') ?? '',
            text: await res.text(),
          };
        }, href);
      const file = await download((await ours.getAttribute('href'))!);
      assert.equal(file.status, 200);
      assert.match(file.disposition, /filename="tarn-stock-inventory-storepilot-\d{4}-\d{2}-\d{2}\.csv"/);
      exported = parse(file.text, { bom: true }) as string[][];
      assert.deepEqual(exported[0], ['SKU', 'Variant ID', 'Location', 'On hand']);
      // Three variants at two locations; a level never kept is empty.
      assert.deepEqual(
        exported.slice(1).map(([sku, , location, quantity]) => [sku, location, quantity]),
        [
          ['PRINT-A4', 'Tarn warehouse', '5'],
          ['PRINT-A4', 'Keswick shop', ''],
          ['PRINT-A3', 'Tarn warehouse', ''],
          ['PRINT-A3', 'Keswick shop', '2'],
          ['COAST-SLATE', 'Tarn warehouse', '12'],
          ['COAST-SLATE', 'Keswick shop', ''],
        ],
      );

      const shopify = await download(
        (await page.getByRole('menuitem', { name: /Shopify CSV/ }).getAttribute('href'))!,
      );
      assert.equal(shopify.status, 200);
      const [header, ...rows] = parse(shopify.text, { bom: true }) as string[][];
      assert.deepEqual(header!.slice(0, 2), ['Handle', 'Title']);
      assert.equal(header!.at(-1), 'On hand');
      assert.equal(rows.length, 6);
      assert.ok(rows.some((r) => r.at(-1) === 'not stocked'));
      await page.keyboard.press('Escape');
    });

    test('the check shows what would change and every bad row; with errors nothing can be applied', async () => {
      const [header, ...rows] = exported;
      const edited = rows.map((r) => {
        if (r[0] === 'COAST-SLATE' && r[2] === 'Tarn warehouse') return [r[0], r[1]!, r[2], '30'];
        if (r[0] === 'PRINT-A3' && r[2] === 'Keswick shop') return [r[0], r[1]!, r[2], '0'];
        return r;
      });
      const coasterLine = 2 + edited.findIndex((r) => r[0] === 'COAST-SLATE' && r[3] === '30');
      const printLine = 2 + edited.findIndex((r) => r[0] === 'PRINT-A3' && r[3] === '0');
      const bad = [
        ['NO-SUCH-SKU', '', 'Tarn warehouse', '4'],
        ['PRINT-A4', '', 'Keswick shop', '-3'],
      ];

      await openImport();
      const apply = dialog().getByRole('button', { name: /^(Apply|Nothing to apply)/ });
      assert.equal(await dialog().getByRole('button', { name: 'Check file' }).isDisabled(), true);
      await shot('choose');
      await dropzoneInput().setInputFiles(csvFile('tarn-stock.csv', [header!, ...edited, ...bad]));
      await dialog().getByText('tarn-stock.csv').waitFor();
      await dialog().getByRole('button', { name: 'Check file' }).click();

      const errors = dialog().getByRole('table', { name: 'Rows with errors' });
      await errors.waitFor();
      assert.deepEqual(await tableRows(errors), [
        ['8', 'SKU', 'No variant with SKU "NO-SUCH-SKU" in this store.'],
        ['9', 'On hand', 'On hand cannot be negative (-3).'],
      ]);
      await dialog().getByText('2 errors in the file').waitFor();
      const changes = dialog().getByRole('table', { name: 'Levels that will change' });
      assert.deepEqual(await tableRows(changes), [
        [String(printLine), 'PRINT-A3', 'Keswick shop', '2 → 0', '−2'],
        [String(coasterLine), 'COAST-SLATE', 'Tarn warehouse', '12 → 30', '+18'],
      ]);
      const counts = dialog().getByRole('list', { name: 'Import counts' });
      // Each tile: its label, then its number.
      assert.equal(await counts.getByRole('listitem', { name: 'Rows read' }).textContent(), 'Rows read8');
      assert.equal(await counts.getByRole('listitem', { name: 'Will change' }).textContent(), 'Will change2');
      assert.equal(await counts.getByRole('listitem', { name: 'Units' }).textContent(), 'Units+18 / −2');
      assert.equal(await counts.getByRole('listitem', { name: 'Errors' }).textContent(), 'Errors2');
      assert.equal(await apply.textContent(), 'Apply 2 changes');
      assert.equal(await apply.isDisabled(), true, 'a file with errors cannot be applied');
      await shot('errors', 1500);
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: 390, height: 1600 });
      await shot('errors-phone', 1600);
      await page.setViewportSize(viewport);
      assert.equal(await onHand('COAST-SLATE', warehouse), 12, 'the check wrote nothing');

      // The bad rows taken out, the same changes check clean and apply.
      await dialog().getByRole('button', { name: 'Choose another file' }).click();
      await dropzoneInput().setInputFiles(csvFile('tarn-stock-fixed.csv', [header!, ...edited]));
      await dialog().getByText('tarn-stock-fixed.csv').waitFor();
      await dialog().getByRole('button', { name: 'Check file' }).click();
      await dialog().getByText('The file is ready to import').waitFor();
      assert.equal(await dialog().getByRole('table', { name: 'Rows with errors' }).count(), 0);
      assert.equal(await apply.isEnabled(), true);
      await shot('checked', 1200);

      await apply.click();
      await dialog().getByText('Stock levels updated').waitFor();
      assert.match(
        (await dialog().getByText('2 levels were set from the file').textContent()) ?? '',
        /\(\+18 \/ −2 units\)/,
      );
      assert.deepEqual(await tableRows(dialog().getByRole('table', { name: 'Levels changed' })), [
        [String(printLine), 'PRINT-A3', 'Keswick shop', '2 → 0', '−2'],
        [String(coasterLine), 'COAST-SLATE', 'Tarn warehouse', '12 → 30', '+18'],
      ]);
      await shot('done', 1200);
      assert.equal(await onHand('COAST-SLATE', warehouse), 30);
      assert.equal(await onHand('PRINT-A3', shop), 0);

      // The table behind the dialog was refreshed: the new numbers without a reload.
      await dialog().getByRole('button', { name: 'Done' }).click();
      await dialog().waitFor({ state: 'hidden' });
      const table = page.getByRole('table', { name: 'Inventory' });
      // Image, variant, SKU, on hand, reserved, available, incoming, state.
      const shown = await eventually(
        () => tableRows(table),
        (r) => r.some((cells) => cells[1] === 'Slate Coaster' && cells[3] === '30'),
        'Slate Coaster has 30 on hand',
      );
      assert.deepEqual(shown.map((cells) => `${cells[1]}: ${cells[3]}`).sort(), [
        'Fern Print A3: 0',
        'Fern Print A4: 5',
        'Slate Coaster: 30',
      ]);
      await shot('table');
    });

    test('many bad rows are listed a page at a time', async () => {
      await openImport();
      const unknown = Array.from({ length: 12 }, (_, i) => [`GONE-${i + 1}`, '', 'Tarn warehouse', '1']);
      await dropzoneInput().setInputFiles(
        csvFile('old-skus.csv', [['SKU', 'Variant ID', 'Location', 'On hand'], ...unknown]),
      );
      await dialog().getByRole('button', { name: 'Check file' }).click();
      const errors = dialog().getByRole('table', { name: 'Rows with errors' });
      await errors.waitFor();
      assert.deepEqual(
        (await tableRows(errors)).map((cells) => cells[0]),
        ['2', '3', '4', '5', '6', '7', '8', '9'],
      );
      await dialog().getByText('1–8 of 12').waitFor();
      await dialog().getByRole('button', { name: 'Next page' }).click();
      assert.deepEqual(
        (await tableRows(errors)).map((cells) => cells.slice(0, 2)),
        [
          ['10', 'SKU'],
          ['11', 'SKU'],
          ['12', 'SKU'],
          ['13', 'SKU'],
        ],
      );
      await dialog().getByText('9–12 of 12').waitFor();
      await shot('errors-page-2', 1200);
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
    });

    test('files the server refuses are said in plain words; a cancelled upload changes nothing', async () => {
      await openImport();
      // A price list, not stock: no Location or On hand column.
      await dropzoneInput().setInputFiles(
        csvFile('prices.csv', [
          ['Handle', 'Price'],
          ['slate-coaster', '9.00'],
        ]),
      );
      await dialog().getByRole('button', { name: 'Check file' }).click();
      const alert = dialog().getByRole('alert');
      await alert.getByText('The file cannot be read').waitFor();
      assert.match((await alert.textContent()) ?? '', /The header has no Location, On hand column\./);
      await shot('file-error');

      // Over the server's limit (64 KB here): how big it is and what the limit is.
      const filler = Array.from({ length: 3000 }, () => ['COAST-SLATE', '', 'Tarn warehouse', '']);
      await dropzoneInput().setInputFiles(
        csvFile('everything.csv', [['SKU', 'Variant ID', 'Location', 'On hand'], ...filler]),
      );
      await dialog().getByRole('button', { name: 'Check file' }).click();
      await alert.getByText('The file is too large').waitFor();
      assert.match(
        (await alert.textContent()) ?? '',
        /everything\.csv is \d+\.\d KB; an import takes at most 64\.0 KB\. Split it/,
      );
      await shot('too-large');

      // A slow connection: the upload's progress shows, and cancelling it leaves the file chosen.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 50,
        downloadThroughput: -1,
        uploadThroughput: 8 * 1024,
      });
      const rows = Array.from({ length: 1500 }, () => ['COAST-SLATE', '', 'Tarn warehouse', '']);
      await dropzoneInput().setInputFiles(
        csvFile('slow.csv', [['SKU', 'Variant ID', 'Location', 'On hand'], ...rows]),
      );
      await dialog().getByRole('button', { name: 'Check file' }).click();
      const status = dialog().getByRole('status');
      await status.getByText(/^Uploading .* of .* \(\d+%\)$/).waitFor();
      await shot('uploading');
      await dialog().getByRole('button', { name: 'Cancel upload' }).click();
      await status.waitFor({ state: 'hidden' });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
      assert.equal(await dialog().getByRole('alert').count(), 0, 'a cancel is not an error');
      await dialog().getByText('slow.csv').waitFor();
      assert.equal(await dialog().getByRole('button', { name: 'Check file' }).isEnabled(), true);

      // Closing and opening again starts from an empty dialog.
      await dialog().getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog().waitFor({ state: 'hidden' });
      await openImport();
      await dialog().getByText('Drop a CSV file here, or click to choose one').waitFor();
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      assert.equal(await onHand('COAST-SLATE', warehouse), 30);
    });

    test('a viewer can export but sees no Import', async () => {
      const viewerPage = await admin.signIn(viewer);
      try {
        await viewerPage.goto(`${admin.base}/admin/stores/tarn-stock/inventory`);
        await viewerPage.getByRole('table', { name: 'Inventory' }).waitFor();
        await viewerPage.getByRole('button', { name: 'Export' }).waitFor();
        assert.equal(await viewerPage.getByRole('button', { name: 'Import', exact: true }).count(), 0);
      } finally {
        await viewerPage.close();
      }
    });
  });
}
