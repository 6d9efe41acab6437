// The morning verdict over a store's real rollups: ten weeks of steady sessions from three channels
// (with a weekly rhythm), then a day when Paid Search sends almost nobody. Sessions are flagged
// down and explained by Paid Search; a quiet day flags nothing; the API answers the same. An
// irregular seller's empty days are flagged with their cause when the inventory says it was out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { ingestEvents, rollUpDirtyDays } from '../analytics/index.ts';
import { writeDailyProductRollups } from '../analytics/testing/rollup-rows.ts';
import { createProduct } from '../catalog/index.ts';
import { recordMovements } from '../inventory/index.ts';
import { makeLocation, makeVariants } from '../inventory/testing/inventory-fixtures.ts';
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
      // Two irregular sellers with the same sales — 0 to 3 a day, about one day in five empty — and
      // nothing for the last three days. The bowl ran out of stock on the first of them; the plate
      // has plenty. Three empty days at this rhythm are not beyond chance (about 1 in 70).
      const pattern = [2, 1, 0, 3, 1, 2, 1, 0, 2, 1, 3, 1, 0, 2];
      const warehouse = await makeLocation(database, store.id, 'Warehouse');
      const irregular: Record<string, { productId: string; variantId: string }> = {};
      for (const title of ['Linen Bowl', 'Linen Plate']) {
        const [variantId] = (await makeVariants(database, store, 1, { title })) as [string];
        const [row] = resultRows<{ product_id: string }>(
          await database.db.execute(sql`select product_id from product_variants where id = ${variantId}`),
        );
        irregular[title] = { productId: row!.product_id, variantId };
        await writeDailyProductRollups(
          database.db,
          Array.from({ length: days - 3 }, (_, d) => ({
            storeId: store.id,
            day: first.plus({ days: d }).toISODate()!,
            productId: row!.product_id,
            categoryId: null,
            orders: pattern[d % pattern.length]!,
            units: pattern[d % pattern.length]!,
            grossSales: pattern[d % pattern.length]! * 2400,
          })),
        );
      }
      const noon = (d: number) => first.plus({ days: d, hours: 12 }).toJSDate();
      for (const [title, units] of [
        ['Linen Bowl', 40],
        ['Linen Plate', 400],
      ] as const) {
        const { variantId } = irregular[title]!;
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            [{ variantId, locationId: warehouse.id, kind: 'receive', quantity: units }],
            {
              recordedAt: noon(0),
            },
          ),
        );
        // What the ledger saw sold, all of it by the evening before the last three days.
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            [{ variantId, locationId: warehouse.id, kind: 'sale', quantity: -40 }],
            {
              recordedAt: noon(days - 4),
            },
          ),
        );
      }
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

    test('an irregular seller out of stock is flagged with its cause; the same sales in stock are not', async () => {
      const { metrics } = await storeAnomalies(database.db, store, outageDay);
      const revenue = metrics.find((m) => m.metric === 'revenue')!;
      const product = (title: string) =>
        revenue.segments.find((s) => s.dimension === 'product' && s.value === title)!.judgement;
      const bowl = product('Linen Bowl');
      assert.equal(bowl.flagged, true, JSON.stringify(bowl));
      assert.equal(bowl.direction, 'down');
      assert.deepEqual(bowl.stockOut, { since: first.plus({ days: days - 3 }).toISODate() });
      assert.ok(
        bowl.drySpell && bowl.drySpell.days === 3 && bowl.drySpell.chance > 0.001,
        JSON.stringify(bowl),
      );
      assert.ok(bowl.actual! < bowl.lower!, 'flagged ⇔ outside the band');
      const plate = product('Linen Plate');
      assert.equal(plate.flagged, false, JSON.stringify(plate));
      assert.equal(plate.stockOut, undefined);
      // Before the stock-out, a day with nothing to sell is not a stock-out day.
      const before = (
        await storeAnomalies(database.db, store, first.plus({ days: days - 4 }).toISODate()!)
      ).metrics
        .find((m) => m.metric === 'revenue')!
        .segments.find((s) => s.value === 'Linen Bowl')!.judgement;
      assert.equal(before.stockOut, undefined);
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
