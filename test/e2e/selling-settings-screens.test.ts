// An owner in real Chromium sets how the store is paid and how it takes returns: bank transfer
// instructions saved (and turning off every way to pay refused on the form), capture on shipping,
// a webhook secret made and shown once; a return window (an empty one refused), an order number
// prefix and return instructions saved and read back by the API. A viewer sees both screens with nothing to change.
// Screenshots go to scratch/screens/.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { screenshotScreen, storeNavLink } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const handle = 'settings-shop';
const api = `/api/admin/stores/${handle}`;

for (const target of testDatabaseTargets()) {
  describe(`payment and order settings screens in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let viewer: { email: string; password: string };

    before(async () => {
      admin = await startAdminInChromium(target);
      const store = await makeStore(admin.database, handle, 'EUR');
      const ownerLogin = await makeMember(admin.database, store.id, 'owner');
      viewer = await makeMember(admin.database, store.id, 'viewer');
      owner = await Browser.signIn(admin.sp.app, ownerLogin.email);
      page = await admin.signIn(ownerLogin);
    });
    after(() => admin?.close());

    test('payments: no way to pay is refused; transfer instructions and capture on shipping are saved', async () => {
      await storeNavLink(page, 'Payments').click();
      const form = page.getByRole('form', { name: 'Payment settings' });
      await form.getByLabel('Name shown to shoppers').waitFor();
      const offers = form.getByRole('switch', { name: 'Offer at checkout' });
      await offers.nth(0).uncheck({ force: true });
      await offers.nth(1).uncheck({ force: true });
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('Keep at least one way to pay').waitFor();

      await offers.nth(0).check({ force: true });
      await form.getByLabel('Name shown to shoppers').fill('Bank transfer (SEPA)');
      await form
        .getByLabel('Instructions')
        .fill('IBAN DE89 3704 0044 0532 0130 00\nReference: your order number.');
      await form.getByRole('radio', { name: 'When it ships' }).check();
      await form.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Payment settings saved.').waitFor();

      const saved = (await owner.request({ method: 'GET', url: `${api}/payments/settings` })).json().settings;
      assert.equal(saved.captureMode, 'on_fulfilment');
      assert.deepEqual(saved.providers, {
        manual: {
          enabled: true,
          title: 'Bank transfer (SEPA)',
          instructions: 'IBAN DE89 3704 0044 0532 0130 00\nReference: your order number.',
        },
        test_card: { enabled: false },
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshotScreen(page, `settings-payments-${target.kind}`, { height: 1400 });
    });

    test('payments: a webhook secret is shown once; replacing it asks first', async () => {
      await page.getByRole('button', { name: 'Make a secret' }).click();
      const secret = page.getByTestId('new-webhook-secret');
      assert.match((await secret.textContent()) ?? '', /^whsec_[A-Za-z0-9+/=]{40,}$/);
      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      await secret.waitFor({ state: 'detached' });
      await page.getByText('Set', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Replace the secret' }).click();
      await page.getByRole('dialog', { name: 'Replace the webhook secret?' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      const audit = (await owner.request({ method: 'GET', url: `${api}/audit?limit=20` })).json();
      const actions = (audit.items as { action: string }[]).map((e) => e.action);
      assert.ok(actions.includes('payment.webhook_secret_rotated'), actions.join());
      assert.ok(!JSON.stringify(audit).includes('whsec_'), 'the audit never holds the secret');
    });

    test('orders and returns: an empty window is refused; prefix, window and instructions are saved', async () => {
      await storeNavLink(page, 'Orders and returns').click();
      const form = page.getByRole('form', { name: 'Order settings' });
      await form.getByLabel('Prefix').fill('AA-');
      await form.getByText('An order reads AA-1001.').waitFor();
      await form.getByLabel('Return window').fill('');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('A whole number of days from 0 to 365.').waitFor();
      await form.getByLabel('Return window').fill('14');
      await form
        .getByLabel('Return instructions')
        .fill('Send the items to our Berlin warehouse, Lindenstraße 3.');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Order settings saved.').waitFor();
      const saved = (await owner.request({ method: 'GET', url: `${api}/order-settings` })).json().settings;
      assert.deepEqual(saved, {
        numberPrefix: 'AA-',
        returnWindowDays: 14,
        returnInstructions: 'Send the items to our Berlin warehouse, Lindenstraße 3.',
      });
      await screenshotScreen(page, `settings-orders-${target.kind}`);
    });

    test('a viewer reads both screens and can change nothing', async () => {
      const viewing = await admin.signIn(viewer);
      try {
        await storeNavLink(viewing, 'Payments').click();
        const payments = viewing.getByRole('form', { name: 'Payment settings' });
        await payments.getByLabel('Name shown to shoppers').waitFor();
        assert.equal(await payments.getByLabel('Name shown to shoppers').isDisabled(), true);
        assert.equal(
          await viewing.getByRole('button', { name: /Save settings|Replace the secret/ }).count(),
          0,
        );
        await storeNavLink(viewing, 'Orders and returns').click();
        const orders = viewing.getByRole('form', { name: 'Order settings' });
        await orders.getByLabel('Prefix').waitFor();
        assert.equal(await orders.getByLabel('Prefix').inputValue(), 'AA-');
        assert.equal(await orders.getByLabel('Prefix').isDisabled(), true);
        assert.equal(await viewing.getByRole('button', { name: 'Save settings' }).count(), 0);
      } finally {
        await viewing.close();
      }
    });
  });
}
