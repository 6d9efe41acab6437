// Customers in real Chromium. Three customers bought: Ada spent €350.00 in three orders (one of them
// $125.00 at 1.25 dollars to the euro), Grace €40.00 once long ago, Alan nothing yet; Ada said yes to
// marketing at checkout. A manager opens the customer list (figures in the columns), builds a
// segment "spent more than €100.00" and watches the live count say one customer, saves it, picks it
// in the list's segment menu, and opens Ada's profile: her figures (the dollar order converted, and
// said so), her orders, and her consent with where it came from. Screenshots go to
// scratch/screens/customers-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findOrCreateGuestCustomer, recordMarketingConsent } from '../../src/modules/customers/index.ts';
import { insertOrderRows } from '../../src/modules/customers/testing/order-rows.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const storeAdmin = '/admin/stores/kind-goods';
const day = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`customers and segments in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'kind-goods', 'EUR');
      const manager = await makeMember(database, store.id, 'manager');
      const ids: Record<string, string> = {};
      for (const [email, firstName, lastName] of [
        ['ada@example.test', 'Ada', 'Lovelace'],
        ['grace@example.test', 'Grace', 'Hopper'],
        ['alan@example.test', 'Alan', 'Turing'],
      ] as const) {
        ids[firstName] = (
          await database.db.transaction((tx) =>
            findOrCreateGuestCustomer(tx, store.id, { email, firstName, lastName }),
          )
        ).id;
      }
      await insertOrderRows(database, store.id, [
        { customerId: ids.Ada!, total: 15_000, currency: 'EUR', placedAt: new Date(Date.now() - 3 * day) },
        { customerId: ids.Ada!, total: 10_000, currency: 'EUR', placedAt: new Date(Date.now() - 30 * day) },
        { customerId: ids.Grace!, total: 4_000, currency: 'EUR', placedAt: new Date(Date.now() - 200 * day) },
        // $125.00 at 1 EUR = 1.25 USD: €100.00 of Ada's amount spent.
        { customerId: ids.Ada!, total: 12_500, currency: 'USD', placedAt: new Date(Date.now() - 5 * day) },
      ]);
      await database.execute(
        `insert into exchange_rates (id, store_id, base_currency, quote_currency, rate, effective_on)
         values ('fx_kind_goods_usd', $1, 'EUR', 'USD', '1.25', $2)`,
        [store.id, new Date(Date.now() - 365 * day).toISOString().slice(0, 10)],
      );
      await database.db.transaction((tx) =>
        recordMarketingConsent(tx, store.id, ids.Ada!, { source: 'checkout_checkbox', ip: '192.0.2.10' }),
      );
      page = await admin.signIn(manager);
    });
    after(async () => {
      await admin?.close();
    });

    test('the list shows figures; a segment is built with a live count, saved, picked; a profile opens', async () => {
      await page.goto(`${admin.base}${storeAdmin}`);
      await storeNavLink(page, 'Customers').click();
      await page.getByRole('heading', { name: 'Customers', exact: true }).waitFor();
      const rows = page.getByTestId('customer-row');
      await eventually(
        () => rows.count(),
        (n) => n === 3,
        'three customers',
      );
      await page.getByRole('combobox', { name: 'Sort' }).click();
      await page.getByRole('option', { name: 'Amount spent, highest first' }).click();
      await eventually(
        () => rows.first().textContent(),
        (text) => !!text?.includes('Ada Lovelace') && !!text?.includes('€350.00'),
        'Ada first, with her €350.00',
      );
      await screenshotScreen(page, `customers-list-${target.kind}`);
      const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), exportHref);
      assert.match(csv, /First Name,Last Name,Email,Accepts Email Marketing/);
      assert.match(csv, /Ada,Lovelace,ada@example\.test,yes/);

      await storeNavLink(page, 'Segments').click();
      await page.getByRole('heading', { name: 'Segments', exact: true }).waitFor();
      await page.getByLabel('Name').fill('Big spenders');
      const amount = page.getByLabel('Value of Amount spent');
      await amount.fill('30');
      const count = page.getByTestId('segment-count');
      await eventually(
        () => count.textContent(),
        (text) => !!text?.includes('2 customers match now.'),
        'the count for more than €30.00',
      );
      await amount.fill('100');
      await eventually(
        () => count.textContent(),
        (text) => !!text?.includes('1 customer matches now.'),
        'the count for more than €100.00',
      );
      await screenshotScreen(page, `customers-segment-builder-${target.kind}`);
      await page.getByRole('button', { name: 'Create segment' }).click();
      await page.getByTestId('segment-item').filter({ hasText: 'Big spenders' }).waitFor();

      await storeNavLink(page, 'Customers').click();
      await page.getByRole('combobox', { name: 'Segment' }).click();
      await page.getByRole('option', { name: 'Big spenders' }).click();
      await eventually(
        () => rows.count(),
        (n) => n === 1,
        'one customer in the segment',
      );
      await page.getByRole('link', { name: 'Ada Lovelace' }).click();
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      const consent = page.getByRole('table', { name: 'Consent history' });
      await consent.waitFor();
      assert.match((await consent.textContent()) ?? '', /Checkout checkbox/);
      assert.equal(await page.getByRole('switch', { name: 'Accepts e-mail marketing' }).isChecked(), true);
      const orders = (await page.getByRole('table', { name: 'Recent orders' }).textContent()) ?? '';
      assert.match(orders, /€150\.00/);
      assert.match(orders, /€100\.00/);
      assert.match(orders, /\$125\.00/);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /€350\.00/);
      assert.match(main, /Orders in other currencies converted at the rate of their day\./);
      await screenshotScreen(page, `customers-profile-${target.kind}`);
    });
  });
}
