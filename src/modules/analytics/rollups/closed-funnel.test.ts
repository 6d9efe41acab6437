// The closed funnel on crafted sessions of one Berlin day (Thu 10 Sep 2026, UTC+2): steps out of
// order, skipped steps, a purchase in another session than its checkout, and a session that
// started the evening before. Every expected figure is worked out in the comments.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../../access/index.ts';
import { ingestEvents } from '../ingest/ingest-events.ts';
import { funnelReport } from '../reports/funnel-report.ts';
import { kpiReport } from '../reports/kpi-report.ts';
import { rollUpDirtyDays } from './roll-up-dirty-days.ts';

const actor = systemActor('closed funnel test');

/** One session's events, a minute apart from `at` (UTC), the first starting the session. */
function session(
  id: string,
  at: string,
  names: string[],
  tags: { device: string; visitor?: string; starts?: boolean },
) {
  return names.map((name, i) => ({
    eventId: `${id}-${i}`,
    name,
    occurredAt: new Date(Date.parse(at) + i * 60_000).toISOString(),
    visitorId: tags.visitor ?? `visitor-${id}`,
    sessionId: `session-${id}`,
    sessionStart: i === 0 && tags.starts !== false,
    device: tags.device,
  }));
}

const everyStep = [
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
];

for (const target of testDatabaseTargets()) {
  describe(`the closed funnel on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    const day = { from: '2026-09-10', to: '2026-09-10' };

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, actor, {
        handle: 'closed-funnel',
        name: 'Closed funnel',
        baseCurrency: 'EUR',
        timezone: 'Europe/Berlin',
      });
      await ingestEvents(database.db, store, [
        // complete: every step in order (desktop).
        ...session('complete', '2026-09-10T08:00:00Z', ['page_view', ...everyStep], { device: 'desktop' }),
        // backwards: a cart before any product view, then a view and nothing more (mobile).
        // Closed: view only. Open: view and cart.
        ...session('backwards', '2026-09-10T09:00:00Z', ['page_view', 'add_to_cart', 'view_item'], {
          device: 'mobile',
        }),
        // recovered: cart, view, then a cart again and the checkout, all in order from the view (mobile).
        // Closed: view, cart, checkout.
        ...session(
          'recovered',
          '2026-09-10T10:00:00Z',
          ['page_view', 'add_to_cart', 'view_item', 'add_to_cart', 'begin_checkout'],
          { device: 'mobile' },
        ),
        // skipper: view, cart, then a purchase without checkout, shipping or payment (mobile).
        // Closed: view, cart. Open: purchase too.
        ...session('skipper', '2026-09-10T11:00:00Z', ['view_item', 'add_to_cart', 'purchase'], {
          device: 'mobile',
        }),
        // split: one visitor's checkout in one session and the purchase in a later one (desktop).
        // Closed: the first session to checkout; the second reaches only its own start.
        ...session('split-a', '2026-09-10T12:00:00Z', ['view_item', 'add_to_cart', 'begin_checkout'], {
          device: 'desktop',
          visitor: 'visitor-split',
        }),
        ...session('split-b', '2026-09-10T15:00:00Z', ['page_view', 'purchase'], {
          device: 'desktop',
          visitor: 'visitor-split',
        }),
        // late: started on 9 Sep at 23:50 Berlin; its view and cart after midnight are in the open
        // funnel of 10 Sep, not in its closed funnel (no session started that day).
        ...session('late', '2026-09-09T21:50:00Z', ['page_view'], { device: 'tablet' }),
        ...session('late', '2026-09-09T22:10:00Z', ['view_item', 'add_to_cart'], {
          device: 'tablet',
          starts: false,
        }).map((e, i) => ({ ...e, eventId: `late-after-midnight-${i}` })),
      ]);
      while ((await rollUpDirtyDays(database.db)) > 0);
    });
    after(() => database.close());

    test('each step counts the sessions that went through every step before it, in order', async () => {
      const report = await kpiReport(database.db, store, { ...day, compare: 'none' });
      // Sessions started on 10 Sep: complete, backwards, recovered, skipper, split-a, split-b = 6.
      // Viewed: all but split-b = 5; then cart: complete, recovered, skipper, split-a = 4;
      // checkout: complete, recovered, split-a = 3; shipping, payment, purchase: complete = 1.
      assert.deepEqual(
        report.funnel.map((s) => [s.step, s.sessions, s.dropOff]),
        [
          ['sessions', 6, null],
          ['view_item', 5, 1],
          ['add_to_cart', 4, 1],
          ['begin_checkout', 3, 1],
          ['add_shipping_info', 1, 2],
          ['add_payment_info', 1, 0],
          ['purchase', 1, 0],
        ],
      );
      const checkout = report.funnel.find((s) => s.step === 'begin_checkout')!;
      assert.equal(checkout.fromPrevious, 3 / 4);
      assert.equal(checkout.fromStart, 3 / 6);
      // Open: any session with the step's event that day, late included: views 6 (5 + late),
      // carts 6 (complete, backwards, recovered, skipper, split-a, late), checkouts 3,
      // purchases 3 (complete, skipper, split-b).
      assert.deepEqual(
        report.openFunnel.map((s) => [s.step, s.sessions]),
        [
          ['sessions', 6],
          ['view_item', 6],
          ['add_to_cart', 6],
          ['begin_checkout', 3],
          ['add_shipping_info', 1],
          ['add_payment_info', 1],
          ['purchase', 3],
        ],
      );
      const kpi = Object.fromEntries(report.kpis.map((k) => [k.key, k.value]));
      assert.equal(kpi.funnelCompletionRate, 1 / 6);
      assert.equal(kpi.conversionRate, 3 / 6);
    });

    test('the closed funnel per device', async () => {
      const report = await funnelReport(database.db, store, { ...day, compare: 'none', breakdown: 'device' });
      const byDevice = Object.fromEntries(report.rows.map((r) => [r.value, r.funnel.map((s) => s.sessions)]));
      // desktop: complete, split-a, split-b started; views complete, split-a; both to checkout;
      // complete to the end. mobile: backwards, recovered, skipper; all viewed; recovered and
      // skipper to cart; recovered to checkout. tablet: late, which started the day before.
      assert.deepEqual(byDevice, {
        desktop: [3, 2, 2, 2, 1, 1, 1],
        mobile: [3, 3, 2, 1, 0, 0, 0],
        tablet: [0, 0, 0, 0, 0, 0, 0],
      });
      assert.deepEqual(
        report.rows.map((r) => r.value),
        ['desktop', 'mobile', 'tablet'],
      );
      assert.deepEqual(
        report.total.map((s) => s.sessions),
        [6, 5, 4, 3, 1, 1, 1],
      );
    });

    test('a session that started the evening before opens that evening’s funnel', async () => {
      const report = await kpiReport(database.db, store, {
        from: '2026-09-09',
        to: '2026-09-09',
        compare: 'none',
      });
      assert.deepEqual(
        report.funnel.map((s) => s.sessions),
        [1, 0, 0, 0, 0, 0, 0],
      );
    });
  });
}
