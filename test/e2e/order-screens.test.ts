// A manager works orders in real Chromium: the list filtered by a quick view, a search and the sort
// (all kept in the address, the CSV link following the filter); an order fulfilled in two parcels
// with tracking numbers; one line refunded with restock (the live preview showing the amount, the
// stock coming back); a note on the timeline, newest first; a return opened, approved, received and
// refunded, seen on the returns screen and its reasons report; an order cancelled. A viewer sees the
// same order without a single action. Screenshots of every screen and modal go to scratch/screens/.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { type PlacedTestOrder, placeTestOrder } from '../../src/modules/orders/testing/order-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const screensDir = new URL('../../scratch/screens/', import.meta.url).pathname;
const handle = 'oak-and-ash';
const api = `/api/admin/stores/${handle}`;

for (const target of testDatabaseTargets()) {
  describe(`order screens in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let viewer: { email: string; password: string };
    /** Placed in this order: #1 shipped in two parcels and refunded, #2 awaits a transfer, … */
    const orders: PlacedTestOrder[] = [];
    /** The whole page, in a window as tall as it (the navigation is fixed to the window). */
    const shot = async (name: string, on: Page = page) => {
      await on.waitForTimeout(300);
      const height = await on.evaluate(() => document.documentElement.scrollHeight);
      await screenshotScreen(on, `orders-${name}-${target.kind}`, { height: Math.max(760, height) });
    };
    /** A modal as people see it: the window with the modal over the page (a full-page shot would not dim all of it). */
    const shotModal = async (name: string) => {
      for (const closer of await page.locator('.mantine-Notification-closeButton').all()) {
        await closer.click({ force: true }).catch(() => {});
      }
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${screensDir}orders-${name}-${target.kind}.png` });
    };
    const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });
    const orderLink = (n: number) =>
      page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: `#${n}` });
    const onHand = async (variantId: string): Promise<number> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/variants/${variantId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().stock.onHand;
    };
    const orderOf = async (orderId: string) => {
      const res = await owner.request({ method: 'GET', url: `${api}/orders/${orderId}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().order;
    };
    let numbers: number[] = [];

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, handle, 'EUR');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await makeMember(database, store.id, 'viewer');
      const location = await makeLocation(database, store.id, 'Leipzig warehouse');
      const place = async (options: Parameters<typeof placeTestOrder>[2]) => {
        orders.push(await placeTestOrder(database, store, { location, ...options }));
      };
      await place({ quantities: [2, 1], unitAmount: 1250, email: 'ada@example.com' });
      await place({ quantities: [1], unitAmount: 4900, payment: 'manual', email: 'grace@example.com' });
      await place({ quantities: [3], unitAmount: 800, capture: 'on_fulfilment', email: 'alan@example.com' });
      await place({ quantities: [1, 2], unitAmount: 2200, email: 'barbara@example.com' });
      await place({ quantities: [1], unitAmount: 15900, email: 'edsger@example.com' });
      numbers = orders.map((o) => o.order.number!);
      const tagged = await owner.request({
        method: 'PUT',
        url: `${api}/orders/${orders[3]!.order.id}/tags`,
        payload: { tags: ['wholesale', 'priority'] },
      });
      assert.equal(tagged.statusCode, 200, tagged.body);
      // #4 has shipped, so a return can be opened for it in the browser.
      const shipped = await owner.request({
        method: 'POST',
        url: `${api}/orders/${orders[3]!.order.id}/fulfilments`,
        payload: {
          lines: (await orderOf(orders[3]!.order.id)).lines.map((l: { id: string; quantity: number }) => ({
            orderLineId: l.id,
            quantity: l.quantity,
          })),
          carrier: 'DPD',
          trackingNumber: '01234567890123',
          notifyCustomer: false,
        },
      });
      assert.equal(shipped.statusCode, 201, shipped.body);
      page = await admin.signIn(await makeMember(database, store.id, 'manager'));
    });
    after(() => admin?.close());

    test('the list: a quick view, a search and the sort live in the address; the CSV link follows', async () => {
      await storeNavLink(page, 'Orders').click();
      const table = page.getByRole('table', { name: 'Orders' });
      await eventually(
        () => tableRows(table),
        (rows) => rows.length === 5,
        'five orders',
      );
      const rows = await tableRows(table);
      assert.match(rows[0]![0]!, new RegExp(`^#${numbers[4]}`), 'newest first');
      await shot('list');

      await page.getByRole('tab', { name: 'Unpaid' }).click();
      await eventually(
        () => tableRows(table),
        (r) => r.length === 1,
        'one unpaid order',
      );
      assert.match(page.url(), /financialStatus=pending/);
      assert.match(
        (await tableRows(table))[0]!.join(' '),
        /grace@example\.com.*payment pending.*unfulfilled/i,
      );
      const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      assert.equal(csv, `${api}/orders/export.csv?financialStatus=pending`);
      const download = await owner.request({ method: 'GET', url: csv! });
      assert.equal(download.statusCode, 200, download.body);
      assert.match(download.headers['content-type'] as string, /^text\/csv/);
      assert.match(download.body, /grace@example\.com/);
      assert.doesNotMatch(download.body, /ada@example\.com/, 'only what the filter matches');

      await page.getByRole('tab', { name: 'All' }).click();
      await page.getByRole('searchbox', { name: 'Search orders' }).fill('barbara');
      await eventually(
        () => tableRows(table),
        (r) => r.length === 1,
        'one order found by name or e-mail',
      );
      assert.match(page.url(), /q=barbara/);
      assert.match((await tableRows(table))[0]!.join(' '), /wholesale/);
      await page.getByRole('searchbox', { name: 'Search orders' }).fill('');
      await eventually(
        () => tableRows(table),
        (r) => r.length === 5,
        'all orders again',
      );

      await page.getByRole('combobox', { name: 'Sort by' }).click();
      await page.getByRole('option', { name: 'Total, high to low' }).click();
      await eventually(
        async () => (await tableRows(table))[0]?.[0] ?? '',
        (first) => first.startsWith(`#${numbers[4]}`),
        'the dearest order first',
      );
      assert.match(page.url(), /sort=total_desc/);
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('dialog', { name: 'Filters' }).getByLabel('Placed from').waitFor();
      await shotModal('list-filters');
      await page.keyboard.press('Escape');

      // A hand-edited address: what the list does not know is left out, the orders still show.
      await page.goto(`${admin.base}/admin/stores/${handle}/orders?sort=bogus&status=nope`);
      await eventually(
        () => tableRows(table),
        (r) => r.length === 5,
        'all orders, newest first, despite the unknown sort',
      );
      assert.match((await tableRows(table))[0]![0]!, new RegExp(`^#${numbers[4]}`));
      await orderLink(numbers[0]!).click();
      await page.getByRole('heading', { name: `#${numbers[0]}` }).waitFor();
    });

    test('fulfilling #1 in two parcels, each with its tracking number', async () => {
      await badge(page, 'Unfulfilled').first().waitFor();
      await shot('order-unfulfilled');

      await page.getByRole('button', { name: 'Fulfil items' }).click();
      const fulfil = dialog(`Fulfil #${numbers[0]}`);
      assert.equal(
        await fulfil.getByLabel('Quantity to ship of Test product 1').inputValue(),
        '2',
        'all unshipped units',
      );
      await fulfil.getByLabel('Quantity to ship of Test product 2').fill('0');
      await fulfil.getByRole('combobox', { name: 'Carrier' }).fill('DHL');
      await fulfil.getByLabel('Tracking number').fill('00340434161234567890');
      await shotModal('fulfil-modal');
      await fulfil.getByRole('button', { name: 'Ship 2 items' }).click();
      await fulfil.waitFor({ state: 'detached' });
      await badge(page, 'Partially fulfilled').first().waitFor();

      await page.getByRole('button', { name: 'Fulfil items' }).click();
      const second = dialog(`Fulfil #${numbers[0]}`);
      assert.equal(
        await second.getByLabel('Quantity to ship of Test product 2').inputValue(),
        '1',
        'what is left',
      );
      await second.getByRole('combobox', { name: 'Carrier' }).fill('UPS');
      await second.getByLabel('Tracking number').fill('1Z999AA10123456784');
      await second.getByRole('button', { name: 'Ship 1 item' }).click();
      await second.waitFor({ state: 'detached' });
      await badge(page, 'Fulfilled').first().waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Fulfil items' }).count(),
        0,
        'nothing left to ship',
      );

      const dhl = page.getByRole('link', { name: /00340434161234567890/ });
      assert.match((await dhl.getAttribute('href')) ?? '', /dhl\.com.*00340434161234567890/);
      const ups = page.getByRole('link', { name: /1Z999AA10123456784/ });
      assert.match((await ups.getAttribute('href')) ?? '', /ups\.com\/track\?tracknum=1Z999AA10123456784/);

      // A typo in the first number is put right; the link follows the number.
      await page.getByRole('button', { name: 'Actions for parcel 1' }).click();
      await page.getByRole('menuitem', { name: 'Edit tracking' }).click();
      const edit = dialog('Edit tracking');
      assert.equal(await edit.getByLabel('Tracking number').inputValue(), '00340434161234567890');
      await edit.getByLabel('Tracking number').fill('00340434161234567891');
      await shotModal('edit-tracking-modal');
      await edit.getByRole('button', { name: 'Save tracking' }).click();
      await edit.waitFor({ state: 'detached' });
      const fixed = page.getByRole('link', { name: /00340434161234567891/ });
      assert.match((await fixed.getAttribute('href')) ?? '', /tracking-id=00340434161234567891/);

      await page.getByRole('button', { name: 'Actions for parcel 2' }).click();
      await page.getByRole('menuitem', { name: 'Mark as delivered' }).click();
      await shotModal('delivered-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Mark as delivered' }).click();
      await page.getByRole('group', { name: 'Parcel 2' }).getByText('Delivered', { exact: true }).waitFor();
      await page.getByRole('group', { name: 'Parcel 1' }).getByText('In transit', { exact: true }).waitFor();
    });

    test('refunding one unit of a line with restock: the preview shows the amount; stock comes back', async () => {
      const variant = orders[0]!.variantIds[0]!;
      const before = await onHand(variant);
      await page.getByRole('button', { name: 'Refund', exact: true }).click();
      const refund = dialog(`Refund #${numbers[0]}`);
      await refund.getByText('Refundable: €42.50').waitFor();
      await refund.getByLabel('Quantity to refund of Test product 1').fill('1');
      await refund.getByRole('checkbox', { name: 'Restock Test product 1' }).check();
      // More shipping than is left is refused by the preview, on the field.
      await refund.getByLabel('Shipping').fill('6.00');
      await refund.getByText('At most €5.00 of shipping is left to refund.').waitFor();
      assert.equal(await refund.getByRole('button', { name: /^Refund/ }).isDisabled(), true);
      await refund.getByLabel('Shipping').fill('');
      await refund.getByLabel('Reason').fill('Scratched on arrival');
      await eventually(
        () => refund.getByTestId('refund-amount').textContent(),
        (text) => text === '€12.50',
        'the previewed amount',
      );
      await shotModal('refund-modal');
      await refund.getByRole('button', { name: 'Refund €12.50' }).click();
      await refund.waitFor({ state: 'detached' });
      await badge(page, 'Partially refunded').first().waitFor();
      assert.equal(await onHand(variant), before + 1, 'the refunded unit is back in stock');
      await page.getByRole('group', { name: 'Paid and refunded' }).getByText('−€12.50').waitFor();
    });

    test('a note goes on top of the timeline, above the parcels and the refund', async () => {
      await page
        .getByRole('textbox', { name: 'Note' })
        .fill('Customer called: leave the parcel with the neighbour.');
      await page.getByRole('button', { name: 'Post note' }).click();
      const timeline = page.getByRole('list', { name: 'Timeline' });
      await timeline.getByText('Customer called: leave the parcel with the neighbour.').waitFor();
      const entries = await timeline
        .locator('.mantine-Timeline-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
      assert.equal(entries[0], 'note', 'newest first');
      assert.ok(entries.indexOf('refund') < entries.indexOf('fulfilment'), 'the refund after the parcels');
      assert.ok(entries.includes('placed'));
      assert.equal(await page.getByRole('textbox', { name: 'Note' }).inputValue(), '', 'the box is emptied');
      await shot('order');
    });

    test('payments waiting for staff: mark a transfer paid, capture an authorisation', async () => {
      await page.goto(`${admin.base}/admin/stores/${handle}/orders/${orders[1]!.order.id}`);
      await badge(page, 'Payment pending').first().waitFor();
      await page.getByRole('button', { name: 'Mark as paid', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Mark as paid' })
        .getByLabel('Reference')
        .fill('SEPA 2026-11-24');
      await shotModal('mark-paid-modal');
      await page
        .getByRole('dialog', { name: 'Mark as paid' })
        .getByRole('button', { name: 'Mark as paid' })
        .click();
      await badge(page, 'Paid').first().waitFor();

      await page.goto(`${admin.base}/admin/stores/${handle}/orders/${orders[2]!.order.id}`);
      await badge(page, 'Authorised').first().waitFor();
      await page.getByRole('button', { name: 'Capture', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Capture payment' })
        .getByRole('button', { name: 'Capture' })
        .click();
      await badge(page, 'Paid').first().waitFor();
    });

    test('a return for #4: opened, approved, received with restock, refunded; then the returns screens', async () => {
      await page.goto(`${admin.base}/admin/stores/${handle}/orders/${orders[3]!.order.id}`);
      await page.getByRole('button', { name: 'Return', exact: true }).click();
      const open = dialog(`Return items of #${numbers[3]}`);
      await open.getByLabel('Quantity to return of Test product 2').fill('2');
      await open.getByRole('button', { name: 'Open return of 2 items' }).click();
      await open.getByText('Choose a reason.').waitFor();
      await open.getByRole('combobox', { name: 'Reason for returning Test product 2' }).click();
      await page.getByRole('option', { name: 'Too small' }).click();
      await open.getByLabel('What the customer said').fill('Lovely, but a size too small.');
      await shotModal('return-modal');
      await open.getByRole('button', { name: 'Open return of 2 items' }).click();
      await open.waitFor({ state: 'detached' });
      const ret = page.getByRole('group', { name: `Return #${numbers[3]}-R1` });
      await ret.getByText('Requested', { exact: true }).waitFor();

      await ret.getByRole('button', { name: 'Approve' }).click();
      await shotModal('approve-return-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Approve return' }).click();
      await ret.getByText('Approved', { exact: true }).waitFor();

      const variant = orders[3]!.variantIds[1]!;
      const before = await onHand(variant);
      await ret.getByRole('button', { name: 'Receive items' }).click();
      const receive = dialog(`Receive Return #${numbers[3]}-R1`);
      assert.equal(await receive.getByLabel('Received of Test product 2').inputValue(), '2');
      await shotModal('receive-return-modal');
      await receive.getByRole('button', { name: 'Receive 2 items' }).click();
      await receive.waitFor({ state: 'detached' });
      await ret.getByText('Received', { exact: true }).waitFor();
      assert.equal(await onHand(variant), before + 2, 'restocked on receipt');

      await ret.getByRole('button', { name: 'Refund or exchange' }).click();
      const close = dialog(`Close Return #${numbers[3]}-R1`);
      await close.getByRole('button', { name: 'Refund €44.00' }).waitFor();
      await shotModal('close-return-modal');
      await close.getByText('Exchange', { exact: true }).click();
      await close.getByRole('table', { name: 'Replacements' }).waitFor();
      await shotModal('close-return-exchange');
      await close.getByText('Refund', { exact: true }).click();
      await close.getByRole('button', { name: 'Refund €44.00' }).click();
      await close.waitFor({ state: 'detached' });
      await ret.getByText('Closed', { exact: true }).waitFor();
      await ret.getByText('Refunded €44.00').waitFor();
      await shot('order-with-return');

      await storeNavLink(page, 'Returns').click();
      const returns = page.getByRole('table', { name: 'Returns' });
      await eventually(
        () => tableRows(returns),
        (r) => r.length === 1,
        'the return listed',
      );
      assert.match(
        (await tableRows(returns))[0]!.join(' '),
        new RegExp(`#${numbers[3]}.*closed.*refunded`, 'i'),
      );
      await shot('returns');
      await page.getByRole('tab', { name: 'Reasons' }).click();
      const reasons = page.getByRole('table', { name: 'Return reasons' });
      await eventually(
        () => tableRows(reasons),
        (r) => r.length === 1,
        'one reason',
      );
      assert.match((await tableRows(reasons))[0]!.join(' '), /Too small.*100%.*2.*1.*€44\.00/);
      await shot('return-reasons');
    });

    test('cancelling #5 explains the refund first', async () => {
      await page.goto(`${admin.base}/admin/stores/${handle}/orders/${orders[4]!.order.id}`);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Cancel order' }).click();
      const cancel = dialog(`Cancel #${numbers[4]}?`);
      await cancel.getByText('€164.00 that was paid is refunded to the customer.').waitFor();
      await cancel.getByRole('button', { name: 'Cancel order' }).click();
      await cancel.getByText('Choose a reason.').waitFor();
      await cancel.getByRole('combobox', { name: 'Reason' }).click();
      await page.getByRole('option', { name: 'Items unavailable' }).click();
      await shotModal('cancel-modal');
      await cancel.getByRole('button', { name: 'Cancel order' }).click();
      await cancel.waitFor({ state: 'detached' });
      await badge(page, 'Cancelled').first().waitFor();
      await badge(page, 'Refunded').first().waitFor();
    });

    test('a viewer sees the order and its history without a single action', async () => {
      const viewerPage = await admin.signIn(viewer);
      try {
        await viewerPage.goto(`${admin.base}/admin/stores/${handle}/orders/${orders[0]!.order.id}`);
        await viewerPage.getByRole('heading', { name: `#${numbers[0]}` }).waitFor();
        await viewerPage
          .getByRole('list', { name: 'Timeline' })
          .getByText('leave the parcel with the neighbour')
          .waitFor();
        for (const name of [
          'Fulfil items',
          'Refund',
          'Return',
          'More actions',
          'Post note',
          'Mark as paid',
          'Capture',
        ]) {
          assert.equal(
            await viewerPage.getByRole('button', { name, exact: true }).count(),
            0,
            `no ${name} button`,
          );
        }
        assert.equal(await viewerPage.getByRole('button', { name: /^Actions for parcel/ }).count(), 0);
        assert.equal(await viewerPage.getByRole('textbox', { name: 'Note' }).count(), 0);
        assert.equal(await viewerPage.getByLabel('Order tags').count(), 0, 'tags are read-only');
        await viewerPage.getByRole('table', { name: 'Order lines' }).waitFor();
        await shot('order-viewer', viewerPage);
      } finally {
        await viewerPage.close();
      }
    });
  });
}
