// The support SLA settings and the support metrics screens in real Chromium. A support lead opens
// Support SLA, is stopped by a target of 0 minutes and by a day that closes before it opens, sets
// Normal to answer within 90 minutes and opens on Saturday mornings, and the API agrees. Then the
// metrics of a week of tickets (answered, solved, one rated Good) show their figures and charts.
// Screenshots go to scratch/screens/support-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { rateTicket, sendDueCsatSurveys } from '../../src/modules/support/index.ts';
import { runAt } from '../../src/platform/clock.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/help-desk/support';
const storeAdmin = '/admin/stores/help-desk';
const DAY = 86_400_000;

for (const target of testDatabaseTargets()) {
  describe(`support SLA and metrics screens in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let lead: Browser;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'help-desk', 'EUR');
      lead = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      // A week of tickets, opened at 10:00 UTC on the last seven days; most answered within hours.
      const today = new Date();
      today.setUTCHours(10, 0, 0, 0);
      for (let i = 0; i < 7; i++) {
        const opened = new Date(today.getTime() - (7 - i) * DAY);
        for (let n = 0; n <= i % 3; n++) {
          const ticket = await runAt(opened, async () => {
            const res = await lead.request({
              method: 'POST',
              url: `${api}/tickets`,
              payload: {
                subject: `Question ${i}-${n}`,
                body: 'Where is my parcel?',
                requesterEmail: `c${i}${n}@example.com`,
                priority: n === 2 ? 'urgent' : 'normal',
              },
            });
            assert.equal(res.statusCode, 201, res.body);
            return res.json().ticket as { id: string };
          });
          if ((i + n) % 4 === 3) continue; // left waiting
          const detail = (await lead.request({ method: 'GET', url: `${api}/tickets/${ticket.id}` })).json();
          const answered = await runAt(
            new Date(opened.getTime() + (1 + n * 5) * 3_600_000),
            async () =>
              await lead.request({
                method: 'POST',
                url: `${api}/tickets/${ticket.id}/replies`,
                payload: {
                  body: 'On its way.',
                  lastSeenMessageId: detail.messages[0].id,
                  status: i % 2 ? 'solved' : 'pending',
                },
              }),
          );
          assert.equal(answered.statusCode, 201, answered.body);
        }
      }
      await sendDueCsatSurveys(database.db, today);
      const [mail] = await database.execute<{ html: string }>(
        `select html from mail_messages where topic = 'transactional.support_satisfaction' limit 1`,
      );
      const token = /\/support\/rate\/([^"?]+)\?rating=good/.exec(mail?.html ?? '')?.[1];
      assert.ok(token, 'a survey went out');
      assert.equal((await rateTicket(database.db, store.id, token, 'good'))?.recorded, true);
      page = await admin.signIn(await makeMember(database, store.id, 'support'));
    });
    after(() => admin?.close());

    test('the SLA screen refuses a zero target and a backwards day, then saves', async () => {
      await page.goto(`${admin.base}${storeAdmin}/support/sla`);
      await page.getByRole('heading', { name: 'Support SLA' }).waitFor();
      const normalFirst = page.getByLabel('Normal first response (minutes)');
      assert.equal(await normalFirst.inputValue(), '480 min');
      await normalFirst.fill('0');
      await page.getByLabel('Saturday').check();
      await page.getByLabel('Saturday opens').fill('10:00');
      await page.getByLabel('Saturday closes').fill('09:00');
      await page.getByRole('button', { name: 'Save SLA' }).click();
      await page.getByText('Whole minutes, at least 1.').waitFor();
      await page.getByText('Closes after it opens.').waitFor();
      await screenshotScreen(page, `support-sla-errors-${target.kind}`, { height: 1100 });

      await normalFirst.fill('90');
      await page.getByLabel('Saturday closes').fill('14:00');
      await page.getByRole('button', { name: 'Save SLA' }).click();
      await page.getByText(/SLA saved/).waitFor();
      const saved = (await lead.request({ method: 'GET', url: `${api}/sla` })).json();
      assert.equal(saved.targets.normal.firstResponseMinutes, 90);
      assert.deepEqual(saved.hours.days['6'], { open: '10:00', close: '14:00' });
      await screenshotScreen(page, `support-sla-${target.kind}`, { height: 1100 });
    });

    test('the metrics screen shows the week’s figures, charts and breakdowns', async () => {
      await page.goto(`${admin.base}${storeAdmin}/support/metrics`);
      await page.getByRole('heading', { name: 'Support metrics' }).waitFor();
      const metrics = (await lead.request({ method: 'GET', url: `${api}/metrics` })).json();
      assert.ok(metrics.created >= 10);
      await eventually(
        async () => (await page.getByText('Customer satisfaction').count()) > 0,
        (shown) => shown,
        'the figures are shown',
      );
      assert.equal(
        await page.getByText('100%', { exact: true }).first().isVisible(),
        true,
        'one Good rating',
      );
      await page.getByRole('table', { name: 'By channel' }).getByText('Opened by staff').waitFor();
      await page.getByLabel('Open tickets at the end of each day').waitFor();
      await screenshotScreen(page, `support-metrics-${target.kind}`, { height: 1300 });
    });
  });
}
