// Goals and the portfolio in real Chromium. Twelve weeks of rollups for two stores (a euro store
// selling 10 orders of €50 a day, a dollar store selling $20 a day with a rate to euros): a
// manager sets this month's net-sales goal on the Goals screen and sees it paced (on pace, a sure
// thing: the weeks repeat exactly), then opens the portfolio from the account menu and reads both
// stores in euros, and in dollars, where the euro store without a rate is named. Screenshots go to
// scratch/screens/goals-*.png and portfolio-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { addMember, systemActor } from '../../src/modules/access/index.ts';
import { writeDailyRollups } from '../../src/modules/analytics/testing/rollup-rows.ts';
import { recordExchangeRate } from '../../src/modules/markets/exchange-rates.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const actor = systemActor('goals e2e');

for (const target of testDatabaseTargets()) {
  describe(`goals and the portfolio in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const euro = await makeStore(database, 'harbour-euro', 'EUR');
      const dollar = await makeStore(database, 'harbour-dollar', 'USD');
      await recordExchangeRate(database.db, dollar, actor, {
        quoteCurrency: 'EUR',
        rate: '0.9',
        effectiveOn: '2020-01-01',
      });
      const login = await makeMember(database, euro.id, 'manager');
      await addMember(database.db, actor, dollar.id, { email: login.email, role: 'analyst' });
      // The stores' days are UTC days; twelve weeks up to yesterday.
      const today = DateTime.utc().startOf('day');
      const rows = [];
      for (let d = today.minus({ days: 84 }); d < today; d = d.plus({ days: 1 })) {
        const day = d.toISODate()!;
        rows.push(
          { storeId: euro.id, day, orders: 10, grossSales: 50_000, sessions: 400, purchaseSessions: 10 },
          { storeId: dollar.id, day, orders: 1, grossSales: 2_000, sessions: 40, purchaseSessions: 1 },
        );
      }
      await writeDailyRollups(database.db, rows);
      page = await admin.signIn(login);
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    test('a manager sets this month’s net-sales goal and sees it on pace', async () => {
      await page.goto(`${admin.base}/admin/stores/harbour-euro/analytics`);
      await storeNavLink(page, 'Goals').click();
      await page.getByRole('button', { name: 'New goal' }).click();
      const dialog = page.getByRole('dialog', { name: 'New goal' });
      await dialog.getByLabel('Target').fill('1000');
      await dialog.getByLabel('Name').fill('Net sales this month');
      await screenshotScreen(page, `goals-form-${target.kind}`);
      await dialog.getByRole('button', { name: 'Set goal' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('goal-row').filter({ hasText: 'Net sales this month' });
      await eventually(
        () => row.textContent(),
        (text) => /On pace/.test(text ?? ''),
        'the goal paced on pace',
      );
      const text = (await row.textContent()) ?? '';
      assert.match(text, /€1,000\.00/, 'the target');
      assert.match(text, /100 %/, 'a sure thing');
      // €500 a day: the projection is €500 × the month's days.
      const days = DateTime.utc().daysInMonth!;
      assert.match(text, new RegExp(`€${(500 * days).toLocaleString('en-US')}\\.00`), 'the projection');
      await screenshotScreen(page, `goals-list-${target.kind}`);
    });

    test('a bad target is refused in the form, with the reason', async () => {
      await page.getByRole('button', { name: 'New goal' }).click();
      const dialog = page.getByRole('dialog', { name: 'New goal' });
      await dialog.getByLabel('Target').fill('0');
      await dialog.getByRole('button', { name: 'Set goal' }).click();
      await dialog.getByRole('alert').getByText('A target is above zero.').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      assert.equal(await page.getByTestId('goal-row').count(), 1);
    });

    test('the portfolio from the account menu: both stores in euros, then in dollars', async () => {
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Portfolio: all stores' }).click();
      const rows = page.getByTestId('portfolio-row');
      await eventually(
        () => rows.count(),
        (n) => n === 2,
        'two stores',
      );
      const chooseCurrency = async (code: string) => {
        const input = page.getByRole('combobox', { name: 'Reporting currency' });
        await input.click();
        await input.fill(code);
        await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
      };
      await chooseCurrency('EUR');
      const euroRow = rows.filter({ hasText: 'Store harbour-euro' });
      const dollarRow = rows.filter({ hasText: 'Store harbour-dollar' });
      // 28 days: €500 a day; $20 a day at 0.9 is €18.
      await eventually(
        () => euroRow.textContent(),
        (t) => /€14,000\.00/.test(t ?? ''),
        'euro store sales',
      );
      assert.match((await dollarRow.textContent()) ?? '', /€504\.00/);
      assert.match((await euroRow.textContent()) ?? '', /1 on pace/);
      const footer = (await page.getByTestId('portfolio-table').locator('tfoot').textContent()) ?? '';
      assert.match(footer, /€14,504\.00/);
      await screenshotScreen(page, `portfolio-euros-${target.kind}`);

      await chooseCurrency('USD');
      await page.getByText('Some stores have no rate to this currency').waitFor();
      await eventually(
        () => dollarRow.textContent(),
        (t) => /\$560\.00/.test(t ?? ''),
        'dollar store in dollars',
      );
      assert.match((await euroRow.textContent()) ?? '', /no rate/);
      await screenshotScreen(page, `portfolio-dollars-${target.kind}`);
    });
  });
}
