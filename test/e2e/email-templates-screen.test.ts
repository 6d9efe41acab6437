// A store owner rewrites an e-mail in real Chromium: Settings → E-mail templates lists every e-mail
// with the store's languages; the order confirmation opens with its built-in text, the variables
// beside it and a live preview (HTML in a sandboxed frame, plain text in a tab). A variable clicked
// goes in where the cursor is; the preview follows the typing; a broken template shows where it
// breaks and is refused on save; the fixed one saves (the list marks it customised), is test-sent to
// the owner, and goes back to the built-in text on reset. Script in a template never runs in the
// console. A viewer reads but cannot change. Screenshots: scratch/screens/email-templates-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { mailMessages } from '../../src/platform/mail/schema.ts';
import { badge, eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { makeMember } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();

for (const target of testDatabaseTargets()) {
  describe(`e-mail templates in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let ownerEmail: string;
    let viewer: { email: string; password: string };

    // A window as tall as the editor and its preview: Chromium paints a frame only once it is in view.
    const shot = (p: Page, name: string, height?: number) =>
      screenshotScreen(p, `email-templates-${name}-${target.kind}`, { height });
    const subjectInput = (p: Page) => p.getByLabel('Subject', { exact: true });
    const bodyInput = (p: Page) => p.getByRole('textbox', { name: 'Body' });
    const previewFrame = (p: Page) => p.frameLocator('iframe[title="E-mail preview"]');
    const previewSubject = (p: Page) => p.getByTestId('preview-subject');

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'linen-co',
        name: 'Linen & Co',
        baseCurrency: 'EUR',
        locales: ['en', 'fr'],
      });
      const owner = await makeMember(database, store.id, 'owner');
      ownerEmail = owner.email;
      viewer = await makeMember(database, store.id, 'viewer');
      page = await admin.signIn(owner);
    });
    after(() => admin?.close());

    test('the list shows every e-mail, when it goes, and its languages', async () => {
      await storeNavLink(page, 'E-mail templates').click();
      const table = page.getByRole('table', { name: 'E-mail templates' });
      const rows = await eventually(
        () => tableRows(table, 'text'),
        (r) => r.length === 18,
        'template rows',
      );
      assert.deepEqual(rows[0]?.slice(0, 2), ['Order confirmation', 'A customer places an order.']);
      await table.getByRole('link', { name: 'English (en): built-in text' }).first().waitFor();
      assert.equal(await table.getByRole('link', { name: 'French (fr): built-in text' }).count(), 18);
      assert.ok(rows.some((r) => r[0] === 'Shipping confirmation'));
      assert.ok(rows.some((r) => r[0] === 'Password reset'));
      assert.match(page.url(), /\/admin\/stores\/linen-co\/settings\/email-templates$/);
      await shot(page, 'list');
    });

    test('the editor shows the built-in text, the variables and a live preview', async () => {
      await page.getByRole('link', { name: 'Order confirmation' }).click();
      await page.waitForURL(/\/settings\/email-templates\/order_confirmation\?locale=en$/);
      assert.equal(await subjectInput(page).inputValue(), 'Order {{ order.name }} confirmed');
      assert.match(await bodyInput(page).inputValue(), /^<h1>Thank you for your order<\/h1>/);
      await badge(page, 'Built-in text').waitFor();
      await eventually(
        () => previewSubject(page).textContent(),
        (t) => t === 'Order #1001 confirmed',
        'subject',
      );
      const frame = previewFrame(page);
      await frame.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
      await frame.getByText('Linen apron').waitFor();
      await frame.getByText('€104.50').first().waitFor();
      await page.getByRole('button', { name: 'Insert order.total' }).waitFor();
      await shot(page, 'editor', 2100);
    });

    test('a variable goes in at the cursor and the preview follows the typing', async () => {
      await subjectInput(page).fill('Thanks {{ customer.first_name }}, order {{ order.number }}');
      await bodyInput(page).fill('<h1>Merci!</h1>\n<p>Total: </p>');
      // The cursor after "Total: ", then a click on the variable.
      await bodyInput(page).evaluate((el: HTMLTextAreaElement) => {
        el.focus();
        el.setSelectionRange(26, 26);
      });
      await page.getByRole('button', { name: 'Insert order.total' }).click();
      assert.equal(await bodyInput(page).inputValue(), '<h1>Merci!</h1>\n<p>Total: {{ order.total }}</p>');
      await eventually(
        () => previewSubject(page).textContent(),
        (t) => t === 'Thanks Ada, order 1001',
        'subject',
      );
      await previewFrame(page).getByText('Total: €104.50').waitFor();
      await page.getByRole('tab', { name: 'Plain text' }).click();
      const text = await eventually(
        () => page.getByLabel('Plain-text part').textContent(),
        (t) => Boolean(t?.includes('Total: €104.50')),
        'plain text',
      );
      assert.match(text ?? '', /^Merci!\n\nTotal: €104\.50\n\n--\nLinen & Co\n$/);
      await page.getByRole('tab', { name: 'HTML' }).click();
    });

    test('a broken template says where it breaks and is not saved', async () => {
      await bodyInput(page).fill('<h1>Merci!</h1>\n<p>{% if order.total %}Total: {{ order.total }}</p>');
      const alert = page.getByRole('alert').filter({ hasText: 'The template does not work yet' });
      await alert.getByText(/not closed.*\(line 2, column 4\)/).waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByText(/The body does not work: tag \{% if order\.total %\} not closed/)
        .first()
        .waitFor();
      assert.equal(
        (await admin.database.execute('select count(*)::int as n from mail_templates'))[0]!.n,
        0,
        'nothing saved',
      );
      await shot(page, 'error', 2100);
    });

    test('script in a template never runs in the console', async () => {
      await bodyInput(page).fill(
        '<p>Total: {{ order.total }}</p><script>window.parent.__templateRan = 1; document.title = "ran"</script>',
      );
      await previewFrame(page).getByText('Total: €104.50').waitFor();
      assert.equal(
        await page.evaluate(() => (window as { __templateRan?: number }).__templateRan),
        undefined,
      );
      assert.equal(await page.locator('iframe[title="E-mail preview"]').getAttribute('sandbox'), '');
    });

    test('a saved text is marked customised, is test-sent to the owner, and resets to the built-in text', async () => {
      await bodyInput(page).fill('<h1>Merci!</h1>\n<p>Total: {{ order.total }}</p>');
      await page.getByRole('button', { name: 'Save' }).click();
      await badge(page, 'Customised').waitFor();
      await page.getByText('Order confirmation (English) saved.').waitFor();

      await page.getByRole('button', { name: 'Send test' }).click();
      await page.getByText(`is on its way to ${ownerEmail}`, { exact: false }).waitFor();
      const [sent] = await admin.database.db
        .select()
        .from(mailMessages)
        .where(eq(mailMessages.topic, 'transactional.test'));
      assert.equal(sent?.subject, '[Test] Thanks Ada, order 1001');
      assert.deepEqual(sent?.toAddresses, [ownerEmail]);
      await shot(page, 'saved', 1500);

      await page.getByRole('link', { name: 'All e-mails' }).click();
      const table = page.getByRole('table', { name: 'E-mail templates' });
      await table.getByRole('link', { name: 'English (en): customised' }).waitFor();
      await table.getByRole('link', { name: 'French (fr): built-in text' }).first().click();
      await page.waitForURL(/order_confirmation\?locale=fr$/);
      await eventually(
        () => subjectInput(page).inputValue(),
        (v) => v === 'Commande {{ order.name }} confirmée',
        'French subject',
      );
      await previewFrame(page).getByText('104,50 €').first().waitFor();

      await page.getByRole('combobox', { name: 'Language' }).click();
      await page.getByRole('option', { name: 'English (en)' }).click();
      await page.waitForURL(/order_confirmation\?locale=en$/);
      await page.getByRole('button', { name: 'Reset to default' }).click();
      await page
        .getByRole('dialog', { name: 'Go back to the built-in text?' })
        .getByRole('button', { name: 'Reset to default' })
        .click();
      await eventually(
        () => subjectInput(page).inputValue(),
        (v) => v === 'Order {{ order.name }} confirmed',
        'built-in subject again',
      );
      await badge(page, 'Built-in text').waitFor();
    });

    test('on a phone the editor stacks; a viewer reads without changing', async () => {
      const phone = await admin.signIn(viewer, { viewport: { width: 390, height: 844 }, isMobile: true });
      await phone.goto(
        `${admin.base}/admin/stores/linen-co/settings/email-templates/shipping_confirmation?locale=en`,
      );
      await eventually(
        () => subjectInput(phone).inputValue(),
        (v) => v === 'Your order {{ order.name }} is on its way',
        'subject',
      );
      assert.equal(await subjectInput(phone).getAttribute('readonly'), '');
      assert.equal(await phone.getByRole('button', { name: 'Save' }).count(), 0);
      assert.equal(await phone.getByRole('button', { name: 'Send test' }).count(), 0);
      await previewFrame(phone).getByText('JD014600006281234567').waitFor();
      await shot(phone, 'phone', 3200);
      await phone.close();
    });
  });
}
