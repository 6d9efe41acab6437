import type { Actor, Store } from '../modules/access/index.ts';
import { visitorOutcomes, visitorsSeen } from '../modules/analytics/index.ts';
import {
  bucketOf,
  changeExperimentStatus,
  createExperiment,
  type ExperimentInput,
  importExposures,
  variantAtBucket,
} from '../modules/experiments/index.ts';
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { seededRandom } from '../platform/random/seeded-random.ts';

const DAY = 86_400_000;

/** Finished ten days ago after running for ninety: a banner that raised conversion. */
const bannerTest: ExperimentInput = {
  key: 'free-returns-banner',
  name: 'Free returns banner',
  hypothesis: 'Saying returns are free for 30 days takes away the risk of buying, so more visitors buy.',
  point: 'announcement_banner',
  variants: [
    { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
    {
      key: 'banner',
      name: 'Free returns banner',
      weight: 50,
      change: { show: true, text: 'Free returns within 30 days', link: '/' },
    },
  ],
  targeting: { audience: 'all' },
  primaryMetric: 'conversion_rate',
  secondaryMetrics: ['add_to_cart_rate', 'revenue_per_visitor'],
  guardrailMetrics: ['average_order_value', 'refund_rate'],
};

/** Running for the last six days: too early to tell. */
const sectionsTest: ExperimentInput = {
  key: 'more-products-first',
  name: 'More products before reviews',
  hypothesis:
    'Showing more products right below the product keeps visitors browsing, so more of them add something to the cart.',
  point: 'product_sections',
  variants: [
    { key: 'control', name: 'Reviews first', weight: 50, change: { order: ['reviews', 'related'] } },
    { key: 'related', name: 'More products first', weight: 50, change: { order: ['related', 'reviews'] } },
  ],
  targeting: { audience: 'all' },
  primaryMetric: 'add_to_cart_rate',
  secondaryMetrics: ['conversion_rate'],
  guardrailMetrics: ['average_order_value'],
};

/**
 * The demo's experiments, replayed on the visitors of its stored traffic: each visitor seen in a
 * test's window is exposed on their first page there, in the variant their hash bucket gives, as
 * the storefront would have done. The finished banner test has a clear winner: the history was
 * written without it, so the effect is made by leaving out of the test part of the control's
 * visitors who bought (enough for the banner's arm to convert 1.8 times as well) or added to cart
 * (as if those pages had not shown the test), and as many of
 * the other arm's visitors who did neither, so the split stays even. The running test is left as the
 * traffic made it.
 */
export async function seedDemoExperiments(db: Db, actor: Actor, store: Store): Promise<void> {
  const at = Date.now();
  await replayTest(db, actor, store, bannerTest, { from: at - 100 * DAY, to: at - 10 * DAY, stop: true });
  await replayTest(db, actor, store, sectionsTest, { from: at - 6 * DAY, to: at, stop: false });
}

async function replayTest(
  db: Db,
  actor: Actor,
  store: Store,
  input: ExperimentInput,
  window: { from: number; to: number; stop: boolean },
): Promise<void> {
  const from = new Date(window.from);
  const to = new Date(window.to);
  const experiment = await runAt(new Date(window.from - DAY), () =>
    createExperiment(db, store.id, actor, input),
  );
  await runAt(from, () => changeExperimentStatus(db, store.id, actor, experiment.id, 'running'));
  const seen = await visitorsSeen(db, store.id, { from, to });
  // In visitor order: the seeded choices below then fall the same way on either database.
  let visits = seen
    .map((v) => ({ visitorId: v.visitorId, exposedAt: v.firstSeenAt }))
    .sort((x, y) => (x.visitorId < y.visitorId ? -1 : 1));
  if (window.stop) {
    const outcomes = await visitorOutcomes(
      db,
      store.id,
      visits.map((v) => ({ visitorId: v.visitorId, since: v.exposedAt })),
      { until: to },
    );
    const random = seededRandom(42);
    const [control] = experiment.variants;
    const inControl = (visitorId: string) =>
      variantAtBucket(experiment.variants, bucketOf(visitorId, experiment.key, experiment.seed)).key ===
      control!.key;
    // Part of the control's buyers leave the test, as many as it takes for the banner's arm to
    // convert 1.8 times as well (what the history happened to give each arm decides how many, so
    // even a small history has its winner), and part of its cart-adders…
    const bannerBuyers = outcomes.filter((o) => !inControl(o.visitorId) && o.purchases.length > 0).length;
    const controlBuyers = outcomes.filter((o) => inControl(o.visitorId) && o.purchases.length > 0);
    const buyersLeaving = Math.max(0, controlBuyers.length - Math.floor(bannerBuyers / 1.8));
    const left = new Set(
      controlBuyers
        .map((o) => ({ o, key: random.uniform() }))
        .sort((x, y) => x.key - y.key)
        .slice(0, buyersLeaving)
        .map(({ o }) => o.visitorId),
    );
    for (const o of outcomes) {
      if (
        inControl(o.visitorId) &&
        o.purchases.length === 0 &&
        o.firstAddToCartAt &&
        random.uniform() < 0.3
      ) {
        left.add(o.visitorId);
      }
    }
    // …and as many of the other arm's visitors who did neither, so the split stays even (else, at
    // this traffic, the sample-ratio check rightly calls the test broken).
    const idle = outcomes.filter(
      (o) => !inControl(o.visitorId) && o.purchases.length === 0 && !o.firstAddToCartAt,
    );
    const leaving = left.size;
    for (let i = 0; i < leaving && idle.length > 0; i++) {
      const [o] = idle.splice(Math.floor(random.uniform() * idle.length), 1);
      left.add(o!.visitorId);
    }
    visits = visits.filter((v) => !left.has(v.visitorId));
  }
  await importExposures(db, store.id, experiment.id, visits);
  if (window.stop)
    await runAt(to, () => changeExperimentStatus(db, store.id, actor, experiment.id, 'stopped'));
}
