// A euro store buys from a supplier who bills in US dollars, in real Chromium: the order form asks
// for the exchange rate only for that supplier (not for one billing in euros), refuses an order
// without it on the field, shows the server's refusal of an absurd rate on the field too, creates the
// draft at 0.9, takes 0.92 while it is a draft, and the order page shows the rate and the total in
// both currencies. Once sent, one line is received at $12.50 a unit: the variant's average cost is
// €11.50 (12.50 × 0.92), and the other line, not received, has none. Screenshots:
// scratch/screens/po-currency-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/harbor-eur';

for (const target of testDatabaseTargets()) {
  describe(`purchase orders in a foreign currency in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let lamp: string;
    let mug: string;
    let orderId: string;
    const nav = (name: string) => storeNavLink(page, name);
    const shot = (name: string) => screenshotScreen(page, `po-currency-${name}-${target.kind}`);
    const rateField = () => page.getByRole('textbox', { name: 'Exchange rate' });
    const get = async (url: string) => {
      const res = await owner.request({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const averageCost = async (variantId: string): Promise<number | null> =>
      (await get(`${api}/inventory/variants/${variantId}`)).stock.averageCostAmount;
    const makeProduct = async (title: string, sku: string) => {
      const res = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { title, price: { amount: 4000 }, sku },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product.variants[0].id as string;
    };
    const makeSupplier = async (name: string, currency: string) => {
      const res = await owner.request({
        method: 'POST',
        url: `${api}/inventory/suppliers`,
        payload: { name, currency, email: `orders@${currency.toLowerCase()}.example` },
      });
      assert.equal(res.statusCode, 201, res.body);
    };

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'harbor-eur', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      await makeLocation(database, store.id, 'Harbor warehouse');
      lamp = await makeProduct('Brass Lamp', 'LAMP-BR');
      mug = await makeProduct('Oat Mug', 'MUG-OAT');
      await makeSupplier('Boston Brass', 'USD');
      await makeSupplier('Lisbon Clay', 'EUR');
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('the rate is asked for a dollar supplier only, and required: on its field, by the form and by the server', async () => {
      await nav('Purchasing').click();
      await page.getByRole('link', { name: 'Create your first purchase order' }).click();

      await page.getByRole('combobox', { name: 'Supplier' }).click();
      await page.getByRole('option', { name: 'Lisbon Clay (EUR)' }).click();
      await page.getByRole('combobox', { name: 'Add a variant' }).waitFor();
      assert.equal(await rateField().count(), 0, 'no rate for a supplier billing in the store’s currency');

      await page.getByRole('combobox', { name: 'Supplier' }).click();
      await page.getByRole('option', { name: 'Boston Brass (USD)' }).click();
      await rateField().waitFor();
      await page.getByText('How many EUR you pay for 1 USD.', { exact: false }).waitFor();

      await page.getByRole('combobox', { name: 'Add a variant' }).fill('LAMP');
      await page.getByRole('option', { name: 'Brass Lamp (LAMP-BR)' }).click();
      await page.getByLabel('Quantity of Brass Lamp (LAMP-BR)').fill('10');
      await page.getByLabel('Unit cost of Brass Lamp (LAMP-BR)').fill('10.00');
      await page.getByRole('combobox', { name: 'Add a variant' }).fill('MUG');
      await page.getByRole('option', { name: 'Oat Mug (MUG-OAT)' }).click();
      await page.getByLabel('Quantity of Oat Mug (MUG-OAT)').fill('5');
      await page.getByLabel('Unit cost of Oat Mug (MUG-OAT)').fill('4.00');

      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.getByText('Give the rate: how many EUR 1 USD costs.').waitFor();
      assert.equal(await rateField().getAttribute('aria-invalid'), 'true');
      await shot('rate-required');

      // Above the server's bound: its refusal (path exchangeRate) lands on the same field.
      await rateField().fill('2000000');
      await page.getByRole('button', { name: 'Create draft' }).click();
      await eventually(
        async () => (await page.locator('.mantine-TextInput-error').allTextContents()).join(' '),
        (text) => /1000000|1,000,000/.test(text),
        'the server’s refusal on the rate field',
      );
      assert.equal(await rateField().getAttribute('aria-invalid'), 'true');
      assert.equal((await get(`${api}/inventory/purchase-orders`)).total, 0, 'no order was created');
      await shot('rate-refused');

      await rateField().fill('0.9');
      await page.getByRole('button', { name: 'Create draft' }).click();
      await badge(page, 'Draft').waitFor();
      orderId = page.url().split('/').pop()!;
      const order = (await get(`${api}/inventory/purchase-orders/${orderId}`)).purchaseOrder;
      assert.deepEqual(
        [order.currency, order.exchangeRate, order.total],
        ['USD', 0.9, { amount: 12000, currency: 'USD' }],
      );
      await page.getByText('1 USD = 0.9 EUR', { exact: true }).waitFor();
      await page.getByText('$120.00 ≈ €108.00', { exact: true }).waitFor();
    });

    test('the draft takes a new rate; the page shows it and the total in both currencies', async () => {
      assert.equal(await rateField().inputValue(), '0.9');
      await rateField().fill('0.92');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('1 USD = 0.92 EUR', { exact: true }).waitFor();
      await page.getByText('$120.00 ≈ €110.40', { exact: true }).waitFor();
      const order = (await get(`${api}/inventory/purchase-orders/${orderId}`)).purchaseOrder;
      assert.equal(order.exchangeRate, 0.92);
      assert.equal(await rateField().inputValue(), '0.92');
      await shot('draft');
    });

    test('sent, one line received at $12.50: its average cost is €11.50 at the order’s rate', async () => {
      await page.getByRole('button', { name: 'Send to supplier' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Send order' }).click();
      await badge(page, 'Sent').waitFor();
      assert.equal(await rateField().count(), 0, 'the rate is fixed once the order is sent');
      await page.getByText('1 USD = 0.92 EUR', { exact: true }).waitFor();

      assert.equal(await averageCost(lamp), null);
      await page.getByLabel('Receive now of Oat Mug (MUG-OAT)').fill('0');
      await page.getByLabel('Unit cost of Brass Lamp (LAMP-BR)').fill('12.50');
      await page.getByRole('button', { name: 'Receive into stock' }).click();
      await badge(page, 'Partially received').waitFor();

      // 12.50 USD × 0.92 = 11.50 EUR, in euro cents.
      await eventually(
        () => averageCost(lamp),
        (cost) => cost === 1150,
        'the lamp’s average cost',
      );
      assert.equal(await averageCost(mug), null, 'the mug was not received');
      const order = (await get(`${api}/inventory/purchase-orders/${orderId}`)).purchaseOrder;
      assert.deepEqual(
        order.receipts.map((r: { quantity: number; unitCost: unknown }) => [r.quantity, r.unitCost]),
        [[10, { amount: 1150, currency: 'EUR' }]],
      );
      // The receipt lists the cost as the ledger keeps it, in euros.
      await page.getByText(/10 × Brass Lamp \(LAMP-BR\) at €11\.50 by /).waitFor();
      await shot('received');
    });
  });
}
