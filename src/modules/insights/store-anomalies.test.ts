// The morning verdict over a store's real rollups: ten weeks of steady sessions from three channels
// (with a weekly rhythm), then a day when Paid Search sends almost nobody. Sessions are flagged
// down and explained by Paid Search; a quiet day flags nothing; the API answers the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { ingestEvents, rollUpDirtyDays } from '../analytics/index.ts';
import { writeDailyProductRollups } from '../analytics/testing/rollup-rows.ts';
import { createProduct } from '../catalog/index.ts';
import { storeAnomalies } from './store-anomalies.ts';

const actor = systemActor('anomalies test');
const first = DateTime.fromISO('2026-06-01', { zone: 'utc' });
const days = 75;
const outageDay = first.plus({ days: days - 1 }).toISODate()!;
const quietDay = first.plus({ days: days - 2 }).toISODate()!;

for (const target of testDatabaseTargets()) {
  describe(`store anomalies on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'steady-shop',
        name: 'Steady',
        baseCurrency: 'EUR',
      });
      const channels = [
        { source: 'google', medium: 'cpc', perDay: 30 },
        { source: 'google', medium: 'organic', perDay: 25 },
        { source: 'newsletter', medium: 'email', perDay: 15 },
      ];
      const events = [];
      for (let d = 0; d < days; d++) {
        const date = first.plus({ days: d });
        const weekend = date.weekday >= 6 ? 1.3 : 1;
        for (const [c, channel] of channels.entries()) {
          // A small deterministic wobble; on the last day Paid Search sends 3 instead of ~30.
          let n = Math.round(channel.perDay * weekend * (1 + (((d * 7 + c * 3) % 5) - 2) / 40));
          if (d === days - 1 && channel.medium === 'cpc') n = 3;
          for (let i = 0; i < n; i++) {
            events.push({
              eventId: `d${d}c${c}s${i}`,
              name: 'page_view',
              occurredAt: date.plus({ hours: 8, minutes: i * 7 }).toISO()!,
              visitorId: `v${d}-${c}-${i}`,
              sessionId: `s${d}-${c}-${i}`,
              sessionStart: true,
              source: channel.source,
              medium: channel.medium,
              device: i % 3 === 0 ? 'desktop' : 'mobile',
            });
          }
        }
      }
      for (let i = 0; i < events.length; i += 1000) {
        await ingestEvents(database.db, store, events.slice(i, i + 1000), new Date('2026-09-01T00:00:00Z'));
      }
      while ((await rollUpDirtyDays(database.db)) > 0);
      // A best seller: twenty mugs a day at €18 until the last day, when it sells nothing (a day
      // without one of four daily orders is no surprise; without twenty it is).
      const mug = await createProduct(database.db, { actor, canPublish: true }, store, {
        title: 'Oat Mug',
        status: 'active',
        variants: [{ sku: 'MUG-OAT', price: { amount: 1800 } }],
      });
      await writeDailyProductRollups(
        database.db,
        Array.from({ length: days - 1 }, (_, d) => ({
          storeId: store.id,
          day: first.plus({ days: d }).toISODate()!,
          productId: mug.product.id,
          categoryId: null,
          orders: 20,
          units: 20,
          grossSales: 20 * 1800,
        })),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('the outage day: sessions flagged down, explained by Paid Search', async () => {
      const { day, metrics } = await storeAnomalies(database.db, store, outageDay);
      assert.equal(day, outageDay);
      const sessions = metrics.find((m) => m.metric === 'sessions')!;
      assert.equal(sessions.judgement.flagged, true, JSON.stringify(sessions.judgement));
      assert.equal(sessions.judgement.direction, 'down');
      assert.ok((sessions.judgement.relativeChange ?? 0) < -0.3, String(sessions.judgement.relativeChange));
      assert.equal(sessions.explanation?.dimension, 'channel');
      assert.equal(sessions.explanation?.contributors[0]?.value, 'Paid Search');
      assert.match(sessions.explanation?.sentence ?? '', /Paid Search/);
      const paid = sessions.segments.find((s) => s.dimension === 'channel' && s.value === 'Paid Search');
      assert.equal(paid?.judgement.flagged, true);
      const email = sessions.segments.find((s) => s.dimension === 'channel' && s.value === 'Email');
      assert.equal(email?.judgement.flagged, false);
    });

    test('a best seller that sells nothing is flagged on its own, by its title', async () => {
      const { metrics } = await storeAnomalies(database.db, store, outageDay);
      const revenue = metrics.find((m) => m.metric === 'revenue')!;
      const mug = revenue.segments.find((s) => s.dimension === 'product' && s.value === 'Oat Mug');
      assert.ok(mug, JSON.stringify(revenue.segments.map((s) => [s.dimension, s.value])));
      assert.equal(mug.judgement.flagged, true, JSON.stringify(mug.judgement));
      assert.equal(mug.judgement.direction, 'down');
      assert.equal(mug.judgement.actual, 0);
      assert.equal(Math.round(mug.judgement.expected!), 36_000);
      // Products have no sessions: the traffic metrics are not judged per product.
      const sessions = metrics.find((m) => m.metric === 'sessions')!;
      assert.ok(!sessions.segments.some((s) => s.dimension === 'product'));
      const quiet = (await storeAnomalies(database.db, store, quietDay)).metrics.find(
        (m) => m.metric === 'revenue',
      )!;
      assert.equal(quiet.segments.find((s) => s.value === 'Oat Mug')?.judgement.flagged, false);
    });

    test('the day before: nothing flagged', async () => {
      const { metrics } = await storeAnomalies(database.db, store, quietDay);
      assert.deepEqual(
        metrics.filter((m) => m.judgement.flagged).map((m) => m.metric),
        [],
      );
    });

    test('through the API, with its permission; a bad day is a 400', async () => {
      const api = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:read']));
      const res = await api({ url: `/api/admin/stores/${store.id}/insights/anomalies?day=${outageDay}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const sessions = body.metrics.find((m: { metric: string }) => m.metric === 'sessions');
      assert.equal(sessions.judgement.flagged, true);
      assert.deepEqual(
        sessions.flaggedSegments.map((s: { value: string }) => s.value).includes('Paid Search'),
        true,
      );
      assert.equal(
        (await api({ url: `/api/admin/stores/${store.id}/insights/anomalies?day=June` })).statusCode,
        400,
      );
    });
  });
}
