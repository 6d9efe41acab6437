// A new shopper makes an account in real Chromium: the sign-up form asks for no password and answers
// "check your e-mail"; the activation e-mail (read from the development outbox, as the admin's Mail
// screen shows it) has a button that opens the storefront's activation page, which shows their
// e-mail and where they choose the password and land signed in on their account. They add a phone
// number and an address (the form first refuses a US address without a state, keeping what was
// typed; the state menu shows only the chosen country's states), sign out, and sign back in.
// Screenshots go to scratch/screens/account-*.png.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { Browser, makeMember, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const screens = new URL('../../scratch/screens/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`storefront customer account in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let owner: Browser;

    const shot = (name: string) =>
      page.screenshot({ path: `${screens}account-${name}-${target.kind}.png`, fullPage: true });

    before(async () => {
      mkdirSync(screens, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'weaver',
        name: 'Weaver & Daughters',
        baseCurrency: 'USD',
        locale: 'en-US',
      });
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      chromium = await launchChromium();
      page = await chromium.newPage({ viewport: { width: 1200, height: 900 } });
      page.setDefaultTimeout(10_000);
    });
    after(async () => {
      await chromium?.close();
      await sp.close();
      await database.close();
    });

    test('sign up, activate from the e-mail, add an address, sign out, sign in', async () => {
      await page.goto(`${base}/s/weaver/`);
      await page.getByRole('link', { name: 'Account' }).click();
      assert.match(page.url(), /\/s\/weaver\/account\/login$/);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('First name').fill('June');
      await page.getByLabel('Last name').fill('Weaver');
      await page.getByLabel('E-mail').fill('june@example.test');
      assert.equal(await page.getByLabel('Password').count(), 0, 'the password is chosen from the e-mail');
      await shot('register');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await shot('check-email');

      // The development outbox, as the admin reads it.
      const list = (await owner.request({ method: 'GET', url: '/api/admin/stores/weaver/mail' })).json();
      const item = list.items.find((m: { to: string[] }) => m.to.includes('june@example.test'));
      assert.ok(item, 'the activation e-mail is in the outbox');
      assert.equal(item.topic, 'transactional.account_activation');
      const mail = (
        await owner.request({ method: 'GET', url: `/api/admin/stores/weaver/mail/${item.id}` })
      ).json();
      const html: string = mail.message?.html ?? mail.html;
      const mailPage = await chromium.newPage();
      await mailPage.setContent(html);
      const href = await mailPage.getByRole('link', { name: 'Activate your account' }).getAttribute('href');
      await mailPage.close();
      assert.ok(href?.startsWith(`${base}/s/weaver/account/activate/`), href ?? 'no link');

      await page.goto(href!);
      await page.getByRole('heading', { name: 'Activate your account' }).waitFor();
      const email = page.getByLabel('E-mail');
      assert.equal(await email.inputValue(), 'june@example.test', 'whose account it is');
      assert.equal(await email.isEditable(), false);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Activate account' }).click();
      await page.getByText('Use at least 8 characters.').first().waitFor();
      await page.getByLabel('Password').fill('warp and weft');
      await shot('activate');
      await page.getByRole('button', { name: 'Activate account' }).click();
      await page.getByText('Your account is active. Welcome!').waitFor();
      assert.match(page.url(), /\/s\/weaver\/account\?done=activated$/);
      // The names typed at sign-up are the new account's.
      assert.equal(await page.getByLabel('First name').inputValue(), 'June');
      assert.equal(await page.getByLabel('Last name').inputValue(), 'Weaver');
      await page.getByLabel('Phone').fill('+1 503 555 0100');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByText('Your details are saved.').waitFor();
      await shot('profile');

      await page.getByRole('link', { name: 'Manage addresses' }).click();
      await page.getByRole('link', { name: 'Add an address' }).click();
      assert.equal(await page.getByLabel('Country').inputValue(), 'US', 'the store speaks en-US');
      // Only the chosen country's states are offered.
      const offered = async () =>
        page
          .locator('#f-region optgroup:not([disabled])')
          .evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
      assert.deepEqual(await offered(), ['United States']);
      assert.equal(
        await page.getByLabel('Last name').inputValue(),
        'Weaver',
        'the address starts with their name',
      );
      await page.getByLabel('Street and number').fill('12 Loom Lane');
      await page.getByLabel('City').fill('Portland');
      await page.getByLabel('Postal code').fill('97201');
      await page.getByRole('button', { name: 'Save address' }).click();
      await page.getByText('Choose a state or province.').waitFor();
      assert.equal(
        await page.getByLabel('Street and number').inputValue(),
        '12 Loom Lane',
        'what was typed stays',
      );
      await shot('address-refused');
      await page.getByLabel('State / province').selectOption('US-OR');
      await page.getByRole('button', { name: 'Save address' }).click();
      await page.getByText('The address is saved.').waitFor();
      const card = page.locator('.address-card').first();
      assert.match(
        (await card.locator('address').innerHTML()).replace(/<br>/g, ' '),
        /12 Loom Lane Portland, Oregon 97201 United States/,
      );
      await shot('addresses');

      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You are signed out.').waitFor();
      assert.equal(await page.locator('.account-link').textContent(), 'Sign in');

      await page.getByLabel('E-mail').fill('june@example.test');
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The e-mail or password is not right.').waitFor();
      assert.equal(await page.getByLabel('E-mail').inputValue(), 'june@example.test');
      await shot('login-refused');
      await page.getByLabel('Password').fill('warp and weft');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      assert.match((await page.locator('main').textContent()) ?? '', /June Weaver · june@example\.test/);
      assert.match((await page.locator('main').textContent()) ?? '', /12 Loom Lane/);

      // On a phone the account link stays in the header.
      await page.setViewportSize({ width: 390, height: 844 });
      assert.ok(await page.locator('.account-link').isVisible());
      await shot('profile-phone');
    });
  });
}
