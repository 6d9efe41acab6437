// Newsletters in real Chromium: a marketing member finds a sent newsletter's figures in the list,
// writes a new one for a segment (the editor says how many consenting customers it reaches),
// previews it, sends a test to themself, sends it, and follows it to Sent. Screenshots go to
// /tmp/newsletters-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import {
  findOrCreateGuestCustomer,
  recordMarketingConsent,
  updateCustomer,
} from '../../src/modules/customers/index.ts';
import { createSegment } from '../../src/modules/customers/segments/segments.ts';
import {
  createNewsletter,
  recordClick,
  recordOpen,
  runNewsletterSending,
  scheduleNewsletter,
  updateNewsletterSettings,
} from '../../src/modules/newsletters/index.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { createJobRunner } from '../../src/platform/jobs/index.ts';
import { getMail, listMail, registerMailJobs } from '../../src/platform/mail/index.ts';
import { eventually, storeNavLink } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const actor = systemActor('newsletters e2e');

for (const target of testDatabaseTargets()) {
  describe(`newsletters in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let storeId: string;
    let unsubscribeToken = '';
    const shot = (name: string) =>
      page.screenshot({ path: `/tmp/newsletters-${name}-${target.label.toLowerCase()}.png`, fullPage: true });

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'tidewater', 'EUR');
      storeId = store.id;
      await updateNewsletterSettings(database.db, store.id, actor, { trackingEnabled: true });
      for (let i = 0; i < 9; i++) {
        await database.db.transaction(async (tx) => {
          const c = await findOrCreateGuestCustomer(tx, store.id, { email: `reader${i}@example.test` });
          if (i < 7) await recordMarketingConsent(tx, store.id, c.id, { source: 'double_opt_in' });
          if (i % 2 === 0)
            await updateCustomer(tx, store.id, c.id, { tags: ['vip'] }, { source: 'admin', actor });
        });
      }
      await createSegment(database.db, store.id, actor, {
        name: 'VIP',
        match: 'all',
        rules: [{ field: 'tag', operator: 'equals', value: 'vip' }],
      });
      // Last month's newsletter, sent, with a few opens and a click.
      const old = await createNewsletter(database.db, store.id, actor, {
        subject: 'Autumn linen is here',
        preheader: 'Rust, moss and oat',
        bodyHtml:
          '<h1>Autumn</h1><p><a class="button" href="https://tidewater.example/autumn">See the colours</a></p>',
        audience: { kind: 'all' },
      });
      await scheduleNewsletter(database.db, store.id, actor, old.id, {});
      await runNewsletterSending(database.db, store.id, old.id);
      // The mail layer's job delivers them (the development transport keeps them readable).
      const runner = createJobRunner({ database, logger: pino({ level: 'silent' }) });
      registerMailJobs(runner, {});
      while ((await runner.runDueJobsOnce()) > 0);
      const mails = await listMail(database.db, store.id, { entityType: 'newsletter', entityId: old.id });
      for (const [i, summary] of mails.slice(0, 4).entries()) {
        const token = /unsubscribe\?token=([\w-]+)/.exec(
          (await getMail(database.db, store.id, summary.id)).headers?.['List-Unsubscribe'] ?? '',
        )![1]!;
        await recordOpen(database.db, store.id, token);
        if (i === 0) await recordClick(database.db, store.id, token, 0);
        if (i === 3) unsubscribeToken = token;
      }
      page = await admin.signIn(await makeMember(database, store.id, 'marketing'));
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    test('a marketer writes a newsletter for a segment, tests it, sends it and sees it sent', async () => {
      await page.goto(`${admin.base}/admin/stores/tidewater`);
      await storeNavLink(page, 'Newsletters').click();
      const sentRow = page.getByRole('row', { name: /Autumn linen is here/ });
      await sentRow.waitFor();
      const cells = (await sentRow.getByRole('cell').allTextContents()).map((text) => text.trim());
      // Status, recipients, sent, opened (and the rate of tracked recipients), clicked, unsubscribed.
      assert.deepEqual(cells.slice(1), ['Sent', '7', '7', '457 %', '114 %', '0']);
      await shot('list');

      await page.getByRole('link', { name: 'New newsletter' }).click();
      await page.getByLabel('Subject').fill('Winter blankets');
      await page.getByLabel('Preheader').fill('Warm wool for long nights');
      await page
        .getByLabel('Body (HTML)')
        .fill(
          '<h1>Winter blankets</h1><p>Our wool blankets are back.</p><p><a class="button" href="https://tidewater.example/wool">Shop wool</a></p>',
        );
      await page.getByText('A segment', { exact: true }).click();
      await page.getByRole('combobox', { name: 'Segment' }).click();
      await page.getByRole('option', { name: 'VIP' }).click();
      // Tagged: readers 0, 2, 4, 6, 8; of them 0–6 consent.
      await page.getByText('Reaches 4 customers who consent to marketing e-mail now.').waitFor();
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.getByRole('button', { name: 'Send a test to me' }).waitFor();
      const preview = page.frameLocator('iframe[title="Preview of the newsletter"]');
      await preview.getByText('Our wool blankets are back.').waitFor();
      await page.getByRole('button', { name: 'Send a test to me' }).click();
      await page.getByText(/A test is on its way to /).waitFor();
      await shot('editor');

      await page.getByRole('button', { name: 'Send now' }).click();
      await page.getByText('Scheduled', { exact: true }).first().waitFor();
      const id = page.url().split('/').pop()!;
      await runNewsletterSending(admin.database.db, storeId, id);
      await eventually(
        () => page.getByText('Sent', { exact: true }).count(),
        (n) => n > 0,
        'the screen follows the sending to Sent',
      );
      await page.getByText('Opens and clicks are counted for 4 of 4 recipients').waitFor();
      await shot('sent');
    });

    test('a shopper signs up in the footer’s newsletter page and unsubscribes with the button, without script', async () => {
      const shopper = await admin.chromium.newPage({
        javaScriptEnabled: false,
        viewport: { width: 1000, height: 800 },
      });
      try {
        await shopper.goto(`${admin.base}/s/tidewater/`);
        await shopper
          .getByRole('navigation', { name: /footer/i })
          .getByRole('link', { name: 'Newsletter' })
          .click();
        await shopper.getByLabel('E-mail').fill('new.reader@example.test');
        await shopper.getByRole('button', { name: 'Subscribe' }).click();
        await shopper.getByText('Check your inbox').waitFor();
        await shopper.screenshot({
          path: `/tmp/newsletters-signup-${target.label.toLowerCase()}.png`,
          fullPage: true,
        });

        await shopper.goto(`${admin.base}/s/tidewater/unsubscribe?token=${unsubscribeToken}`);
        await shopper.getByText('Stop our newsletter to reader').waitFor();
        await shopper.screenshot({
          path: `/tmp/newsletters-unsubscribe-${target.label.toLowerCase()}.png`,
          fullPage: true,
        });
        await shopper.getByRole('button', { name: 'Unsubscribe' }).click();
        await shopper.getByText('You are unsubscribed.').waitFor();
      } finally {
        await shopper.close();
      }
    });
  });
}
