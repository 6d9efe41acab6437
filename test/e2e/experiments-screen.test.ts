// The Experiments screen in Chromium: a marketing member defines a banner test through the form (80 %
// shown the banner), sees it as a draft with its split, starts it, and the storefront shows the
// banner to visitors; stopping it from the screen takes the banner away. Screenshots of the form and
// the list. (experiment-form.test.ts goes through the form's other fields.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const shopper =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

for (const target of testDatabaseTargets()) {
  describe(`the Experiments screen in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;

    before(async () => {
      admin = await startAdminInChromium(target);
      const store = await makeStore(admin.database, 'testbed', 'EUR');
      const login = await makeMember(admin.database, store.id, 'marketing');
      page = await admin.signIn(login);
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    /** How many of 12 fresh shoppers get the banner on the store's home page. */
    const shoppersWithBanner = async () => {
      let shown = 0;
      for (let i = 0; i < 12; i++) {
        const res = await admin.sp.app.inject({ url: '/s/testbed/', headers: { 'user-agent': shopper } });
        if (res.body.includes('Spring sale: 20 % off lamps')) shown++;
      }
      return shown;
    };

    test('a marketer defines, starts and stops a banner test', async () => {
      await page.goto(`${admin.base}/admin/stores/testbed`);
      await storeNavLink(page, 'Experiments').click();
      await page.getByRole('button', { name: 'New experiment' }).click();
      const dialog = page.getByRole('dialog', { name: 'New experiment' });
      await dialog.getByLabel('Name', { exact: true }).first().fill('Spring sale banner');
      await dialog.getByLabel('Key').fill('spring-sale');
      await dialog.getByLabel('Hypothesis').fill('Announcing the sale lifts conversion.');
      await dialog.getByRole('combobox', { name: 'Part of the storefront' }).click();
      await page.getByRole('option', { name: 'Announcement banner' }).click();
      const control = dialog.getByRole('group', { name: 'Variant 1 (control)' });
      await control.getByLabel('Name', { exact: true }).fill('No banner');
      await control.getByLabel('Weight').fill('20');
      const banner = dialog.getByRole('group', { name: 'Variant 2' });
      await banner.getByLabel('Name', { exact: true }).fill('Banner');
      await banner.getByLabel('Banner text').fill('Spring sale: 20 % off lamps');
      await banner.getByLabel('Weight').fill('80');
      await screenshotScreen(page, `experiments-form-${target.kind}`);
      await dialog.getByRole('button', { name: 'Save as draft' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('experiment-row').filter({ hasText: 'Spring sale banner' });
      await eventually(
        () => row.textContent(),
        (text) => /draft/.test(text ?? ''),
        'the draft listed',
      );
      assert.match((await row.textContent()) ?? '', /No banner 20 % · Banner 80 %/);
      assert.equal(await shoppersWithBanner(), 0, 'a draft shows nothing');

      await row.getByRole('button', { name: 'Start' }).click();
      await eventually(
        () => row.textContent(),
        (text) => /running/.test(text ?? ''),
        'the test running',
      );
      await screenshotScreen(page, `experiments-list-${target.kind}`);
      assert.ok((await shoppersWithBanner()) > 0, 'shoppers see the banner');

      await row.getByRole('button', { name: 'Stop' }).click();
      await eventually(
        () => row.textContent(),
        (text) => /stopped/.test(text ?? ''),
        'the test stopped',
      );
      assert.equal(await shoppersWithBanner(), 0, 'stopped: the control for everyone');
    });
  });
}
