// Someone reads the store's mail in real Chromium on an installation without SMTP: Mail (in the nav)
// starts empty and says where mail comes from and that nothing leaves the machine; two purchase
// orders sent through the API (a PDF and a CSV) show up queued, then sent by the development
// transport (the list looks again by itself) with a notice saying so; one opens in a drawer with its
// headers and text (a store name and a contact with HTML in them shown as text, never run), its PDF
// downloads and the CSV's link serves the CSV; a third order refused by an SMTP server shows up failed
// with the server's answer, found by the state filter; the drawer links to the order. On a phone the
// list and the drawer fit, and a viewer (no purchasing) sees the order's id instead of a link.
// Screenshots go to scratch/screens/mail-*.png.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { createJobRunner } from '../../src/platform/jobs/index.ts';
import { registerMailJobs } from '../../src/platform/mail/index.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/kiln-post';
/** Both would run if the console ever put a subject or a text in the page as HTML. */
const storeName = 'Kiln <script>window.__mailInjected = 1</script> Post';
const contactName = '<img src=x onerror="window.__mailInjected = 2">Ada Lind';

/** An SMTP server on a free local port that refuses every recipient for good (550). */
async function startRefusingSmtpServer() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

for (const target of testDatabaseTargets()) {
  describe(`mail screen in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let viewer: { email: string; password: string };
    let variantId: string;
    let locationId: string;
    let pdfOrderId: string;

    const shot = (p: Page, name: string) => screenshotScreen(p, `mail-${name}-${target.kind}`);
    const mailTable = (p: Page) => p.getByRole('table', { name: 'Mail' });
    const drawer = (p: Page) => p.getByRole('dialog', { name: 'Message' });
    /** The drawer's headers, label → text, once the message has loaded. */
    const messageDetails = (p: Page) =>
      eventually(
        () =>
          drawer(p)
            .getByRole('table', { name: 'Message details' })
            .locator('tr')
            .evaluateAll((rows) =>
              Object.fromEntries(
                rows.map((row) => [
                  row.querySelector('th')?.textContent ?? '',
                  (row.querySelector('td')?.textContent ?? '').trim(),
                ]),
              ),
            ),
        (d: Record<string, string>) => 'Message-ID' in d,
        'message details',
      );
    const injected = (p: Page) => p.evaluate(() => (window as { __mailInjected?: number }).__mailInjected);

    /** A supplier, a draft for 10 mugs from it, sent: the order's e-mail is queued. */
    const sendOrder = async (supplier: Record<string, unknown>) => {
      const created = await owner.request({
        method: 'POST',
        url: `${api}/inventory/suppliers`,
        payload: { currency: 'EUR', ...supplier },
      });
      assert.equal(created.statusCode, 201, created.body);
      const draft = await owner.request({
        method: 'POST',
        url: `${api}/inventory/purchase-orders`,
        payload: {
          supplierId: created.json().supplier.id,
          locationId,
          lines: [{ variantId, quantity: 10, unitCost: { amount: 450 } }],
        },
      });
      assert.equal(draft.statusCode, 201, draft.body);
      const orderId: string = draft.json().purchaseOrder.id;
      const sent = await owner.request({
        method: 'POST',
        url: `${api}/inventory/purchase-orders/${orderId}/send`,
      });
      assert.equal(sent.statusCode, 200, sent.body);
      return orderId;
    };
    /** Runs the queued `mail.send` jobs once, as the server would: development transport without `smtpUrl`. */
    const runMailJobs = async (smtpUrl?: string) => {
      const runner = createJobRunner({
        database: admin.database,
        logger: pino({ level: 'silent' }),
        retry: { baseMs: 1, maxMs: 5 },
      });
      registerMailJobs(runner, { smtpUrl, timeoutMs: 5000 });
      return runner.runDueJobsOnce();
    };

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'kiln-post',
        name: storeName,
        baseCurrency: 'EUR',
      });
      const operations = await makeMember(database, store.id, 'operations');
      viewer = await makeMember(database, store.id, 'viewer');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      locationId = (await makeLocation(database, store.id, 'Kiln warehouse')).id;
      const product = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { title: 'Oat Mug', price: { amount: 1800 }, sku: 'MUG-OAT' },
      });
      assert.equal(product.statusCode, 201, product.body);
      variantId = product.json().product.variants[0].id;
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('with no mail yet, Mail says where mail comes from and that without SMTP nothing leaves the machine', async () => {
      await storeNavLink(page, 'Mail').click();
      await page.getByText('No mail yet').waitFor();
      await page.getByText('nothing leaves this machine', { exact: false }).waitFor();
      await page.getByText('STOREPILOT_SMTP_URL').first().waitFor();
      assert.match(page.url(), /\/admin\/stores\/kiln-post\/mail$/);
      await shot(page, 'empty');
    });

    test('two orders sent show up queued, then sent by the development transport, newest first', async () => {
      pdfOrderId = await sendOrder({ name: 'Nordic Ceramics', contactName, email: 'orders@nordic.example' });
      await sendOrder({ name: 'Lisbon Clay', email: 'orders@lisbon.example', orderFormat: 'csv' });
      // Another section and back: the list looks again on every visit.
      await storeNavLink(page, 'Purchasing').click();
      await storeNavLink(page, 'Mail').click();
      const rows = await eventually(
        () => tableRows(mailTable(page), 'text'),
        (r) => r.length === 2,
        'mail rows',
      );
      // When, to, subject, topic, state, files.
      assert.equal(rows[0]![1], 'orders@lisbon.example');
      assert.equal(rows[1]![1], 'orders@nordic.example');
      for (const row of rows) {
        assert.match(
          row[2]!,
          /^Purchase order PO-\d+ from Kiln <script>window\.__mailInjected = 1<\/script> Post/,
        );
        assert.equal(row[3], 'Purchase order');
        assert.equal(row[4], 'Queued');
        assert.equal(row[5], '1');
      }
      assert.equal(await page.getByText('Mail is not leaving this machine').count(), 0, 'nothing sent yet');

      assert.equal(await runMailJobs(), 2);
      // No reload: the list looks again by itself while a message is queued.
      await mailTable(page).getByText('Queued').first().waitFor({ state: 'detached', timeout: 15_000 });
      for (const row of await tableRows(mailTable(page), 'text')) assert.match(row[4]!, /^Sent\s*kept here$/);
      await page.getByText('Mail is not leaving this machine').waitFor();
      assert.equal(await mailTable(page).locator('script, img').count(), 0, 'the subject is text');
      assert.equal(await injected(page), undefined);
      await shot(page, 'list');
    });

    test('a message opens in a drawer with its headers and text, HTML shown as text; its PDF downloads', async () => {
      await mailTable(page)
        .getByRole('button', { name: /^Open Purchase order/ })
        .last()
        .click();
      const message = drawer(page);
      await message.getByRole('heading', { name: /^Purchase order PO-\d+ from Kiln <script>/ }).waitFor();
      assert.match(page.url(), /\/mail\?message=mail_[0-9a-z]{26}$/);
      const details = await messageDetails(page);
      assert.ok(details.From?.startsWith(`"${storeName}" <`), `From: ${details.From}`);
      assert.equal(details.To, 'orders@nordic.example');
      assert.equal(details.Attempts, '1');
      assert.equal(details['Last error'], 'None');
      assert.match(details['Message-ID']!, /^<.+@.+>$/);
      assert.notEqual(details.Sent, 'Not yet');
      assert.match(details.Transport!, /^Development: kept here, not delivered/);

      const text = (await message.getByLabel('Message text').textContent()) ?? '';
      assert.match(text, /^Hello <img src=x onerror="window\.__mailInjected = 2">Ada Lind,\n/);
      assert.match(text, /please find attached our purchase order PO-\d+: 1 line, 10 units/);
      assert.equal(await message.locator('script, img').count(), 0, 'the text is text');
      assert.equal(await injected(page), undefined);
      await shot(page, 'drawer');

      const link = message.getByRole('link', { name: /^PO-\d+\.pdf$/ });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.match(download.suggestedFilename(), /^PO-\d+\.pdf$/);
      const bytes = readFileSync((await download.path())!);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', 'the attachment is the order PDF');

      await message.getByRole('link', { name: 'Open the purchase order' }).click();
      await page.waitForURL(new RegExp(`/admin/stores/kiln-post/purchasing/${pdfOrderId}$`));
      await page.getByText('E-mail to the supplier').waitFor();
    });

    test("the CSV order's attachment link serves the CSV", async () => {
      await storeNavLink(page, 'Mail').click();
      await mailTable(page)
        .getByRole('button', { name: /^Open Purchase order/ })
        .first()
        .click();
      const link = drawer(page).getByRole('link', { name: /^PO-\d+\.csv$/ });
      const href = await link.getAttribute('href');
      assert.match(href ?? '', /^\/api\/admin\/stores\/kiln-post\/mail\/mail_[0-9a-z]{26}\/attachments\/0$/);
      // Fetched by the page, with the session that shows it.
      const file = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      }, href!);
      assert.equal(file.status, 200);
      assert.equal(file.type, 'text/csv');
      assert.match(file.body, /MUG-OAT/);
      await page.keyboard.press('Escape');
      await drawer(page).waitFor({ state: 'detached' });
      assert.match(page.url(), /\/mail$/);
    });

    test("an order refused by the SMTP server shows up failed with the server's answer, found by the filter", async () => {
      const smtp = await startRefusingSmtpServer();
      try {
        await sendOrder({ name: 'Closed Pottery', email: 'nobody@closed.example' });
        assert.equal(await runMailJobs(smtp.url), 1);
      } finally {
        await smtp.close();
      }
      await storeNavLink(page, 'Purchasing').click();
      await storeNavLink(page, 'Mail').click();
      await eventually(
        () => tableRows(mailTable(page), 'text'),
        (r) => r.length === 3,
        'mail rows',
      );
      // The newest message went over SMTP, so the list no longer says mail stays here.
      assert.equal(await page.getByText('Mail is not leaving this machine').count(), 0);

      await page.getByRole('combobox', { name: 'State' }).click();
      await page.getByRole('option', { name: 'Failed' }).click();
      const rows = await eventually(
        () => tableRows(mailTable(page), 'text'),
        (r) => r.length === 1,
        'failed rows',
      );
      assert.equal(rows[0]![1], 'nobody@closed.example');
      assert.match(rows[0]![4]!, /^Failed\s*EENVELOPE: .*550 5\.1\.1 No such mailbox here$/);
      assert.match(page.url(), /state=failed/);
      // The whole answer on hover, where the row has room for its start only.
      await mailTable(page)
        .getByText(/^EENVELOPE:/)
        .hover();
      await page
        .getByRole('tooltip')
        .getByText(/550 5\.1\.1 No such mailbox here$/)
        .waitFor();
      await shot(page, 'failed');

      await mailTable(page)
        .getByRole('button', { name: /^Open Purchase order/ })
        .click();
      const details = await messageDetails(page);
      assert.equal(details.Transport, 'SMTP server');
      assert.equal(details.Sent, 'Not yet');
      assert.equal(details.Attempts, '1');
      assert.match(details['Last error']!, /550 5\.1\.1 No such mailbox here$/);
      assert.equal(details['Message-ID'], 'Given when it is sent');
      await page.keyboard.press('Escape');

      await page.getByRole('combobox', { name: 'State' }).click();
      await page.getByRole('option', { name: 'Queued' }).click();
      await page.getByText('No queued mail').waitFor();
    });

    test('while the list loads a skeleton stands in; when it cannot be loaded it says why and tries again', async () => {
      const isList = (url: URL) => url.pathname === '/api/admin/stores/kiln-post/mail';
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(isList, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${admin.base}/admin/stores/kiln-post/mail`);
      await page.getByLabel('Loading mail').waitFor();
      await shot(page, 'loading');
      release();
      await mailTable(page).waitFor();
      await page.unroute(isList);

      await page.route(isList, (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'The database did not answer.' } }),
        }),
      );
      await page.reload();
      const alert = page.getByRole('alert').filter({ hasText: 'The mail could not be loaded' });
      // The console retries a server error twice before it shows one.
      await alert.getByText('The database did not answer.').waitFor({ timeout: 15_000 });
      await shot(page, 'error');
      await page.unroute(isList);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await eventually(
        () => tableRows(mailTable(page), 'text'),
        (r) => r.length === 3,
        'mail rows after trying again',
      );
    });

    test('on a phone a viewer finds Mail in the menu; the list and the drawer fit, and the order is named, not linked', async () => {
      const phone = await admin.signIn(viewer, { viewport: { width: 390, height: 844 } });
      try {
        await phone.getByRole('button', { name: 'Open navigation' }).click();
        await storeNavLink(phone, 'Mail').click();
        await eventually(
          () => tableRows(mailTable(phone), 'text'),
          (r) => r.length === 3,
          'mail rows on a phone',
        );
        const overflow = () =>
          phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(await overflow(), 0, 'the page does not scroll sideways');
        await shot(phone, 'phone-list');

        await mailTable(phone)
          .getByRole('button', { name: /^Open Purchase order/ })
          .last()
          .click();
        const message = drawer(phone);
        await message.getByLabel('Message text').waitFor();
        assert.equal(await message.getByRole('link', { name: 'Open the purchase order' }).count(), 0);
        assert.equal((await messageDetails(phone)).About, `Purchase order ${pdfOrderId}`);
        assert.equal(await injected(phone), undefined);
        await shot(phone, 'phone-drawer');
      } finally {
        await phone.close();
      }
    });
  });
}
