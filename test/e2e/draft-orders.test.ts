// A phone order in real Chromium: a member of the support team builds a draft for a customer who
// called — two products found by title, a quantity changed, the customer's e-mail and address, the
// express option the checkout's quote offers, a discount code — with the totals (tax per rate)
// following every change; sends the invoice and copies its link; then takes the payment by phone
// ("Mark as paid") and lands on the new order, paid, its stock sold. Screenshots go to
// scratch/screens/drafts-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Store } from '../../src/modules/access/index.ts';
import { type EuShop, makeEuShop } from '../../src/modules/checkout/testing/placement-setup.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const screensDir = new URL('../../scratch/screens/', import.meta.url).pathname;
const handle = 'linen-phone';
const api = `/api/admin/stores/${handle}`;

for (const target of testDatabaseTargets()) {
  describe(`draft orders in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let store: Store;
    let eu: EuShop;
    const shot = async (name: string) => {
      await page.waitForTimeout(300);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await screenshotScreen(page, `drafts-${name}-${target.kind}`, { height: Math.max(760, height) });
    };
    const shotModal = async (name: string) => {
      for (const closer of await page.locator('.mantine-Notification-closeButton').all()) {
        await closer.click({ force: true }).catch(() => {});
      }
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${screensDir}drafts-${name}-${target.kind}.png` });
    };
    const get = async (url: string) => {
      const res = await owner.request({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const onHand = async (variantId: string): Promise<number> =>
      (await get(`${api}/inventory/variants/${variantId}`)).stock.onHand;
    const draftIdOfUrl = () => /\/draft-orders\/(cart_[0-9a-z]{26})$/.exec(new URL(page.url()).pathname)?.[1];

    before(async () => {
      admin = await startAdminInChromium(target);
      store = await makeStore(admin.database, handle, 'EUR');
      eu = await makeEuShop(admin.database, store);
      owner = await Browser.signIn(admin.sp.app, (await makeMember(admin.database, store.id, 'owner')).email);
      page = await admin.signIn(await makeMember(admin.database, store.id, 'support'));
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    test('staff take a phone order as a draft and complete it as paid', async () => {
      const shirtBefore = await onHand(eu.shirt.variantIds[0]!);
      await storeNavLink(page, 'Drafts').click();
      await page.getByRole('heading', { name: 'Draft orders' }).waitFor();
      await page.getByText('No draft orders yet').waitFor();
      await page.getByRole('link', { name: 'New draft order' }).first().click();
      await page.getByRole('heading', { name: 'New draft order' }).waitFor();

      // Two products, found by title; the first one creates the draft.
      const pick = async (title: string) => {
        const picker = page.getByRole('combobox', { name: 'Add a product' });
        await picker.fill(title);
        await page.getByRole('option', { name: new RegExp(title) }).click();
        await page.getByRole('table', { name: 'Draft lines' }).getByText(title).waitFor();
      };
      await pick('Linen shirt');
      await eventually(
        async () => draftIdOfUrl(),
        (id) => id !== undefined,
        'the draft has its own address',
      );
      const draftId = draftIdOfUrl()!;
      await pick('Field guide');
      await page.getByText('Before it can be paid').waitFor();
      await shot('started');
      const quantity = page.getByRole('textbox', { name: 'Quantity of Linen shirt' });
      await quantity.fill('2');
      await quantity.press('Enter');
      await eventually(
        async () =>
          (await get(`${api}/draft-orders/${draftId}`)).draft.lines.map(
            (l: { quantity: number }) => l.quantity,
          ),
        (q) => JSON.stringify(q) === '[2,1]',
        'two shirts and a guide',
      );

      // The customer who called, and where it goes.
      await page.getByRole('textbox', { name: 'E-mail' }).fill('ada@example.com');
      await page.getByRole('button', { name: 'Save e-mail' }).click();
      await page.getByRole('link', { name: 'ada@example.com' }).waitFor();
      const address = page.getByRole('form', { name: 'Shipping address' });
      await address.getByRole('textbox', { name: 'First name' }).fill('Ada');
      await address.getByRole('textbox', { name: 'Last name' }).fill('Lovelace');
      await address.getByRole('textbox', { name: 'Address', exact: true }).fill('Hauptstraße 1');
      await address.getByRole('textbox', { name: 'Postal code' }).fill('10115');
      await address.getByRole('textbox', { name: 'City' }).fill('Berlin');
      await address.getByRole('combobox', { name: 'Country' }).fill('Germany');
      await page.getByRole('option', { name: 'Germany (DE)' }).click();
      await address.getByRole('button', { name: 'Save address' }).click();
      await page.getByText('Hauptstraße 1').waitFor();

      // The checkout's own options for Berlin; express chosen; a code taken off.
      await page.getByRole('radio', { name: /Express/ }).check();
      await eventually(
        async () => (await get(`${api}/draft-orders/${draftId}`)).draft.shippingOptionKey,
        (key) => key === eu.express,
        'express chosen',
      );
      await page.getByRole('textbox', { name: 'Discount code' }).fill('WELCOME10');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('WELCOME10 · Welcome').waitFor();

      const draft = (await get(`${api}/draft-orders/${draftId}`)).draft;
      assert.deepEqual(draft.missing, []);
      const totals = page.getByRole('group', { name: 'Draft totals' });
      const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(
        draft.priced.totals.total / 100,
      );
      await totals.getByText(total).waitFor();
      const totalsText = (await totals.textContent()) ?? '';
      assert.match(totalsText, /MwSt\. 19 %/, 'tax per rate');
      assert.match(totalsText, /MwSt\. 7 %/);
      assert.match(totalsText, /Express/);
      await shot('editor');

      // The invoice: the e-mail goes out, and the link can be copied for a text message.
      await page.getByRole('button', { name: 'Send invoice' }).click();
      const sendDialog = page.getByRole('dialog', { name: /Send D\d{4} to the customer/ });
      await sendDialog
        .getByRole('textbox', { name: 'Message' })
        .fill('As agreed on the phone: express to Berlin.');
      await shotModal('send-invoice');
      await sendDialog.getByRole('button', { name: 'Send invoice' }).click();
      const linkField = page
        .getByRole('dialog', { name: 'Invoice sent' })
        .getByRole('textbox', { name: 'Payment link' });
      await linkField.waitFor();
      assert.match(
        await linkField.inputValue(),
        new RegExp(`/s/${handle}/checkout\\?draft=[A-Za-z0-9_-]{43}$`),
      );
      await shotModal('invoice-link');
      await page.getByRole('button', { name: 'Done' }).click();
      await page
        .getByText(/invoice sent/)
        .first()
        .waitFor();

      // The customer pays on the phone after all: staff mark it paid.
      await page.getByRole('button', { name: 'Collect payment' }).click();
      await page.getByRole('menuitem', { name: 'Mark as paid' }).click();
      await page
        .getByRole('dialog', { name: 'Mark as paid' })
        .getByRole('button', { name: /Place order, paid/ })
        .click();
      await page.waitForURL(/\/orders\/ord_[0-9a-z]{26}$/);
      const orderId = /\/orders\/(ord_[0-9a-z]{26})$/.exec(page.url())![1]!;
      await page.getByText('Paid', { exact: true }).first().waitFor();
      await shot('order');

      const order = (await get(`${api}/orders/${orderId}`)).order;
      assert.deepEqual(
        [order.source, order.financialStatus, order.total, order.email],
        ['admin', 'paid', draft.priced.totals.total, 'ada@example.com'],
      );
      assert.equal(await onHand(eu.shirt.variantIds[0]!), shirtBefore - 2, 'two shirts sold');

      // The list shows the draft completed, with its order.
      await storeNavLink(page, 'Drafts').click();
      const table = page.getByRole('table', { name: 'Draft orders' });
      await table.waitFor();
      const rows = await tableRows(table);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]![0], draft.name);
      assert.match(rows[0]![3]!, new RegExp(`Completed.*Order #${order.number}`, 'i'));
      assert.match(rows[0]![5]!, new RegExp(total.replace(/[.$]/g, '\\$&')));
      await shot('list');
      await table.getByRole('link', { name: draft.name }).click();
      await page.getByText('This draft is an order now').waitFor();
      await page.getByText(orderId).waitFor();
      await shot('completed');
    });
  });
}
