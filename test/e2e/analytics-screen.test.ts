// The analytics screen in real Chromium. Two real orders (3 and 20 days ago, the same customer) and
// four sessions (a newsletter visit that bought, a Google Ads visit that bought, a direct visit that
// searched for "teapot" and found nothing, an organic visit) are rolled up; an analyst reads the
// KPIs for 30 and 7 days, the closed funnel (whole and by device), sales by channel and by device,
// and the failed search; explores conversion by channel, then sessions by device, week by week; a
// hand-edited address falls back to the defaults; a content editor has no analytics at all.
// Screenshots go to scratch/screens/analytics-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ingestEvents, rollUpDirtyDays } from '../../src/modules/analytics/index.ts';
import { placeTestOrder } from '../../src/modules/orders/testing/order-fixtures.ts';
import { runAt } from '../../src/platform/clock.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, tableRows } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const checkoutSteps = [
  'page_view',
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
];
const screen = '/admin/stores/tide-goods/analytics';
const day = 24 * 3600 * 1000;
/** Noon UTC `n` days ago: inside the same calendar day in the browser and the store (both UTC). */
const daysAgo = (n: number) => {
  const d = new Date(Date.now() - n * day);
  d.setUTCHours(12, 0, 0, 0);
  return d;
};

for (const target of testDatabaseTargets()) {
  describe(`the analytics screen in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let contentLogin: { email: string; password: string };
    let analystLogin: { email: string; password: string };
    let marketingLogin: { email: string; password: string };
    const kpi = (key: string) => page.locator(`[data-kpi="${key}"]`);

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database, sp } = admin;
      const store = await makeStore(database, 'tide-goods', 'EUR');
      const analyst = await makeMember(database, store.id, 'analyst');
      contentLogin = await makeMember(database, store.id, 'content');
      marketingLogin = await makeMember(database, store.id, 'marketing');
      const recent = await runAt(daysAgo(3), () =>
        placeTestOrder(database, store, {
          quantities: [2],
          unitAmount: 1500,
          shippingAmount: 0,
          customerId: 'cus_tide',
        }),
      );
      const older = await runAt(daysAgo(20), () =>
        placeTestOrder(database, store, {
          quantities: [1],
          unitAmount: 4000,
          shippingAmount: 0,
          customerId: 'cus_tide',
        }),
      );
      const visit = (id: string, at: Date, names: string[], tags: Record<string, unknown>) =>
        names.map((name, i) => ({
          eventId: `${id}-${i}`,
          name,
          occurredAt: new Date(at.getTime() + i * 60_000).toISOString(),
          visitorId: `visitor-${id}`,
          sessionId: `session-${id}`,
          sessionStart: i === 0,
          ...tags,
          ...(name === 'purchase' ? { orderId: tags.orderId } : {}),
          ...(name === 'search' ? { searchTerm: 'teapot', resultsCount: 0 } : {}),
        }));
      await ingestEvents(database.db, store, [
        ...visit('mail', daysAgo(3), checkoutSteps, {
          source: 'newsletter',
          medium: 'email',
          device: 'mobile',
          orderId: recent.order.id,
        }),
        ...visit('ads', daysAgo(20), checkoutSteps, {
          source: 'google',
          medium: 'cpc',
          campaign: 'brand',
          device: 'desktop',
          orderId: older.order.id,
        }),
        ...visit('direct', daysAgo(3), ['page_view', 'search'], { device: 'desktop' }),
        ...visit('organic', daysAgo(10), ['page_view'], {
          source: 'google',
          medium: 'organic',
          device: 'mobile',
        }),
      ]);
      while ((await sp.dispatcher.dispatchOnce()).dispatched > 0);
      while ((await rollUpDirtyDays(database.db)) > 0);
      analystLogin = analyst;
      page = await admin.signIn(analyst);
    });
    after(async () => {
      await admin?.close();
    });

    test('30 days: the KPIs, the funnel, sales by channel and the search that found nothing', async () => {
      await page.goto(`${admin.base}${screen}`);
      await eventually(
        () => kpi('netSales').textContent(),
        (v) => v === '€70.00',
        'net sales for 30 days',
      );
      assert.equal(await kpi('orders').textContent(), '2');
      assert.equal(await kpi('averageOrderValue').textContent(), '€35.00');
      assert.equal(await kpi('sessions').textContent(), '4');
      assert.equal(await kpi('conversionRate').textContent(), '50.0 %');
      assert.equal(await kpi('returningCustomerRate').textContent(), '50.0 %');
      const funnel = page.getByLabel('Checkout funnel');
      await funnel.getByText('Ordered').waitFor();
      // Closed: the two buying sessions went through every step; the other two stopped at once.
      await eventually(
        async () => (await funnel.textContent()) ?? '',
        (text) =>
          /Sessions4.*Viewed a product2 · 50\.0 % of the step before · 2 left.*Added to cart2 · 100\.0 % of the step before.*Ordered2/.test(
            text,
          ),
        'the closed funnel',
      );
      await funnel.getByRole('combobox', { name: 'Funnel breakdown' }).click();
      await page.getByRole('option', { name: 'Device' }).click();
      const funnelByDevice = page.getByRole('table', { name: 'Funnel by device' });
      await eventually(
        async () => (await tableRows(funnelByDevice, 'text')).map((r) => [r[0], r[1], r[7]]),
        (rows) =>
          JSON.stringify(rows) ===
          JSON.stringify([
            ['desktop', '2', '50.0 %'],
            ['mobile', '2', '50.0 %'],
          ]),
        'the funnel by device',
      );
      assert.match(page.url(), /funnelBy=device/);
      const channels = page.getByRole('table', { name: 'Sales by channel' });
      const channelRows = [
        ['Paid Search', '1', '1', '€40.00'],
        ['Email', '1', '1', '€30.00'],
        ['Direct', '1', '0', '€0.00'],
        ['Organic Search', '1', '0', '€0.00'],
      ];
      await eventually(
        async () => (await tableRows(channels, 'text')).map((r) => [r[0], r[1], r[2], r[4]]),
        (rows) => JSON.stringify(rows) === JSON.stringify(channelRows),
        'sales by channel',
      );
      await page.getByLabel('Searches without results').getByText('“teapot” — 1 search').waitFor();
      await screenshotScreen(page, `analytics-30-days-${target.kind}`, { height: 1700 });

      await page.getByRole('combobox', { name: 'Breakdown', exact: true }).click();
      await page.getByRole('option', { name: 'Device' }).click();
      const devices = page.getByRole('table', { name: 'Sales by device' });
      const deviceRows = [
        ['desktop', '2', '1'],
        ['mobile', '2', '1'],
      ];
      await eventually(
        async () => (await tableRows(devices, 'text')).map((r) => [r[0], r[1], r[2]]),
        (rows) => JSON.stringify(rows) === JSON.stringify(deviceRows),
        'sales by device',
      );
      assert.match(page.url(), /dimension=device/);
    });

    test('7 days: only the recent order and the two recent sessions', async () => {
      await page.locator('label', { hasText: /^7 days$/ }).click();
      await eventually(
        () => kpi('netSales').textContent(),
        (v) => v === '€30.00',
        'net sales for 7 days',
      );
      assert.equal(await kpi('orders').textContent(), '1');
      assert.equal(await kpi('sessions').textContent(), '2');
      assert.match(page.url(), /range=7d/);
    });

    test('the explorer: conversion by channel, then sessions by device week by week', async () => {
      await page.goto(`${admin.base}${screen}?view=explore&metric=conversionRate&breakdown=channel`);
      const table = page.getByRole('table', { name: 'Explorer values' });
      // 30 days: each channel had one session; Paid Search and Email bought. The total is 2 of 4.
      const byChannel = [
        ['Direct', '0.0 %'],
        ['Email', '100.0 %'],
        ['Organic Search', '0.0 %'],
        ['Paid Search', '100.0 %'],
        ['Total', '50.0 %'],
      ];
      await eventually(
        async () => (await tableRows(table, 'text')).map((r) => [r[0], r[1]]),
        (rows) => JSON.stringify(rows) === JSON.stringify(byChannel),
        'conversion by channel',
      );
      await screenshotScreen(page, `analytics-explore-${target.kind}`, { height: 1100 });

      await page.getByRole('combobox', { name: 'Metric' }).click();
      await page.getByRole('option', { name: 'Sessions', exact: true }).click();
      await page.getByRole('combobox', { name: 'Breakdown', exact: true }).click();
      await page.getByRole('option', { name: 'Device' }).click();
      await page.locator('label', { hasText: /^Weeks$/ }).click();
      const byDevice = [
        ['desktop', '2'],
        ['mobile', '2'],
        ['Total', '4'],
      ];
      await eventually(
        async () => (await tableRows(table, 'text')).map((r) => [r[0], r[1]]),
        (rows) => JSON.stringify(rows) === JSON.stringify(byDevice),
        'sessions by device',
      );
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('metric'), 'sessions');
      assert.equal(url.searchParams.get('breakdown'), 'device');
      assert.equal(url.searchParams.get('granularity'), 'week');
      // The link reproduces the view.
      const again = await admin.signIn(analystLogin);
      await again.goto(page.url());
      await eventually(
        async () =>
          (await tableRows(again.getByRole('table', { name: 'Explorer values' }), 'text')).map((r) => [
            r[0],
            r[1],
          ]),
        (rows) => JSON.stringify(rows) === JSON.stringify(byDevice),
        'the shared link',
      );
      await screenshotScreen(again, `analytics-explore-weeks-${target.kind}`, { height: 1100 });
      await again.context().close();
    });

    test('a hand-edited address falls back to the defaults instead of failing', async () => {
      await page.goto(`${admin.base}${screen}?range=bogus&compare=sometimes&dimension=planet&from=yesterday`);
      await eventually(
        () => kpi('netSales').textContent(),
        (v) => v === '€70.00',
        'net sales for 30 days',
      );
      assert.equal(await page.getByRole('alert').count(), 0);
    });

    test('campaigns: a Google Ads report imported from the screen, a broken one refused with its lines', async () => {
      const address = `${admin.base}${screen}?view=campaigns&range=custom&from=2024-03-01&to=2024-03-03`;
      // The analyst reads returns but imports and plans nothing.
      await page.goto(address);
      await page.getByText('No campaigns planned yet.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Import spend report' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'New campaign' }).count(), 0);
      const marketer = await admin.signIn(marketingLogin);
      const analystPage = page;
      page = marketer;
      await page.goto(address);
      await page.getByText('No campaigns planned yet.').waitFor();
      const fixtures = new URL('../fixtures/ad-spend/', import.meta.url).pathname;
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import spend report' }).click();
      await (await chooser).setFiles(`${fixtures}google-ads-campaigns-daily.csv`);
      const campaigns = page.getByRole('table', { name: 'Campaign returns' });
      await campaigns.getByText('Brand – Search').waitFor();
      const rows = await tableRows(campaigns, 'text');
      const brand = rows.find((r) => r[0]?.startsWith('Brand – Search'));
      assert.deepEqual([brand?.[0], brand?.[1]], ['Brand – SearchPaid Search', '€115.38']);

      const again = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import spend report' }).click();
      await (await again).setFiles(`${fixtures}google-ads-malformed.csv`);
      const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /Line \d+/);
      await marketer.context().close();
      page = analystPage;
    });

    test('campaigns: a marketer plans a campaign, sees it paced in the table, records spend, changes the model', async () => {
      const marketer = await admin.signIn(marketingLogin);
      const from = daysAgo(9).toISOString().slice(0, 10);
      const to = daysAgo(-20).toISOString().slice(0, 10);
      await marketer.goto(`${admin.base}${screen}?view=campaigns`);
      await marketer.getByRole('button', { name: 'New campaign' }).click();
      const form = marketer.getByRole('dialog', { name: 'New campaign' });
      await form.getByLabel('Name').fill('Autumn teapots');
      await form.getByLabel('Starts on').fill(from);
      await form.getByLabel('Ends on').fill(to);
      await form.getByLabel('Budget', { exact: true }).fill('300.00');
      await form.getByLabel('utm_source').fill('facebook');
      await form.getByLabel('utm_medium').fill('paid');
      // Dates the wrong way round are refused with the server's message, and nothing is saved.
      await form.getByLabel('Ends on').fill(daysAgo(20).toISOString().slice(0, 10));
      await form.getByRole('button', { name: 'Create campaign' }).click();
      await form.getByRole('alert').filter({ hasText: 'ends before it starts' }).waitFor();
      await form.getByLabel('Ends on').fill(to);
      await form.getByRole('button', { name: 'Create campaign' }).click();
      await form.waitFor({ state: 'detached' });
      const plans = marketer.getByRole('table', { name: 'Campaign plans' });
      await plans.getByText('Autumn teapots').waitFor();
      let row = (await tableRows(plans, 'text')).find((r) => r[0]?.startsWith('Autumn teapots'));
      assert.match(row?.[0] ?? '', /Paid Social · utm_campaign=autumn_teapots/);
      assert.match(row?.[3] ?? '', /€0\.00 of €300\.00/);
      assert.equal(row?.[5], 'Underspending');

      // €100.00 on the first day: 10 days of 30 gone, €100.00 expected, projected €300.00 → on pace.
      const spend = marketer.getByRole('form', { name: 'Record spend' });
      await spend.getByLabel('Campaign').click();
      await marketer.getByRole('option', { name: 'Autumn teapots' }).click();
      await spend.getByLabel('Day').fill(from);
      await spend.getByLabel('Spend').fill('100.00');
      await spend.getByRole('button', { name: 'Record spend' }).click();
      await eventually(
        async () => (await tableRows(plans, 'text')).find((r) => r[0]?.startsWith('Autumn teapots')),
        (r) => r?.[5] === 'On pace',
        'the campaign on pace',
      );
      row = (await tableRows(plans, 'text')).find((r) => r[0]?.startsWith('Autumn teapots'));
      assert.match(row?.[3] ?? '', /€100\.00 of €300\.00/);
      assert.equal(row?.[4], '€300.00');

      // The 30-day returns: under first click the older Google Ads order stays Paid Search.
      await marketer.locator('label', { hasText: /^First click$/ }).click();
      const channels = marketer.getByRole('table', { name: 'Channel returns' });
      await eventually(
        async () => (await tableRows(channels, 'text')).map((r) => [r[0], r[3]]),
        (rows) => rows.some((r) => r[0] === 'Paid Search' && r[1] === '€40.00'),
        'Paid Search under first click',
      );
      await marketer.getByRole('table', { name: 'Discount codes' }).waitFor();
      await screenshotScreen(marketer, `analytics-campaigns-${target.kind}`, { height: 1700 });
      await marketer.context().close();
    });

    test('a content editor sees no analytics: not in the menu, and the address says so', async () => {
      const editor = await admin.signIn(contentLogin);
      await editor.goto(`${admin.base}/admin/stores/tide-goods/products`);
      await editor.getByRole('navigation', { name: 'Store sections' }).getByText('Products').waitFor();
      assert.equal(
        await editor.getByRole('navigation', { name: 'Store sections' }).getByText('Analytics').count(),
        0,
      );
      await editor.goto(`${admin.base}${screen}`);
      await editor.getByText(/see the analytics/).waitFor();
      await editor.context().close();
    });
  });
}
