// Experiments through the real app on both databases: definitions refused with their codes and
// nothing written, the draft → running → stopped → shipped machine (409 otherwise), the audit
// trail and events; on the storefront, a visitor keeps their variant across pages, across a new
// app instance and across a change of weights, is counted once however many pages they see, is
// left out by targeting and without consent, and product text and price display follow the variant.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { listAudit, type Store, systemActor } from '../access/index.ts';
import { updateAnalyticsSettings } from '../analytics/index.ts';
import { makeProduct } from '../checkout/testing/selling-setup.ts';
import { BUCKETS, bucketOf } from './assignment/bucket.ts';
import { experimentExposures, experiments } from './schema.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const BANNER = 'Free delivery over 50';
/** The banner the states test ships: every later page shows it, beside any test's own. */
const SHIPPED_BANNER = 'Our winter range is in';

/** A browser's cookies, enough for these requests. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: { cookies: { name: string; value: string }[] }) {
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function bannerExperiment(key: string, extra: Record<string, unknown> = {}) {
  return {
    key,
    name: 'Delivery banner',
    hypothesis: 'Saying delivery is free above 50 lifts conversion.',
    point: 'announcement_banner',
    variants: [
      { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
      { key: 'banner', name: 'Banner', weight: 50, change: { show: true, text: BANNER, link: '/' } },
    ],
    primaryMetric: 'conversion_rate',
    secondaryMetrics: ['revenue_per_visitor'],
    guardrailMetrics: ['average_order_value'],
    ...extra,
  };
}

for (const target of testDatabaseTargets()) {
  describe(`experiments on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let lamp: { productId: string; handle: string };
    let shade: { productId: string; handle: string };
    const base = () => `/api/admin/stores/${store.id}/experiments`;

    const visit = async (jar: Jar, url: string, ua = chrome, app = sp) => {
      const res = await app.app.inject({ url, headers: { 'user-agent': ua, cookie: jar.header() } });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      jar.take(res);
      return res.body;
    };
    const exposures = async (experimentId: string, visitorId?: string) => {
      const [row] = await database.db
        .select({ n: count() })
        .from(experimentExposures)
        .where(
          and(
            eq(experimentExposures.experimentId, experimentId),
            visitorId ? eq(experimentExposures.visitorId, visitorId) : sql`true`,
          ),
        );
      return Number(row!.n);
    };
    const create = async (payload: object) => {
      const res = await api({ method: 'POST', url: base(), payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().experiment as { id: string; key: string; seed: string; status: string };
    };
    const act = (id: string, action: string, payload?: object) =>
      api({ method: 'POST', url: `${base()}/${id}/${action}`, ...(payload ? { payload } : {}) });
    /** Fresh visitors until one sees `wanted` (true: the banner) on the home page. */
    const visitorSeeing = async (wanted: boolean) => {
      for (let i = 0; i < 40; i++) {
        const jar = new Jar();
        const body = await visit(jar, '/s/lab/');
        if (body.includes(BANNER) === wanted) return jar;
      }
      throw new Error('no visitor in that variant among 40');
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'lab');
      lamp = await makeProduct(database, store, { title: 'Brass Lamp', price: 4500, compareAt: 6000 });
      shade = await makeProduct(database, store, { title: 'Linen Shade', price: 1900 });
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['experiments:read', 'experiments:write']),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('bad definitions are refused with their codes and nothing is written', async () => {
      const cases: [object, number, string][] = [
        [bannerExperiment('a', { point: 'footer_colour' }), 400, 'unknown_point'],
        [
          bannerExperiment('b', {
            variants: [
              { key: 'control', name: 'c', weight: 1, change: { show: false } },
              { key: 'x', name: 'x', weight: 1, change: { show: true } },
            ],
          }),
          400,
          'invalid_change',
        ],
        [
          bannerExperiment('c', {
            variants: [
              { key: 'same', name: 'c', weight: 1, change: { show: false } },
              { key: 'same', name: 'x', weight: 1, change: { show: false } },
            ],
          }),
          400,
          'duplicate_variant_key',
        ],
        [bannerExperiment('d', { variants: [] }), 400, 'validation_failed'],
        [bannerExperiment('Not A Slug'), 400, 'validation_failed'],
        [bannerExperiment('e', { primaryMetric: 'clicks' }), 400, 'validation_failed'],
        [bannerExperiment('f', { secondaryMetrics: ['conversion_rate'] }), 400, 'metric_listed_twice'],
        [
          bannerExperiment('g', { startsAt: '2026-12-01T00:00:00Z', stopsAt: '2026-11-01T00:00:00Z' }),
          400,
          'invalid_dates',
        ],
        [
          {
            ...bannerExperiment('h'),
            point: 'product_text',
            variants: [
              { key: 'control', name: 'c', weight: 1, change: { productId: lamp.productId } },
              { key: 'x', name: 'x', weight: 1, change: { productId: shade.productId, title: 'T' } },
            ],
          },
          400,
          'invalid_change',
        ],
      ];
      for (const [payload, status, code] of cases) {
        const res = await api({ method: 'POST', url: base(), payload });
        assert.equal(res.statusCode, status, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
      }
      const [rows] = await database.db.select({ n: count() }).from(experiments);
      assert.equal(Number(rows!.n), 0);
      await create(bannerExperiment('taken'));
      const again = await api({ method: 'POST', url: base(), payload: bannerExperiment('taken') });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'experiment_key_taken');
      const list = await api({ method: 'GET', url: base() });
      assert.deepEqual(
        list.json().items.map((e: { key: string }) => e.key),
        ['taken'],
      );
      assert.equal(
        (await api({ method: 'DELETE', url: `${base()}/${list.json().items[0].id}` })).statusCode,
        204,
      );
    });

    test('draft → running → stopped → shipped, illegal moves 409, every change audited', async () => {
      const e = await create(
        bannerExperiment('states', {
          targeting: { audience: 'all', countries: ['ZZ'] },
          variants: [
            { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
            { key: 'banner', name: 'Banner', weight: 50, change: { show: true, text: SHIPPED_BANNER } },
          ],
        }),
      );
      assert.equal(e.status, 'draft');
      const early = await act(e.id, 'stop');
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'illegal_transition');
      // A draft cannot be shipped; a ship without a variant is refused; nothing changes.
      const shipDraft = await act(e.id, 'ship', { variant: 'banner' });
      assert.equal(shipDraft.statusCode, 409);
      assert.equal(shipDraft.json().error.code, 'illegal_transition');
      for (const payload of [{}, { variant: '' }, { variant: 'banner', extra: 1 }]) {
        const bad = await act(e.id, 'ship', payload);
        assert.equal(bad.statusCode, 400, JSON.stringify(payload));
        assert.equal(bad.json().error.code, 'validation_failed');
      }
      const [still] = await database.db.select().from(experiments).where(eq(experiments.id, e.id));
      assert.equal(still!.status, 'draft');
      assert.equal(still!.shippedVariant, null);
      assert.equal((await act(e.id, 'start')).json().experiment.status, 'running');
      assert.equal((await act(e.id, 'start')).statusCode, 409);
      const endRunning = await act(e.id, 'end-rollout');
      assert.equal(endRunning.statusCode, 409);
      assert.equal(endRunning.json().error.code, 'not_a_rollout');
      const deleting = await api({ method: 'DELETE', url: `${base()}/${e.id}` });
      assert.equal(deleting.json().error.code, 'experiment_not_draft');
      const rekey = await api({
        method: 'PUT',
        url: `${base()}/${e.id}`,
        payload: bannerExperiment('renamed'),
      });
      assert.equal(rekey.json().error.code, 'experiment_started');
      assert.equal((await act(e.id, 'stop')).json().experiment.status, 'stopped');
      const wrongWinner = await act(e.id, 'ship', { variant: 'nope' });
      assert.equal(wrongWinner.statusCode, 400);
      assert.equal(wrongWinner.json().error.code, 'unknown_variant');
      assert.ok(!(await visit(new Jar(), '/s/lab/')).includes(SHIPPED_BANNER), 'stopped: nobody sees it');
      const shipped = await act(e.id, 'ship', { variant: 'banner' });
      assert.equal(shipped.json().experiment.status, 'shipped');
      assert.equal(shipped.json().experiment.shippedVariant, 'banner');
      assert.equal(shipped.json().experiment.shippedAs, 'rollout');
      assert.equal((await act(e.id, 'start')).json().error.code, 'illegal_transition');
      // Shipped: a standing rollout every visitor sees — outside the test's targeting, bots too —
      // and nobody is counted as exposed.
      assert.ok((await visit(new Jar(), '/s/lab/')).includes(SHIPPED_BANNER), 'a visitor sees the winner');
      const bot = await sp.app.inject({ url: '/s/lab/', headers: { 'user-agent': 'Googlebot/2.1' } });
      assert.ok(bot.body.includes(SHIPPED_BANNER), 'a crawler sees the winner');
      assert.equal(await exposures(e.id), 0);
      // Ending the rollout: everyone sees the store without it again; the record stays shipped.
      const ended = await act(e.id, 'end-rollout');
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal(ended.json().experiment.status, 'shipped');
      assert.ok(ended.json().experiment.rolloutEndedAt);
      assert.ok(!(await visit(new Jar(), '/s/lab/')).includes(SHIPPED_BANNER), 'the rollout ended');
      const again = await act(e.id, 'end-rollout');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'rollout_ended');
      const missing = await act('exp_missing', 'end-rollout');
      assert.equal(missing.statusCode, 404);
      const audit = await listAudit(database.db, store.id, {
        limit: 50,
        offset: 0,
        entityType: 'experiment',
        entityId: e.id,
      });
      assert.deepEqual(audit.items.map((a) => a.action).reverse(), [
        'experiment.created',
        'experiment.started',
        'experiment.stopped',
        'experiment.shipped',
        'experiment.rollout_ended',
      ]);
      const events = await database.db.execute(
        sql`select type from outbox_events where payload->>'experimentId' = ${e.id} order by id`,
      );
      const types = (events as unknown as { rows: { type: string }[] }).rows.map((r) => r.type);
      assert.deepEqual(types, [
        'experiment.created',
        'experiment.started',
        'experiment.stopped',
        'experiment.shipped',
        'experiment.rollout_ended',
      ]);
    });

    test('a visitor keeps their banner across pages, a new instance and new weights; counted once', async () => {
      const e = await create(bannerExperiment('delivery-banner'));
      await act(e.id, 'start');
      const withBanner = await visitorSeeing(true);
      const without = await visitorSeeing(false);
      for (const [jar, shows] of [
        [withBanner, true],
        [without, false],
      ] as const) {
        for (const page of [
          '/s/lab/',
          `/s/lab/products/${lamp.handle}`,
          `/s/lab/products/${shade.handle}`,
          '/s/lab/',
        ]) {
          assert.equal((await visit(jar, page)).includes(BANNER), shows, page);
        }
        assert.equal(await exposures(e.id, jar.cookies.get('sp_vid')), 1);
      }
      // Another instance on the same database (a restart, or the next server behind the balancer).
      const second = await startTestApp(database);
      try {
        assert.ok((await visit(withBanner, '/s/lab/', chrome, second)).includes(BANNER));
        assert.ok(!(await visit(without, '/s/lab/', chrome, second)).includes(BANNER));
      } finally {
        await second.close();
      }
      // Weights that give both visitors' buckets to the other variant: they keep theirs.
      const bucketWith = bucketOf(withBanner.cookies.get('sp_vid')!, e.key, e.seed);
      const bucketWithout = bucketOf(without.cookies.get('sp_vid')!, e.key, e.seed);
      assert.ok(bucketWithout < BUCKETS / 2 && bucketWith >= BUCKETS / 2);
      const flipped = bannerExperiment('delivery-banner');
      flipped.variants[0]!.weight = 1;
      flipped.variants[1]!.weight = 99;
      const changed = await api({ method: 'PUT', url: `${base()}/${e.id}`, payload: flipped });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.ok(!(await visit(without, '/s/lab/')).includes(BANNER), 'the exposed control visitor stays');
      assert.ok((await visit(withBanner, '/s/lab/')).includes(BANNER));
      assert.equal(await exposures(e.id, without.cookies.get('sp_vid')), 1);
      // Bots see the control and are not counted.
      const before = await exposures(e.id);
      const bot = await sp.app.inject({ url: '/s/lab/', headers: { 'user-agent': 'Googlebot/2.1' } });
      assert.ok(!bot.body.includes(BANNER));
      assert.equal(await exposures(e.id), before);
      await act(e.id, 'stop');
      assert.ok(!(await visit(withBanner, '/s/lab/')).includes(BANNER), 'stopped: everyone sees the control');
    });

    test('a visitor remembered in one test is assigned to a test started after it, by its targeting', async () => {
      const banner = await create(bannerExperiment('remembered-banner'));
      await act(banner.id, 'start');
      const jar = await visitorSeeing(true);
      const vid = jar.cookies.get('sp_vid')!;
      // Pages of a visitor exposed to every running test come from what the instance remembers.
      for (let i = 0; i < 3; i++) assert.ok((await visit(jar, '/s/lab/')).includes(BANNER));
      const hideAll = [
        { key: 'control', name: 'Shown', weight: 1, change: { showCompareAt: true } },
        { key: 'hidden', name: 'Hidden', weight: 1_000_000, change: { showCompareAt: false } },
      ];
      const mobileOnly = await create({
        key: 'mobile-compare-at',
        name: 'Compare-at on mobile',
        point: 'price_display',
        variants: hideAll,
        targeting: { devices: ['mobile'] },
        primaryMetric: 'conversion_rate',
      });
      await act(mobileOnly.id, 'start');
      const onDesktop = await visit(jar, `/s/lab/products/${lamp.handle}`);
      assert.ok(
        onDesktop.includes('class="compare-at"') && onDesktop.includes(BANNER),
        'desktop is not in it',
      );
      assert.equal(await exposures(mobileOnly.id, vid), 0);
      await act(mobileOnly.id, 'stop');
      const everyone = await create({
        key: 'all-compare-at',
        name: 'Compare-at for all',
        point: 'price_display',
        variants: hideAll,
        primaryMetric: 'conversion_rate',
      });
      await act(everyone.id, 'start');
      const page = await visit(jar, `/s/lab/products/${lamp.handle}`);
      assert.ok(!page.includes('class="compare-at"') && page.includes(BANNER), 'in both tests');
      assert.equal(await exposures(everyone.id, vid), 1);
      assert.equal(await exposures(banner.id, vid), 1);
      await act(everyone.id, 'stop');
      await act(banner.id, 'stop');
    });

    test('targeting: mobile only, new visitors only; without consent nobody is in', async () => {
      const returning = new Jar();
      await visit(returning, '/s/lab/');
      const e = await create(
        bannerExperiment('mobile-newcomers', {
          variants: [
            { key: 'control', name: 'c', weight: 1, change: { show: false } },
            { key: 'banner', name: 'b', weight: 1_000_000, change: { show: true, text: BANNER } },
          ],
          targeting: { audience: 'new_visitors', devices: ['mobile'] },
        }),
      );
      await act(e.id, 'start');
      assert.ok(!(await visit(new Jar(), '/s/lab/', chrome)).includes(BANNER), 'desktop is out');
      assert.ok(!(await visit(returning, '/s/lab/', iphone)).includes(BANNER), 'a returning visitor is out');
      const newcomer = new Jar();
      assert.ok((await visit(newcomer, '/s/lab/', iphone)).includes(BANNER));
      // Once in, the next page (no longer a first visit) keeps them in.
      assert.ok((await visit(newcomer, `/s/lab/products/${lamp.handle}`, iphone)).includes(BANNER));
      assert.equal(await exposures(e.id), 1);

      await updateAnalyticsSettings(database.db, systemActor('test'), store.id, { consentMode: 'required' });
      const unasked = new Jar();
      const body = await visit(unasked, '/s/lab/', iphone);
      assert.ok(!body.includes(BANNER));
      assert.ok(!unasked.cookies.has('sp_vid'));
      const consenting = new Jar();
      consenting.cookies.set('sp_consent', 'granted');
      assert.ok((await visit(consenting, '/s/lab/', iphone)).includes(BANNER));
      await updateAnalyticsSettings(database.db, systemActor('test'), store.id, {
        consentMode: 'not_required',
      });
      await act(e.id, 'stop');
      assert.equal(await exposures(e.id), 2);
    });

    test('product text and price display follow the variant, counted only where shown', async () => {
      const text = await create({
        key: 'lamp-title',
        name: 'Lamp title',
        point: 'product_text',
        variants: [
          { key: 'control', name: 'As is', weight: 1, change: { productId: lamp.productId } },
          {
            key: 'evocative',
            name: 'Evocative',
            weight: 1,
            change: { productId: lamp.productId, title: 'The Warm-Glow Brass Lamp', description: 'Glows.' },
          },
        ],
        primaryMetric: 'add_to_cart_rate',
      });
      const price = await create({
        key: 'compare-at',
        name: 'Compare-at price',
        point: 'price_display',
        variants: [
          { key: 'control', name: 'Shown', weight: 1, change: { showCompareAt: true } },
          { key: 'hidden', name: 'Hidden', weight: 1, change: { showCompareAt: false } },
        ],
        primaryMetric: 'conversion_rate',
      });
      await act(text.id, 'start');
      await act(price.id, 'start');
      const seen = new Set<string>();
      for (let i = 0; i < 40 && seen.size < 4; i++) {
        const jar = new Jar();
        await visit(jar, '/s/lab/');
        const vid = jar.cookies.get('sp_vid')!;
        assert.equal(await exposures(text.id, vid), 0, 'the home page shows neither');
        assert.equal(await exposures(price.id, vid), 0);
        await visit(jar, `/s/lab/products/${shade.handle}`);
        assert.equal(await exposures(text.id, vid), 0, 'another product does not show the lamp’s text');
        assert.equal(await exposures(price.id, vid), 1);
        const page = await visit(jar, `/s/lab/products/${lamp.handle}`);
        assert.equal(await exposures(text.id, vid), 1);
        const evocative = page.includes('<h1>The Warm-Glow Brass Lamp</h1>');
        assert.ok(evocative || page.includes('<h1>Brass Lamp</h1>'));
        const compareAt = page.includes('class="compare-at"');
        seen.add(`${evocative}/${compareAt}`);
        // The same page again, from the cache: the same variant, still one exposure.
        assert.equal((await visit(jar, `/s/lab/products/${lamp.handle}`)) === page, true);
        assert.equal(await exposures(text.id, vid), 1);
      }
      assert.equal(seen.size, 4, `every combination seen: ${[...seen]}`);
      await act(text.id, 'stop');
      await act(price.id, 'stop');
    });

    test('product sections: more products above the reviews for the variant, unchanged for the control', async () => {
      const order = await create({
        key: 'related-first',
        name: 'More products first',
        point: 'product_sections',
        variants: [
          { key: 'control', name: 'Reviews first', weight: 1, change: { order: ['reviews', 'related'] } },
          {
            key: 'related-first',
            name: 'More products first',
            weight: 1_000_000,
            change: { order: ['related', 'reviews'] },
          },
        ],
        primaryMetric: 'add_to_cart_rate',
      });
      const repeated = await api({
        method: 'POST',
        url: base(),
        payload: {
          key: 'bad-order',
          name: 'x',
          point: 'product_sections',
          variants: [
            { key: 'a', name: 'a', weight: 1, change: { order: ['reviews', 'reviews'] } },
            { key: 'b', name: 'b', weight: 1, change: { order: ['related', 'reviews'] } },
          ],
          primaryMetric: 'add_to_cart_rate',
        },
      });
      assert.equal(repeated.json().error.code, 'invalid_change');
      const before = await visit(new Jar(), `/s/lab/products/${lamp.handle}`);
      assert.ok(
        before.indexOf('id="reviews"') < before.indexOf('id="related-heading"'),
        'reviews first as built',
      );
      await act(order.id, 'start');
      const after = await visit(new Jar(), `/s/lab/products/${lamp.handle}`);
      assert.ok(after.indexOf('id="related-heading"') < after.indexOf('id="reviews"'), 'more products first');
      await act(order.id, 'stop');
    });
  });
}
