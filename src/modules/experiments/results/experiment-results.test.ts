// Experiment results through the real app on both databases, from exposures and the visitors'
// events and order facts: counts per variant, a lift and interval recomputed here from the counts
// by the textbook formulas, the winner and its chance, CUPED where visitors bought before, outcomes
// before the exposure and after the stop left out, a guardrail flagged, a broken split, the
// one-week rule, the cumulative series, and shipping: a product's text changed (or staged for
// review without catalog:publish), audited; reading needs experiments:read, shipping :write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { listAudit, type Store } from '../../access/index.ts';
import { writeVisitorDeeds } from '../../analytics/testing/visitor-history.ts';
import { getProduct } from '../../catalog/index.ts';
import { makeProduct } from '../../checkout/testing/selling-setup.ts';
import { experiments } from '../schema.ts';
import { type SeededArm, seedExperimentOutcomes } from '../testing/experiment-outcomes.ts';
import type { ExperimentResults } from './experiment-results.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function bannerTest(key: string) {
  return {
    key,
    name: 'Delivery banner',
    hypothesis: 'Saying delivery is free above 50 lifts conversion.',
    point: 'announcement_banner',
    variants: [
      { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
      { key: 'banner', name: 'Banner', weight: 50, change: { show: true, text: 'Free delivery over 50' } },
    ],
    primaryMetric: 'conversion_rate',
    secondaryMetrics: ['add_to_cart_rate', 'revenue_per_visitor'],
    guardrailMetrics: ['average_order_value', 'refund_rate'],
  };
}

for (const target of testDatabaseTargets()) {
  describe(`experiment results on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let analyst: ReturnType<typeof withApiKey>;
    let writerWithoutPublish: ReturnType<typeof withApiKey>;
    const base = () => `/api/admin/stores/${store.id}/experiments`;

    /** Defines and starts a test, then dates its start `daysAgo` back (the exposures are older). */
    const startedTest = async (payload: object, daysAgo: number) => {
      const created = await api({ method: 'POST', url: base(), payload });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().experiment.id as string;
      assert.equal((await api({ method: 'POST', url: `${base()}/${id}/start` })).statusCode, 200);
      const startedAt = new Date(Date.now() - daysAgo * DAY);
      await database.db.update(experiments).set({ startedAt }).where(eq(experiments.id, id));
      return { id, startedAt };
    };

    const seed = (experimentId: string, prefix: string, start: Date, days: number, arms: SeededArm[]) =>
      seedExperimentOutcomes(database.db, { store, experimentId, prefix, start, days, arms });

    const results = async (id: string, as = api) => {
      const res = await as({ method: 'GET', url: `${base()}/${id}/results` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().results as ExperimentResults;
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'results');
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write', 'catalog:publish']),
      );
      analyst = withApiKey(sp.app, await makeApiKey(database, store.id, ['experiments:read']));
      writerWithoutPublish = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write']),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a clear winner: counts, lift and interval from the counts, chance, CUPED, guardrail, series', async () => {
      const { id, startedAt } = await startedTest(bannerTest('winner'), 14);
      await seed(id, 'w', startedAt, 14, [
        // Control: 5% buy at €50, 20% add to cart. Banner: 8% buy at €30 (AOV down), 30% add.
        // A tenth of each arm bought in the month before (the pre-period); every 40th order is refunded.
        {
          variant: 'control',
          visitors: 2000,
          buys: (i) => i % 20 === 0,
          adds: (i) => i % 5 === 0,
          revenue: 5000,
          boughtBefore: (i) => i % 10 === 3,
          refunded: (i) => (i % 40 === 0 ? 5000 : 0),
        },
        {
          variant: 'banner',
          visitors: 2000,
          buys: (i) => i % 25 < 2,
          adds: (i) => i % 10 < 3,
          revenue: 3000,
          boughtBefore: (i) => i % 10 === 3,
          refunded: (i) => (i % 40 === 0 ? 3000 : 0),
        },
      ]);
      // Outside the window: a purchase an hour before a visitor's exposure counts only as their
      // pre-period; one after the test stops is not counted at all (checked below, after stopping).
      const r = await results(id, analyst);
      assert.deepEqual(
        r.variants.map((v) => v.visitors),
        [2000, 2000],
      );
      assert.equal(r.sampleRatio.mismatch, false);

      const conversion = r.metrics.find((m) => m.metric === 'conversion_rate')!;
      assert.equal(conversion.role, 'primary');
      assert.deepEqual(
        conversion.variants.map((v) => [v.numerator, v.value]),
        [
          [100, 0.05],
          [160, 0.08],
        ],
      );
      assert.equal(conversion.cuped, true, 'visitors who bought before: adjusted');
      const banner = conversion.variants[1]!;
      assert.ok(banner.lift! > 0.45 && banner.lift! < 0.75, `lift ${banner.lift}`);
      assert.ok(banner.chanceToBeatControl! > 0.99);
      assert.equal(banner.decision, 'better');
      assert.equal(r.verdict.kind, 'winner');
      assert.equal(r.verdict.variantName, 'Banner');
      assert.equal(r.verdict.variantKey, 'banner');
      assert.match(r.verdict.sentence, /^Banner is winning/);

      // Add-to-cart has no pre-period: the plain relative lift and its normal interval, by hand.
      const adds = r.metrics.find((m) => m.metric === 'add_to_cart_rate')!;
      assert.equal(adds.cuped, false);
      const [pa, pb] = [400 / 2000, 600 / 2000];
      const variance = (pb * (1 - pb)) / 2000 / pa ** 2 + ((pa * (1 - pa)) / 2000) * (pb ** 2 / pa ** 4);
      const lift = adds.variants[1]!;
      assert.ok(Math.abs(lift.lift! - (pb / pa - 1)) < 1e-12);
      assert.ok(Math.abs(lift.interval![0] - (pb / pa - 1 - 1.959963985 * Math.sqrt(variance))) < 1e-6);
      assert.ok(Math.abs(lift.interval![1] - (pb / pa - 1 + 1.959963985 * Math.sqrt(variance))) < 1e-6);

      // AOV fell from €50 to €30: the guardrail is flagged in words.
      const aov = r.metrics.find((m) => m.metric === 'average_order_value')!;
      assert.deepEqual(
        aov.variants.map((v) => v.value),
        [5000, 3000],
      );
      assert.ok(r.guardrails.some((g) => g.metric === 'average_order_value' && g.variantKey === 'banner'));
      assert.match(r.guardrails[0]!.sentence, /^Guardrail: average order value is −40\.0% in Banner/);
      const refunds = r.metrics.find((m) => m.metric === 'refund_rate')!;
      assert.equal(refunds.inverse, true);

      // One point per day of the store's calendar, the last one the unadjusted cumulative lift.
      assert.ok(r.series.days.length >= 14 && r.series.days.length <= 16, `${r.series.days.length} days`);
      const last = r.series.days.at(-1)!;
      assert.deepEqual(
        last.variants.map((v) => v.visitors),
        [2000, 2000],
      );
      assert.ok(Math.abs(last.variants[1]!.lift! - (0.08 / 0.05 - 1)) < 1e-9);
      const first = r.series.days[0]!;
      assert.ok(first.variants[0]!.visitors < 2000);

      // Stop: an order placed afterwards is not counted; one before a visitor's exposure neither.
      assert.equal((await api({ method: 'POST', url: `${base()}/${id}/stop` })).statusCode, 200);
      await writeVisitorDeeds(database.db, store, [
        {
          visitorId: 'v_w_control_1',
          at: new Date(Date.now() + HOUR),
          kind: 'purchase',
          orderId: 'o_after_stop',
          revenue: 5000,
        },
        {
          visitorId: 'v_w_control_2',
          at: new Date(startedAt.getTime() + 2 * DAY + HOUR),
          kind: 'purchase',
          orderId: 'o_before_exposure',
          revenue: 5000,
        },
      ]);
      const stopped = await results(id);
      assert.equal(stopped.metrics[0]!.variants[0]!.numerator, 100);

      // Reading is for experiments:read; shipping needs :write.
      const denied = await analyst({
        method: 'POST',
        url: `${base()}/${id}/ship`,
        payload: { variant: 'banner' },
      });
      assert.equal(denied.statusCode, 403);
    });

    test('a skewed split is a sample ratio mismatch, whatever the metrics say', async () => {
      const { id, startedAt } = await startedTest(bannerTest('skewed'), 10);
      await seed(id, 's', startedAt, 10, [
        { variant: 'control', visitors: 2000, buys: (i) => i % 20 === 0, adds: () => false, revenue: 5000 },
        { variant: 'banner', visitors: 1700, buys: (i) => i % 10 === 0, adds: () => false, revenue: 5000 },
      ]);
      const r = await results(id);
      assert.equal(r.sampleRatio.mismatch, true);
      assert.ok(r.sampleRatio.pValue < 0.001);
      assert.equal(r.verdict.kind, 'sample_ratio_mismatch');
      assert.match(r.verdict.sentence, /do not trust the results/);
    });

    test('a lead after three days is not yet a winner: the test runs a full week', async () => {
      const { id, startedAt } = await startedTest(bannerTest('early'), 3);
      await seed(id, 'e', startedAt, 3, [
        { variant: 'control', visitors: 3000, buys: (i) => i % 20 === 0, adds: () => false, revenue: 5000 },
        { variant: 'banner', visitors: 3000, buys: (i) => i % 10 === 0, adds: () => false, revenue: 5000 },
      ]);
      const r = await results(id);
      assert.equal(r.verdict.kind, 'early_lead');
      assert.match(r.verdict.sentence, /3 of the 7 days/);
    });

    test('no visitors yet: no data, nothing to call', async () => {
      const { id } = await startedTest(bannerTest('empty'), 1);
      const r = await results(id);
      assert.equal(r.verdict.kind, 'no_data');
      assert.deepEqual(
        r.variants.map((v) => v.visitors),
        [0, 0],
      );
      const missing = await api({ method: 'GET', url: `${base()}/exp_nope/results` });
      assert.equal(missing.statusCode, 404);
    });

    test('shipping a product text winner changes the product, or stages it for review', async () => {
      const mug = await makeProduct(database, store, { title: 'Stoneware Mug', price: 1800 });
      const textTest = (key: string, title = 'Hand-thrown Stoneware Mug') => ({
        ...bannerTest(key),
        point: 'product_text',
        variants: [
          { key: 'control', name: 'Plain', weight: 1, change: { productId: mug.productId } },
          {
            key: 'story',
            name: 'Story',
            weight: 1,
            change: { productId: mug.productId, title },
          },
        ],
      });
      const { id } = await startedTest(textTest('mug-title'), 9);
      // Shipped straight from running, in one step.
      const shipped = await api({
        method: 'POST',
        url: `${base()}/${id}/ship`,
        payload: { variant: 'story' },
      });
      assert.equal(shipped.statusCode, 200, shipped.body);
      assert.equal(shipped.json().experiment.status, 'shipped');
      assert.ok(shipped.json().experiment.stoppedAt, 'a running test is stopped when shipped');
      assert.equal(
        (await getProduct(database.db, store.id, mug.productId)).product.title,
        'Hand-thrown Stoneware Mug',
      );
      const audit = await listAudit(database.db, store.id, {
        limit: 10,
        offset: 0,
        entityType: 'experiment',
        entityId: id,
      });
      assert.equal(audit.items[0]!.action, 'experiment.shipped');

      // Without catalog:publish the live product keeps its title; the winner waits in review.
      const second = await startedTest(textTest('mug-title-2', 'The Everyday Mug'), 8);
      const staged = await writerWithoutPublish({
        method: 'POST',
        url: `${base()}/${second.id}/ship`,
        payload: { variant: 'story' },
      });
      assert.equal(staged.statusCode, 200, staged.body);
      assert.equal(
        (await getProduct(database.db, store.id, mug.productId)).product.title,
        'Hand-thrown Stoneware Mug',
      );
      const shippedEvents = resultRows<{ payload: { applied: string } }>(
        await database.db.execute(
          sql`select payload from outbox_events where type = 'experiment.shipped' and payload->>'experimentId' = ${second.id}`,
        ),
      );
      assert.equal(shippedEvents[0]!.payload.applied, 'the product’s new text awaits review');
      assert.equal(shipped.json().experiment.shippedAs, 'live');
      assert.equal(staged.json().experiment.shippedAs, 'in_review');
      assert.ok(staged.json().experiment.shippedAt);
      // The text is the product's own now: there is no rollout to end.
      const end = await api({ method: 'POST', url: `${base()}/${id}/end-rollout` });
      assert.equal(end.statusCode, 409);
      assert.equal(end.json().error.code, 'not_a_rollout');
    });
  });
}
