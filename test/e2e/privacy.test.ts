// Privacy requests in real Chromium. An owner opens a customer's profile, exports their data (the
// JSON downloads from the link that appears), then erases them: the button stays disabled until the
// e-mail is typed exactly, and afterwards the profile shows the tombstone address. The Privacy
// screen lists both requests (the export's file deleted by the erasure) and sets how long analytics
// events are kept. Screenshots go to scratch/screens/privacy-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findOrCreateGuestCustomer, recordMarketingConsent } from '../../src/modules/customers/index.ts';
import { insertOrderRows } from '../../src/modules/customers/testing/order-rows.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const storeAdmin = '/admin/stores/quiet-goods';
const email = 'ada.lovelace@example.test';

for (const target of testDatabaseTargets()) {
  describe(`privacy requests in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let customerId: string;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'quiet-goods', 'EUR');
      const owner = await makeMember(database, store.id, 'owner');
      customerId = (
        await database.db.transaction((tx) =>
          findOrCreateGuestCustomer(tx, store.id, { email, firstName: 'Ada', lastName: 'Lovelace' }),
        )
      ).id;
      await insertOrderRows(database, store.id, [
        { customerId, total: 15_000, currency: 'EUR', placedAt: new Date(Date.now() - 3 * 86_400_000) },
      ]);
      await database.db.transaction((tx) =>
        recordMarketingConsent(tx, store.id, customerId, { source: 'checkout_checkbox', ip: '192.0.2.10' }),
      );
      page = await admin.signIn(owner);
    });
    after(async () => {
      await admin?.close();
    });

    test('export a customer’s data, then erase them with the typed confirmation', async () => {
      await page.goto(`${admin.base}${storeAdmin}/customers/${customerId}`);
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      await page.getByRole('button', { name: 'Export data' }).click();
      const download = page.getByRole('link', { name: 'Download the export (JSON)' });
      await download.waitFor();
      const href = await download.getAttribute('href');
      const document = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
      assert.equal(document.data.customer.customers[0].email, email);
      assert.equal(document.data.customer.customer_marketing_consents[0].ip, '192.0.2.10');
      const log = page.getByRole('table', { name: 'Privacy requests' });
      await eventually(
        () => tableRows(log),
        (rows) => rows.length === 1 && /Data export.*ready/i.test(rows[0]!.join(' ')),
        'the export in the customer’s privacy requests',
      );
      await screenshotScreen(page, `privacy-customer-exported-${target.kind}`);
      if (target.kind === 'pglite')
        await page.screenshot({ path: '/tmp/privacy-customer.png', fullPage: true });

      await page.getByRole('button', { name: 'Erase customer…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Erase this customer?' });
      await dialog.waitFor();
      const erase = dialog.getByRole('button', { name: 'Erase for good' });
      assert.equal(await erase.isDisabled(), true, 'nothing typed');
      const confirmation = dialog.getByLabel('Type the customer’s e-mail address to confirm');
      await confirmation.fill('ada@example.test');
      assert.equal(await erase.isDisabled(), true, 'another address');
      await confirmation.fill(email.toUpperCase());
      assert.equal(await erase.isDisabled(), false, 'the address, in any case');
      await screenshotScreen(page, `privacy-erase-dialog-${target.kind}`);
      if (target.kind === 'pglite') await page.screenshot({ path: '/tmp/privacy-erase-dialog.png' });
      await erase.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`erased-${customerId}@invalid`).first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Erase customer…' }).isDisabled(), true);
      await eventually(
        () => tableRows(log),
        (rows) =>
          rows.length === 2 && /Erasure/.test(rows[0]!.join(' ')) && /deleted/i.test(rows[1]!.join(' ')),
        'the erasure logged, the export’s file deleted',
      );
      if (target.kind === 'pglite')
        await page.screenshot({ path: '/tmp/privacy-customer-erased.png', fullPage: true });
    });

    test('the Privacy screen lists the requests and sets the analytics retention', async () => {
      await page.goto(`${admin.base}${storeAdmin}`);
      await storeNavLink(page, 'Privacy').click();
      await page.getByRole('heading', { name: 'Privacy', exact: true }).waitFor();
      const log = page.getByRole('table', { name: 'Privacy requests' });
      await eventually(
        () => tableRows(log),
        (rows) =>
          rows.length === 2 &&
          rows[0]!.includes('Erasure') &&
          rows[0]!.includes(`erased-${customerId}@invalid`),
        'both requests, by the tombstone address',
      );
      const retention = page.getByRole('combobox', { name: 'Keep raw events for' });
      assert.equal(await retention.inputValue(), 'Forever');
      await retention.click();
      await page.getByRole('option', { name: '26 months' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Retention saved').waitFor();
      await page.reload();
      await eventually(
        () => page.getByRole('combobox', { name: 'Keep raw events for' }).inputValue(),
        (v) => v === '26 months',
        'the saved retention',
      );
      await screenshotScreen(page, `privacy-screen-${target.kind}`);
      if (target.kind === 'pglite')
        await page.screenshot({ path: '/tmp/privacy-screen.png', fullPage: true });
    });
  });
}
