// A manager builds a product with two options in the editor, prices its variants in the grid (apply
// to all, then cell by cell with the keyboard), meets a SKU another product has on the very cell,
// saves, reloads and finds every price; the variants keep their ids through later edits. A content
// editor's grid edit of a live product is staged for review — in real Chromium, on each database.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Locator, Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { createProduct, getProduct } from '../../src/modules/catalog/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeMember, makeStore, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../scratch/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`variant grid in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let base: string;
    let storeId: string;
    let managerLogin: { email: string; password: string };
    let editorLogin: { email: string; password: string };
    let liveProductId: string;

    const signIn = (login: { email: string; password: string }) =>
      signInToAdmin(chromium, base, login, { viewport: { width: 1280, height: 1000 } });
    const cell = (page: Page, column: string, variant: string) =>
      page.getByRole('textbox', { name: `${column} for ${variant}`, exact: true });
    const addValues = async (input: Locator, values: string[]) => {
      for (const value of values) {
        await input.fill(value);
        await input.press('Enter');
      }
    };
    // Scrolled to the middle first: at the top of the window the sticky page header covers the switch.
    const showColumns = async (page: Page, name: 'Pricing' | 'Inventory') => {
      const grid = page.getByTestId('variant-grid');
      await grid.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await grid.locator('label').filter({ hasText: name }).click();
    };
    const gridRows = (page: Page) =>
      page
        .getByTestId('variant-grid')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-variant')));

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'field-and-fell', 'EUR');
      storeId = store.id;
      managerLogin = await makeMember(database, store.id, 'manager');
      editorLogin = await makeMember(database, store.id, 'content');
      const writer = { actor: systemActor('test'), canPublish: true };
      await createProduct(database.db, writer, store, {
        title: 'Waxed Cap',
        price: { amount: 3500 },
        sku: 'FF-CAP',
      });
      const live = await createProduct(database.db, writer, store, {
        title: 'Wool Socks',
        status: 'active',
        options: [{ name: 'Size', values: ['39-42', '43-46'] }],
        variants: [
          { optionValues: ['39-42'], price: { amount: 1800 }, sku: 'FF-SOCK-S' },
          { optionValues: ['43-46'], price: { amount: 1800 }, sku: 'FF-SOCK-L' },
        ],
      });
      liveProductId = live.product.id;
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('two options, prices typed in the grid, a taken SKU on its cell, saved and still there after a reload', async () => {
      const page = await signIn(managerLogin);
      await page.goto(`${base}/admin/stores/field-and-fell/products/new`);
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Field Jacket');

      await page.getByRole('button', { name: 'Add options like size or color' }).click();
      await page.getByRole('combobox', { name: 'Option 1 name' }).fill('Color');
      await addValues(page.getByRole('textbox', { name: 'Color values' }), ['Olive', 'Navy']);
      assert.equal(
        await page.getByRole('textbox', { name: 'Price', exact: true }).count(),
        0,
        'with options, prices are the variants’',
      );
      await page.getByRole('button', { name: 'Add option' }).click();
      await page.getByRole('combobox', { name: 'Option 2 name' }).fill('Size');
      await addValues(page.getByRole('textbox', { name: 'Size values' }), ['S', 'M', 'L']);
      assert.deepEqual(await gridRows(page), [
        'Olive / S',
        'Olive / M',
        'Olive / L',
        'Navy / S',
        'Navy / M',
        'Navy / L',
      ]);

      // One price for all, then the Navy ones by hand: Tab goes across, Enter goes down.
      await page.getByRole('textbox', { name: 'Value to set' }).fill('120');
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.getByText('Price set for 6 variants.').waitFor();
      await cell(page, 'Price', 'Navy / S').fill('124.50');
      await cell(page, 'Price', 'Navy / S').press('Enter');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('126');
      await page.keyboard.press('Tab');
      await page.keyboard.type('150');
      assert.equal(await cell(page, 'Compare-at', 'Navy / M').inputValue(), '150');
      assert.equal(
        await cell(page, 'Price', 'Navy / M').inputValue(),
        '126.00',
        'a left cell reads like a saved price',
      );

      // SKUs: one is another product's, two are the same here.
      await showColumns(page, 'Inventory');
      await cell(page, 'SKU', 'Olive / S').fill('FF-CAP');
      await cell(page, 'SKU', 'Olive / M').fill('FF-JKT-OLV-M');
      await cell(page, 'SKU', 'Olive / L').fill('FF-JKT-OLV-M');
      await showColumns(page, 'Pricing');
      await page.getByRole('button', { name: 'Save product' }).click();
      // The browser finds the repeated SKU itself and shows the columns that hold it.
      const repeated = cell(page, 'SKU', 'Olive / L');
      await repeated.and(page.locator('[aria-invalid="true"]')).waitFor();
      assert.match(
        (await page.locator('tr[data-variant="Olive / L"]').textContent()) ?? '',
        /Same SKU as Olive \/ M\./,
      );
      await repeated.fill('FF-JKT-OLV-L');

      // The server knows the other product's SKU, and says which variant has it.
      await page.getByRole('button', { name: 'Save product' }).click();
      const taken = cell(page, 'SKU', 'Olive / S');
      await taken.and(page.locator('[aria-invalid="true"]')).waitFor();
      assert.match(
        (await page.locator('tr[data-variant="Olive / S"]').textContent()) ?? '',
        /Another product in this store has the SKU “FF-CAP”\./,
      );
      assert.equal(
        await page.getByTestId('variant-grid').locator('[aria-invalid="true"]').count(),
        1,
        'only that cell is marked',
      );
      await page
        .getByTestId('variant-grid')
        .screenshot({ path: `${shots}variant-grid-sku-taken-${target.kind}.png` });
      await taken.fill('FF-JKT-OLV-S');
      assert.notEqual(
        await taken.getAttribute('aria-invalid'),
        'true',
        'editing the cell clears its problem',
      );

      await page.getByRole('button', { name: 'Save product' }).click();
      await page.waitForURL(/\/products\/prod_/);
      const productId = page.url().split('/').at(-1)!;
      await page.reload();
      await cell(page, 'Price', 'Navy / L').waitFor();
      assert.equal(await cell(page, 'Price', 'Olive / S').inputValue(), '120.00');
      assert.equal(await cell(page, 'Price', 'Navy / S').inputValue(), '124.50');
      assert.equal(await cell(page, 'Price', 'Navy / M').inputValue(), '126.00');
      assert.equal(await cell(page, 'Compare-at', 'Navy / M').inputValue(), '150.00');
      assert.equal(await cell(page, 'Price', 'Navy / L').inputValue(), '120.00');
      await showColumns(page, 'Inventory');
      assert.equal(await cell(page, 'SKU', 'Olive / S').inputValue(), 'FF-JKT-OLV-S');
      await page
        .getByTestId('variant-grid')
        .screenshot({ path: `${shots}variant-grid-saved-${target.kind}.png` });

      // A price for every Navy, a new size: the saved variants keep their ids.
      const saved = await getProduct(database.db, storeId, productId);
      await showColumns(page, 'Pricing');
      await page.getByRole('textbox', { name: 'Value to set' }).fill('119');
      await page.getByRole('combobox', { name: 'Variants to set' }).click();
      await page.getByRole('option', { name: 'Color: Navy' }).click();
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await page.getByText('Price set for 3 variants.').waitFor();
      await addValues(page.getByRole('textbox', { name: 'Size values' }), ['XL']);
      assert.equal(
        await cell(page, 'Price', 'Navy / XL').inputValue(),
        '119.00',
        'a new size starts at its color’s price',
      );
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Changes saved').first().waitFor();
      const edited = await getProduct(database.db, storeId, productId);
      assert.equal(edited.variants.length, 8);
      for (const variant of saved.variants) {
        const now = edited.variants.find((v) => v.id === variant.id);
        assert.ok(now, `${variant.option1} / ${variant.option2} kept its id`);
        assert.equal(now.sku, variant.sku);
        assert.equal(now.priceAmount, variant.option1 === 'Navy' ? 11900 : variant.priceAmount);
      }
      await page.reload();
      assert.equal(await cell(page, 'Price', 'Navy / S').inputValue(), '119.00');
      assert.equal(await cell(page, 'Price', 'Olive / XL').inputValue(), '120.00');
      await page.context().close();
    });

    test('a content editor’s price change of a live product is staged for review', async () => {
      const page = await signIn(editorLogin);
      await page.goto(`${base}/admin/stores/field-and-fell/products/${liveProductId}`);
      await cell(page, 'Price', '43-46').fill('21.00');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved for review').first().waitFor();
      await page.getByTestId('revision-diff').waitFor();
      assert.equal(
        await cell(page, 'Price', '43-46').inputValue(),
        '21.00',
        'the grid shows the staged price',
      );
      const live = await getProduct(database.db, storeId, liveProductId);
      assert.deepEqual(
        live.variants.map((v) => v.priceAmount),
        [1800, 1800],
        'the live product is unchanged',
      );
      await page.screenshot({ path: `${shots}variant-grid-staged-${target.kind}.png`, fullPage: true });
      await page.reload();
      assert.equal(
        await cell(page, 'Price', '43-46').inputValue(),
        '21.00',
        'the staged price after a reload',
      );
      await page.context().close();
    });
  });
}
