// The morning briefing in real Chromium. Four weeks of sales are in the ledger: Oat Mug sells 2 a
// day with 12 left and Nordic Ceramics takes 10 days to deliver (packs of 6). An operations person
// signs in and lands on the store's home: the first thing to do is to reorder from Nordic Ceramics,
// and its link opens a new purchase order already filled in (supplier, 66 mugs at €4.20) that saves
// as a draft. A content editor's home has no stock or figures, only listing work. They turn the
// morning e-mail on from the same page. Screenshots go to scratch/screens/briefing-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { recordMovements } from '../../src/modules/inventory/index.ts';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/dawn-pottery';
const storeAdmin = '/admin/stores/dawn-pottery';
const day = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`the daily briefing in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let contentLogin: { email: string; password: string };
    let mug: string;
    let nordic: string;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'dawn-pottery', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      contentLogin = await makeMember(database, store.id, 'content');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const warehouse = await makeLocation(database, store.id, 'Dawn warehouse');
      const product = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { title: 'Oat Mug', price: { amount: 1800 }, sku: 'MUG-OAT', status: 'active' },
      });
      assert.equal(product.statusCode, 201, product.body);
      mug = product.json().product.variants[0].id;
      const actor = systemActor('e2e history');
      await database.db.transaction((tx) =>
        recordMovements(
          tx,
          store.id,
          actor,
          [{ variantId: mug, locationId: warehouse.id, kind: 'receive', quantity: 12 + 56 }],
          { recordedAt: new Date(Date.now() - 40 * day) },
        ),
      );
      for (let d = 28; d >= 1; d--) {
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            [{ variantId: mug, locationId: warehouse.id, kind: 'sale', quantity: -2 }],
            { recordedAt: new Date(Date.now() - d * day + 3_600_000) },
          ),
        );
      }
      const supplier = await owner.request({
        method: 'POST',
        url: `${api}/inventory/suppliers`,
        payload: { name: 'Nordic Ceramics', currency: 'EUR', leadTimeDays: 10 },
      });
      assert.equal(supplier.statusCode, 201, supplier.body);
      nordic = supplier.json().supplier.id;
      const offer = await owner.request({
        method: 'PUT',
        url: `${api}/inventory/suppliers/${nordic}/variants`,
        payload: { items: [{ variantId: mug, cost: { amount: 420 }, packSize: 6 }] },
      });
      assert.equal(offer.statusCode, 200, offer.body);
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('signing in opens the briefing; its first action opens the purchase order filled in, which saves as a draft', async () => {
      await page.waitForURL(new RegExp(`${storeAdmin}$`));
      const actions = page.getByRole('region', { name: 'What to do now' });
      const reorder = actions.getByRole('link', {
        name: 'Reorder 1 variant from Nordic Ceramics: the draft purchase order is ready',
      });
      await reorder.waitFor();
      const text = ((await actions.textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(text, /Now/);
      assert.match(text, /Oat Mug runs out in 6 days; Nordic Ceramics delivers in 10 days\./);
      assert.match(text, /At stake: €144\.00\./, '2 a day × 4 days out × €18');
      await screenshotScreen(page, `briefing-home-${target.kind}`);

      await reorder.click();
      await page.getByRole('heading', { name: 'New purchase order' }).waitFor();
      const url = new URL(page.url());
      assert.equal(url.pathname, `${storeAdmin}/purchasing/new`);
      assert.equal(url.searchParams.get('supplierId'), nordic);
      assert.equal(url.searchParams.get('lines'), `${mug}:66`);
      const quantity = page.getByLabel('Quantity of Oat Mug (MUG-OAT)');
      await eventually(
        () => quantity.inputValue(),
        (v) => v === '66',
        'the prefilled quantity',
      );
      assert.equal(
        await page.getByRole('combobox', { name: 'Supplier' }).inputValue(),
        'Nordic Ceramics (EUR)',
      );
      assert.equal(await page.getByLabel('Unit cost of Oat Mug (MUG-OAT)').inputValue(), '4.20');
      await screenshotScreen(page, `briefing-prefilled-${target.kind}`);
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(new RegExp(`${storeAdmin}/purchasing/po_`));
      const orders = await owner.request({ method: 'GET', url: `${api}/inventory/purchase-orders?limit=10` });
      assert.equal(orders.json().items.length, 1);
    });

    test('the morning e-mail is turned on from the briefing, at an hour of the reader’s clock', async () => {
      await page.goto(`${admin.base}${storeAdmin}`);
      const mailSwitch = page.getByRole('switch', { name: 'E-mail me this every morning' });
      await mailSwitch.waitFor();
      assert.equal(await mailSwitch.isChecked(), false);
      // The switch's input lies under its track, which takes the click.
      await mailSwitch.click({ force: true });
      await eventually(
        () => mailSwitch.isChecked(),
        (checked) => checked,
        'the switch on',
      );
      await page.getByRole('combobox', { name: 'Send at' }).waitFor();
      await screenshotScreen(page, `briefing-mail-on-${target.kind}`);
      const setting = await page.evaluate(async () => (await fetch('/api/me/briefing-mail')).json());
      assert.equal(setting.enabled, true);
      assert.equal(setting.sendHour, 7);
    });

    test('a content editor’s home holds listing work only: no figures, no stock', async () => {
      const editor = await admin.signIn(contentLogin);
      await editor.waitForURL(new RegExp(`${storeAdmin}$`));
      const actions = editor.getByRole('region', { name: 'What to do now' });
      await actions.getByRole('link', { name: 'Add images to 1 listing' }).waitFor();
      assert.equal(await editor.getByRole('region', { name: 'Yesterday against expected' }).count(), 0);
      assert.equal(await actions.getByRole('link', { name: /Reorder/ }).count(), 0);
      await editor.getByRole('link', { name: 'Write descriptions for 1 listing' }).click();
      await editor.waitForURL(/\/seo\?rule=thin_description$/);
      await screenshotScreen(editor, `briefing-content-${target.kind}`);
    });
  });
}
