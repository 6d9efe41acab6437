// An operations person keeps a supplier's catalog in real Chromium: they open the supplier from the
// Suppliers list (its terms, an empty catalog, no orders), change its lead time, add two variants
// with their cost and pack size, change one, see a pack size of 0 refused by the server and a
// negative cost refused by the form (each on its field, nothing written), remove one after a
// confirmation, and start a purchase order to the supplier whose line takes the catalog's cost and
// pack size. An analyst (purchasing:read only) sees the same page without its write actions.
// Screenshots go to scratch/screens/supplier-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/fjord-pottery';

interface CatalogRow {
  variantId: string;
  sku: string | null;
  supplierSku: string | null;
  cost: { amount: number; currency: string };
  packSize: number;
  minimumOrderQuantity: number;
}

for (const target of testDatabaseTargets()) {
  describe(`supplier screen in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let supplierId: string;
    let analystLogin: { email: string; password: string };
    const shot = (name: string, on: Page = page) => screenshotScreen(on, `supplier-${name}-${target.kind}`);
    /** The supplier's catalog as the API holds it, by our SKU. */
    const catalog = async (): Promise<Map<string | null, CatalogRow>> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/suppliers/${supplierId}` });
      assert.equal(res.statusCode, 200, res.body);
      return new Map((res.json().variants as CatalogRow[]).map((v) => [v.sku, v]));
    };
    const catalogTable = () => page.getByRole('table', { name: 'Supplier catalog' });
    /** The catalog table's rows as "our SKU → [supplier SKU, cost, pack size, minimum]". */
    const shownRows = async () =>
      new Map(
        (await tableRows(catalogTable(), 'text')).map((cells) => [
          /SKU (\S+)/.exec(cells[0] ?? '')?.[1] ?? '',
          cells.slice(1, 5),
        ]),
      );
    const pickVariant = async (search: string, option: string) => {
      await page.getByRole('combobox', { name: 'Add a variant' }).fill(search);
      await page.getByRole('option', { name: option }).click();
    };

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'fjord-pottery', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      analystLogin = await makeMember(database, store.id, 'analyst');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      await makeLocation(database, store.id, 'Fjord warehouse');
      const products = [
        { title: 'Oat Mug', price: { amount: 1800 }, sku: 'MUG-OAT' },
        {
          title: 'Glaze Jar',
          options: [{ name: 'Size', values: ['S', 'L'] }],
          variants: [
            { optionValues: ['S'], price: { amount: 2200 }, sku: 'JAR-S' },
            { optionValues: ['L'], price: { amount: 3200 }, sku: 'JAR-L' },
          ],
        },
      ];
      for (const payload of products) {
        const res = await owner.request({ method: 'POST', url: `${api}/products`, payload });
        assert.equal(res.statusCode, 201, res.body);
      }
      const created = await owner.request({
        method: 'POST',
        url: `${api}/inventory/suppliers`,
        payload: {
          name: 'Nordic Ceramics',
          contactName: 'Ada Lind',
          phone: '+47 22 00 00 00',
          email: 'orders@nordic.example',
          currency: 'EUR',
          leadTimeDays: 14,
          minimumOrderQuantity: 24,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      supplierId = created.json().supplier.id;
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('the supplier opens from the list with its terms, an empty catalog and no orders; its terms can be edited', async () => {
      await storeNavLink(page, 'Purchasing').click();
      await page.getByRole('link', { name: 'Suppliers' }).click();
      await page
        .getByRole('table', { name: 'Suppliers' })
        .getByRole('link', { name: 'Nordic Ceramics' })
        .click();
      await page.getByRole('heading', { name: 'Nordic Ceramics' }).waitFor();
      assert.match(page.url(), new RegExp(`/admin/stores/fjord-pottery/purchasing/suppliers/${supplierId}$`));

      const terms = page.getByRole('region', { name: 'Terms' });
      const termsText = ((await terms.textContent()) ?? '').replace(/\s+/g, ' ');
      for (const expected of [
        'Ada Lind · +47 22 00 00 00',
        'orders@nordic.example',
        'EUR',
        '14 days',
        '24 units per order',
        'PDF by e-mail',
      ]) {
        assert.ok(termsText.includes(expected), `terms show ${expected}: ${termsText}`);
      }
      await page.getByText('Nothing in this catalog yet').waitFor();
      await page.getByText('No purchase orders to Nordic Ceramics yet.').waitFor();
      await shot('empty');

      await page.getByRole('button', { name: 'Edit supplier' }).click();
      const form = page.getByRole('dialog', { name: 'Edit Nordic Ceramics' });
      await form.getByLabel('Lead time (days)').fill('10');
      await form.getByRole('button', { name: 'Save supplier' }).click();
      await form.waitFor({ state: 'detached' });
      await terms.getByText('10 days').waitFor();
    });

    test('two variants are added with their cost and pack size, and one is changed', async () => {
      await pickVariant('MUG', 'Oat Mug (MUG-OAT)');
      let dialog = page.getByRole('dialog', { name: 'Add to catalog' });
      await dialog.getByText('Oat Mug (MUG-OAT)').waitFor();
      await dialog.getByLabel('Supplier SKU').fill('NC-MUG-01');
      await dialog.getByLabel('Cost per unit (EUR)').fill('4.20');
      await dialog.getByLabel('Pack size').fill('6');
      await dialog.getByLabel('Minimum order quantity').fill('12');
      await dialog.getByRole('button', { name: 'Add to catalog' }).click();
      await dialog.waitFor({ state: 'detached' });

      await pickVariant('JAR', 'Glaze Jar – L (JAR-L)');
      dialog = page.getByRole('dialog', { name: 'Add to catalog' });
      await dialog.getByLabel('Cost per unit (EUR)').fill('7.5');
      await dialog.getByLabel('Pack size').fill('4');
      await dialog.getByRole('button', { name: 'Add to catalog' }).click();
      await dialog.waitFor({ state: 'detached' });

      const rows = await eventually(shownRows, (r) => r.size === 2, 'catalog rows');
      assert.deepEqual(rows.get('MUG-OAT'), ['NC-MUG-01', '€4.20', '6', '12']);
      assert.deepEqual(rows.get('JAR-L'), ['—', '€7.50', '4', '1']);
      const jarCell = (await tableRows(catalogTable(), 'text')).find((cells) =>
        cells[0]?.includes('JAR-L'),
      )?.[0];
      assert.match(jarCell ?? '', /^Glaze Jar – L\s*SKU JAR-L$/, 'product title, variant title and our SKU');
      let stored = await catalog();
      assert.deepEqual(
        [stored.get('MUG-OAT')?.cost, stored.get('MUG-OAT')?.packSize, stored.get('MUG-OAT')?.supplierSku],
        [{ amount: 420, currency: 'EUR' }, 6, 'NC-MUG-01'],
      );
      assert.deepEqual([stored.get('JAR-L')?.cost.amount, stored.get('JAR-L')?.packSize], [750, 4]);
      // A variant already in the catalog is not offered again.
      await page.getByRole('combobox', { name: 'Add a variant' }).fill('JAR');
      await page.getByRole('option', { name: 'Glaze Jar – S (JAR-S)' }).waitFor();
      assert.equal(await page.getByRole('option', { name: 'Glaze Jar – L (JAR-L)' }).count(), 0);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Edit terms of Oat Mug (MUG-OAT)' }).click();
      dialog = page.getByRole('dialog', { name: 'Edit catalog row' });
      assert.equal(await dialog.getByLabel('Cost per unit (EUR)').inputValue(), '4.20');
      await dialog.getByLabel('Cost per unit (EUR)').fill('3.95');
      await dialog.getByLabel('Pack size').fill('12');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await eventually(
        async () => (await shownRows()).get('MUG-OAT'),
        (r) => r?.[1] === '€3.95',
        'edited row',
      );
      assert.deepEqual((await shownRows()).get('MUG-OAT'), ['NC-MUG-01', '€3.95', '12', '12']);
      stored = await catalog();
      assert.equal(stored.get('MUG-OAT')?.cost.amount, 395);
      assert.equal(stored.get('MUG-OAT')?.packSize, 12);
      await shot('catalog');
    });

    test('a pack size of 0 and a negative cost are refused on their fields, and nothing is written', async () => {
      const before = await catalog();
      await page.getByRole('button', { name: 'Edit terms of Glaze Jar – L (JAR-L)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit catalog row' });
      const packSize = dialog.getByLabel('Pack size');
      const cost = dialog.getByLabel('Cost per unit (EUR)');

      // The form sends the 0 as typed; the server refuses it, on the pack size input.
      await packSize.fill('0');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await eventually(
        () => packSize.getAttribute('aria-invalid'),
        (v) => v === 'true',
        'pack size marked invalid',
      );
      await dialog.getByText(/A pack holds at least 1 unit\./).waitFor();
      assert.notEqual(await cost.getAttribute('aria-invalid'), 'true', 'only the pack size is refused');
      await shot('refused');

      await packSize.fill('4');
      await cost.fill('-2.00');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('The price cannot be negative.').waitFor();
      assert.equal(await cost.getAttribute('aria-invalid'), 'true');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      assert.deepEqual(await catalog(), before, 'the catalog is as it was');
      assert.deepEqual((await shownRows()).get('JAR-L'), ['—', '€7.50', '4', '1']);
    });

    test('a row is removed only once the removal is confirmed', async () => {
      const remove = page.getByRole('button', { name: 'Remove Glaze Jar – L (JAR-L)' });
      await remove.click();
      let confirm = page.getByRole('dialog', { name: "Remove from Nordic Ceramics's catalog?" });
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      assert.equal((await catalog()).size, 2, 'kept after Cancel');

      await remove.click();
      confirm = page.getByRole('dialog', { name: "Remove from Nordic Ceramics's catalog?" });
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await confirm.waitFor({ state: 'detached' });
      await eventually(shownRows, (r) => r.size === 1, 'rows after removal');
      assert.deepEqual([...(await catalog()).keys()], ['MUG-OAT']);
    });

    test("a new purchase order to the supplier takes the catalog's cost and pack size", async () => {
      await page.getByRole('link', { name: 'New purchase order' }).click();
      await page.getByRole('heading', { name: 'New purchase order' }).waitFor();
      await page.getByRole('combobox', { name: 'Supplier' }).click();
      await page.getByRole('option', { name: 'Nordic Ceramics (EUR)' }).click();
      await pickVariant('MUG', 'Oat Mug (MUG-OAT)');
      const quantity = page.getByLabel('Quantity of Oat Mug (MUG-OAT)');
      const unitCost = page.getByLabel('Unit cost of Oat Mug (MUG-OAT)');
      // The line starts at the catalog's terms: one pack of 12 (the minimum) at 3.95.
      assert.equal(await quantity.inputValue(), '12');
      assert.equal(await unitCost.inputValue(), '3.95');

      // 18 is not whole packs of 12: refused on the line.
      await quantity.fill('18');
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.getByText('Nordic Ceramics sells this in packs of 12: order a multiple of 12.').waitFor();
      assert.equal(await quantity.getAttribute('aria-invalid'), 'true');

      // With the cost left blank the server takes the catalog's.
      await quantity.fill('24');
      await unitCost.fill('');
      await page.getByRole('button', { name: 'Create draft' }).click();
      await badge(page, 'Draft').waitFor();
      const orderId = /\/purchasing\/([^/?]+)$/.exec(page.url())?.[1];
      assert.ok(orderId, page.url());
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/purchase-orders/${orderId}` });
      assert.equal(res.statusCode, 200, res.body);
      const order = res.json().purchaseOrder as {
        label: string;
        lines: { sku: string; supplierSku: string; quantityOrdered: number; unitCost: { amount: number } }[];
        total: { amount: number };
      };
      assert.deepEqual(
        order.lines.map((l) => [l.sku, l.supplierSku, l.quantityOrdered, l.unitCost.amount]),
        [['MUG-OAT', 'NC-MUG-01', 24, 395]],
      );
      assert.equal(order.total.amount, 24 * 395);

      // Back on the supplier's page, the order is among its recent ones.
      await page.goto(`${admin.base}/admin/stores/fjord-pottery/purchasing/suppliers/${supplierId}`);
      const recent = page.getByRole('table', { name: 'Recent purchase orders' });
      const rows = await eventually(
        () => tableRows(recent, 'text'),
        (r) => r.length === 1,
        'recent orders',
      );
      assert.deepEqual(rows[0]!.slice(0, 3), [order.label, 'Fjord warehouse', '0 / 24']);
      assert.match(rows[0]![3]!, /94\.80/);
      assert.equal(rows[0]![4], 'Draft');
      await page.getByRole('link', { name: 'See the order in the list' }).waitFor();
      await shot('page');
    });

    test('an analyst reads the supplier without its write actions; an unknown supplier says so', async () => {
      const analyst = await admin.signIn(analystLogin);
      try {
        await analyst.goto(`${admin.base}/admin/stores/fjord-pottery/purchasing/suppliers/${supplierId}`);
        await analyst.getByRole('heading', { name: 'Nordic Ceramics' }).waitFor();
        const table = analyst.getByRole('table', { name: 'Supplier catalog' });
        await eventually(
          () => tableRows(table, 'text'),
          (r) => r.length === 1,
          'catalog rows for the analyst',
        );
        await analyst.getByRole('table', { name: 'Recent purchase orders' }).waitFor();
        for (const name of ['Edit supplier', 'Edit terms of Oat Mug (MUG-OAT)', 'Remove Oat Mug (MUG-OAT)']) {
          assert.equal(await analyst.getByRole('button', { name }).count(), 0, `no ${name} button`);
        }
        assert.equal(await analyst.getByRole('link', { name: 'New purchase order' }).count(), 0);
        assert.equal(await analyst.getByRole('combobox', { name: 'Add a variant' }).count(), 0);
        await shot('read-only', analyst);

        await analyst.goto(`${admin.base}/admin/stores/fjord-pottery/purchasing/suppliers/sup_missing`);
        await analyst.getByRole('alert').getByText('Supplier not found.').waitFor();
        await analyst.getByRole('link', { name: 'Suppliers' }).waitFor();
        await shot('not-found', analyst);
      } finally {
        await analyst.close();
      }
    });
  });
}
