// The experiment results page in Chromium. A banner test has run ten days with the banner clearly
// ahead: the page says so in plain words, shows each metric per variant with its uplift and
// interval and the cumulative uplift chart; the marketer ships the winner through the confirmation
// and the page shows it shipped. A second test's split is skewed and its variant drives refunds up:
// the red split banner and the orange guardrail banner say so. A test nobody has seen yet explains
// that, and an analyst sees the results without the actions. Screenshots of each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import {
  changeExperimentStatus,
  createExperiment,
  type ExperimentInput,
  getExperiment,
} from '../../src/modules/experiments/index.ts';
import { seedExperimentOutcomes } from '../../src/modules/experiments/testing/experiment-outcomes.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const actor = systemActor('experiment results e2e');

const bannerTest = (key: string, name: string, more: Partial<ExperimentInput> = {}): ExperimentInput => ({
  key,
  name,
  hypothesis: 'Telling shoppers about free shipping makes more of them buy.',
  point: 'announcement_banner',
  variants: [
    { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
    { key: 'banner', name: 'Banner', weight: 50, change: { show: true, text: 'Free shipping from €50' } },
  ],
  primaryMetric: 'conversion_rate',
  ...more,
});

for (const target of testDatabaseTargets()) {
  describe(`the experiment results page in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let storeId: string;
    let winnerId: string;
    let skewedId: string;
    let unseenId: string;
    let analyst: { email: string; password: string };

    before(async () => {
      admin = await startAdminInChromium(target);
      const db = admin.database.db;
      const store = await makeStore(admin.database, 'testbed', 'EUR');
      storeId = store.id;

      const winner = await createExperiment(
        db,
        store.id,
        actor,
        bannerTest('free-shipping', 'Free shipping banner', {
          secondaryMetrics: ['revenue_per_visitor', 'average_order_value'],
          guardrailMetrics: ['add_to_cart_rate'],
        }),
      );
      await changeExperimentStatus(db, store.id, actor, winner.id, 'running');
      await seedExperimentOutcomes(db, {
        store,
        experimentId: winner.id,
        prefix: 'winner',
        start: new Date(Date.now() - 10 * 86_400_000),
        days: 10,
        arms: [
          {
            variant: 'control',
            visitors: 5000,
            adds: (i) => i % 100 < 15,
            buys: (i) => i % 100 < 5,
            revenue: (i) => 4000 + (i % 5) * 1000,
            boughtBefore: (i) => i % 50 === 7 || i % 100 === 1,
          },
          {
            variant: 'banner',
            visitors: 5000,
            adds: (i) => i % 100 < 19,
            buys: (i) => i % 100 < 10,
            revenue: (i) => 4000 + (i % 5) * 1000,
            boughtBefore: (i) => i % 50 === 7 || i % 100 === 1,
          },
        ],
      });
      winnerId = winner.id;

      const skewed = await createExperiment(
        db,
        store.id,
        actor,
        bannerTest('returns-banner', 'Easy returns banner', { guardrailMetrics: ['refund_rate'] }),
      );
      await changeExperimentStatus(db, store.id, actor, skewed.id, 'running');
      await seedExperimentOutcomes(db, {
        store,
        experimentId: skewed.id,
        prefix: 'skewed',
        start: new Date(Date.now() - 9 * 86_400_000),
        days: 9,
        arms: [
          {
            variant: 'control',
            visitors: 1500,
            adds: (i) => i % 100 < 12,
            buys: (i) => i % 100 < 6,
            revenue: () => 5000,
            refunded: (i) => (i % 1000 < 100 ? 5000 : 0),
          },
          {
            variant: 'banner',
            visitors: 1000,
            adds: (i) => i % 100 < 12,
            buys: (i) => i % 100 < 6,
            revenue: () => 5000,
            refunded: (i) => (i % 1000 < 500 ? 5000 : 0),
          },
        ],
      });
      skewedId = skewed.id;

      unseenId = (await createExperiment(db, store.id, actor, bannerTest('unseen', 'Not started yet'))).id;

      page = await admin.signIn(await makeMember(admin.database, store.id, 'marketing'));
      analyst = await makeMember(admin.database, store.id, 'analyst');
    });
    after(async () => {
      await page?.close();
      await admin?.close();
    });

    const resultsUrl = (id: string) => `${admin.base}/admin/stores/testbed/experiments/${id}`;

    test('a clear winner reads as one, and the marketer ships it', async () => {
      await page.goto(`${admin.base}/admin/stores/testbed`);
      await storeNavLink(page, 'Experiments').click();
      await page.getByRole('link', { name: 'Free shipping banner' }).click();
      await page.waitForURL(resultsUrl(winnerId));

      const verdict = page.getByTestId('verdict');
      await verdict.waitFor();
      assert.equal(await verdict.getAttribute('data-kind'), 'winner');
      assert.match(
        (await verdict.textContent()) ?? '',
        /We have a winner.*Banner is winning: .*conversion rate/,
      );
      assert.match(
        (await page.getByTestId('how-sure').textContent()) ?? '',
        /> 99% chance that Banner does better than No banner on conversion rate \(\+100\.0%, likely between/,
      );
      assert.equal(await page.getByTestId('srm-banner').count(), 0, 'a fair split raises no alarm');
      assert.equal(await page.getByTestId('duration-note').count(), 0, 'ten days is past the minimum');

      const conversion = page.getByRole('table', { name: 'Conversion rate per variant' });
      const rows = await tableRows(conversion);
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[0]!.slice(0, 4), ['No banner control', '5,000', '250 bought', '5.00%']);
      assert.deepEqual(rows[1]!.slice(0, 4), ['Banner', '5,000', '500 bought', '10.00%']);
      assert.match(
        rows[1]![4]!,
        /^\+\d+\.\d% \+\d+\.\d% to \+\d+\.\d%$/,
        'a lift whose interval is above zero',
      );
      assert.equal(
        await conversion.locator('svg[role="img"]').getAttribute('data-side'),
        'good',
        'the interval bar is green',
      );
      assert.match(rows[1]![6]!, /> 99%|9\d%/);
      // Money in the store's currency: revenue per visitor and per order.
      const revenue = await tableRows(
        page.getByRole('table', { name: 'Revenue per visitor per variant' }),
        'text',
      );
      assert.match(revenue[0]![2]!, /€15,000\.00 revenue/);
      assert.match(revenue[0]![3]!, /€3\.00/);
      const guardrail = page.getByTestId('metric-add_to_cart_rate');
      assert.match((await guardrail.textContent()) ?? '', /Guardrail/);
      assert.equal(await page.getByTestId('guardrail-banner').count(), 0, 'more carts is no alarm');
      assert.ok((await page.getByTestId('cuped-note').count()) > 0, 'adjusted by the pre-period');
      await page.getByTestId('uplift-chart').locator('.recharts-line').first().waitFor();
      await screenshotScreen(page, `experiment-results-winner-${target.kind}`);

      await page.getByRole('button', { name: 'Ship winner' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ship Banner?' });
      assert.equal(
        await dialog.getByRole('radio', { name: /^Banner/ }).isChecked(),
        true,
        'the winner preselected',
      );
      assert.match(
        (await dialog.textContent()) ?? '',
        /shows Banner to every visitor from now on.*stops the test/,
      );
      await screenshotScreen(page, `experiment-results-ship-dialog-${target.kind}`);
      await dialog.getByRole('button', { name: 'Ship Banner' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await badge(page, 'shipped').waitFor();
      await eventually(
        () => page.getByTestId('shipped-note').textContent(),
        (text) => /Shipped: Banner.*Every visitor sees Banner/.test(text ?? ''),
        'the shipped state',
      );
      assert.equal(await page.getByRole('button', { name: /Ship/ }).count(), 0, 'nothing left to ship');
      assert.equal(await page.getByRole('button', { name: 'Stop test' }).count(), 0);
      const shipped = await getExperiment(admin.database.db, storeId, winnerId);
      assert.equal(shipped.status, 'shipped');
      assert.equal(shipped.shippedVariant, 'banner');
      assert.equal(shipped.shippedAs, 'rollout');
      await screenshotScreen(page, `experiment-results-shipped-${target.kind}`);

      // The winner's season is over: the marketer ends the rollout, after a confirmation.
      await page.getByTestId('end-rollout').click();
      const confirm = page.getByRole('dialog', { name: 'End the rollout of Banner?' });
      await confirm.getByRole('button', { name: 'End the rollout' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await eventually(
        () => page.getByTestId('shipped-note').textContent(),
        (text) => /Rollout ended: Banner.*Every visitor saw Banner from/.test(text ?? ''),
        'the ended rollout',
      );
      assert.equal(await page.getByTestId('end-rollout').count(), 0, 'nothing left to end');
      assert.ok((await getExperiment(admin.database.db, storeId, winnerId)).rolloutEndedAt);
      await screenshotScreen(page, `experiment-results-rollout-ended-${target.kind}`);
    });

    test('a skewed split and a guardrail breach are banners above everything', async () => {
      await page.goto(resultsUrl(skewedId));
      const srm = page.getByTestId('srm-banner');
      await srm.waitFor();
      const text = (await srm.textContent()) ?? '';
      assert.match(text, /The split is broken: don’t trust these results/);
      assert.match(text, /No banner: 1,500 visitors, expected about 1,250/);
      assert.match(text, /Banner: 1,000 visitors, expected about 1,250/);
      assert.equal(await page.getByTestId('verdict').getAttribute('data-kind'), 'sample_ratio_mismatch');
      assert.match(
        (await page.getByTestId('guardrail-banner').textContent()) ?? '',
        /Guardrail: refund rate is \+\d+\.\d% in Banner/,
      );
      const refunds = page.getByRole('table', { name: 'Refund rate per variant' });
      assert.equal(
        await refunds.locator('svg[role="img"]').getAttribute('data-side'),
        'bad',
        'more refunds is red',
      );
      await screenshotScreen(page, `experiment-results-srm-${target.kind}`);
    });

    test('a test nobody has seen explains why there is nothing; an analyst only reads', async () => {
      await page.goto(resultsUrl(unseenId));
      assert.match((await page.getByTestId('no-visitors').textContent()) ?? '', /This test has not started/);
      await screenshotScreen(page, `experiment-results-empty-${target.kind}`);
      const reader = await admin.signIn(analyst);
      try {
        await reader.goto(resultsUrl(skewedId));
        await reader.getByTestId('verdict').waitFor();
        assert.equal(
          await reader.getByRole('button', { name: /Ship|Stop/ }).count(),
          0,
          'no actions to read-only roles',
        );
      } finally {
        await reader.close();
      }
    });
  });
}
