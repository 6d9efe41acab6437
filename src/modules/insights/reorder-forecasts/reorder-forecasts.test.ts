// Forecasts and reorders over HTTP, on a crafted year of ledger history: the method each kind of
// seller gets, days of cover and stock-out date, safety stock and reorder point arithmetic, whole
// packs and minimums, stock-out days left out of the fit, grouping by supplier, one-click drafts,
// refused input and permissions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
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
import { dailyVariantSales, type MovementInput, recordMovements } from '../../inventory/index.ts';
import {
  inventoryTestActor as actor,
  makeLocation,
  makeVariants,
} from '../../inventory/testing/inventory-fixtures.ts';
import { serviceLevelZ } from '../forecasting/safety-stock.ts';
import { dayToForecast, forecastStoreDay } from './forecast-job.ts';
import type { ReorderForecastItem, ReorderForecasts } from './reorder-forecasts.ts';

/** Noon of the UTC day `n` days before today (the test store keeps UTC days). */
const dayAt = (n: number) => DateTime.utc().startOf('day').minus({ days: n }).plus({ hours: 12 }).toJSDate();
const today = () => DateTime.utc().startOf('day').toISODate()!;
const plusDays = (n: number) => DateTime.utc().startOf('day').plus({ days: n }).toISODate()!;
const weekly = [3, 5, 4, 6, 8, 12, 10];

for (const target of testDatabaseTargets()) {
  describe(`forecasts and reorders on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let storeId: string;
    let buyer: ReturnType<typeof withApiKey>;
    let reader: ReturnType<typeof withApiKey>;
    let analyst: ReturnType<typeof withApiKey>;
    const base = '/api/admin/stores/forecast-reorders';
    // mug: 2 a day for 120 days, 12 left (Nordic, packs of 6, 10 days). plate: a weekly rhythm
    // (Nordic, packs of 4, minimum 200). vase: 3 now and then (Clay Works, 5 days). bowl: 1 a day,
    // then 20 days out of stock, then 1 a day again, 20 left (Clay Works). cloth: no supplier.
    // cup: a cancelled order.
    let mug: string;
    let plate: string;
    let vase: string;
    let bowl: string;
    let cloth: string;
    let cup: string;
    const suppliers: Record<string, string> = {};
    let warehouse: string;

    const forecasts = async (query = '') => {
      const res = await reader({ method: 'GET', url: `${base}/insights/reorder-forecasts?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as ReorderForecasts;
    };
    const itemOf = (all: ReorderForecasts, variantId: string): ReorderForecastItem => {
      const item = all.items.find((i) => i.variantId === variantId);
      assert.ok(item, `no forecast for ${variantId}`);
      return item;
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'forecast-reorders');
      storeId = store.id;
      buyer = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['purchasing:read', 'purchasing:write']),
      );
      reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['purchasing:read']));
      analyst = withApiKey(sp.app, await makeApiKey(database, store.id, ['analytics:read']));
      warehouse = (await makeLocation(database, store.id, 'Warehouse')).id;
      [mug, plate, vase, bowl, cloth, cup] = (await makeVariants(database, store, 6)) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const move = (variantId: string, kind: MovementInput['kind'], quantity: number, extra = {}) => ({
        variantId,
        locationId: warehouse,
        kind,
        quantity,
        ...extra,
      });
      const write = (at: Date, movements: MovementInput[]) =>
        database.db.transaction((tx) => recordMovements(tx, store.id, actor, movements, { recordedAt: at }));

      const plateUnits = (d: number) => weekly[d % 7]! + (((d * 7) % 3) - 1);
      const vaseUnits = (d: number) => (d % 9 === 0 ? [2, 4, 3][(d / 9) % 3]! : 0);
      let plateTotal = 0;
      let vaseTotal = 0;
      for (let d = 180; d >= 1; d--) {
        plateTotal += plateUnits(d);
        vaseTotal += vaseUnits(d);
      }
      await write(dayAt(200), [
        move(mug, 'receive', 12 + 2 * 120),
        move(plate, 'receive', plateTotal + 500),
        move(vase, 'receive', vaseTotal + 40),
        move(cloth, 'receive', 40 + 60),
        move(cup, 'receive', 50),
      ]);
      await write(dayAt(95), [move(bowl, 'receive', 60)]);
      for (let d = 180; d >= 1; d--) {
        const sales: MovementInput[] = [];
        if (d <= 120) sales.push(move(mug, 'sale', -2));
        if (d <= 60) sales.push(move(cloth, 'sale', -1));
        sales.push(move(plate, 'sale', -plateUnits(d)));
        if (vaseUnits(d) > 0) sales.push(move(vase, 'sale', -vaseUnits(d)));
        // 60 days sold out of 60 received, then 20 days with none, then a delivery of 30.
        if ((d <= 90 && d >= 31) || d <= 10) sales.push(move(bowl, 'sale', -1));
        if (d === 10) sales.unshift(move(bowl, 'receive', 30));
        await write(dayAt(d), sales);
      }
      // A cup order of 3 on day 6 ago, cancelled 2 days later; another of 2 on day 5 ago kept.
      await write(dayAt(6), [
        move(cup, 'sale', -3, { referenceType: 'order', referenceId: 'ord_cancelled' }),
      ]);
      await write(dayAt(5), [move(cup, 'sale', -2, { referenceType: 'order', referenceId: 'ord_kept' })]);
      await write(dayAt(4), [
        move(cup, 'return', 3, { referenceType: 'order', referenceId: 'ord_cancelled' }),
      ]);

      for (const [name, leadTimeDays] of [
        ['Nordic Ceramics', 10],
        ['Clay Works', 5],
      ] as const) {
        const res = await buyer({
          method: 'POST',
          url: `${base}/inventory/suppliers`,
          payload: { name, currency: 'EUR', leadTimeDays },
        });
        assert.equal(res.statusCode, 201, res.body);
        suppliers[name] = res.json().supplier.id;
      }
      for (const [supplier, items] of [
        [
          'Nordic Ceramics',
          [
            { variantId: mug, cost: { amount: 420 }, packSize: 6 },
            { variantId: plate, cost: { amount: 300 }, packSize: 4, minimumOrderQuantity: 200 },
          ],
        ],
        [
          'Clay Works',
          [
            { variantId: vase, cost: { amount: 900 } },
            { variantId: bowl, cost: { amount: 250 } },
            { variantId: cup, cost: { amount: 100 } },
          ],
        ],
      ] as const) {
        const res = await buyer({
          method: 'PUT',
          url: `${base}/inventory/suppliers/${suppliers[supplier]}/variants`,
          payload: { items },
        });
        assert.equal(res.statusCode, 200, res.body);
      }
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a steady seller: its rate forecast, days of cover, stock-out date and 11 packs of 6', async () => {
      const all = await forecasts();
      assert.equal(all.today, today());
      assert.deepEqual(all.settings, { serviceLevel: 0.95, reviewPeriodDays: 28 });
      const item = itemOf(all, mug);
      assert.equal(item.pattern, 'smooth');
      assert.equal(item.method, 'ses', 'every method fits a constant exactly; the simplest is kept');
      assert.ok(item.forecast.every((units) => Math.abs(units - 2) < 1e-9));
      assert.deepEqual(item.accuracy, { mase: null, wape: 0, origins: 3 });
      // 12 units at 2 a day: 6 days, out on the 7th day counted from today (day 6).
      assert.equal(item.daysOfCover, 6);
      assert.equal(item.stockOutDate, plusDays(6));
      // No error, no safety stock: the reorder point is 10 days × 2 = 20, above the 12 left.
      assert.equal(item.safetyStock, 0);
      assert.equal(item.reorderPoint, 20);
      assert.equal(item.reorderNow, true);
      // 2 a day × (10 + 28) days = 76; 76 − 12 = 64 short → 11 packs of 6 = 66, as the rate of sale said.
      assert.deepEqual(
        [item.order?.targetUnits, item.order?.shortfall, item.order?.quantity, item.order?.packs],
        [76, 64, 66, 11],
      );
      assert.equal(item.order?.roundedUpBy, 'packs');
      assert.equal(item.history.length, 56);
      assert.deepEqual(item.history.at(-1), { day: plusDays(-1), units: 2, stockOut: false });
    });

    test('a weekly-rhythm seller gets a smoothing method; an occasional one a Croston-type method', async () => {
      const all = await forecasts();
      const steady = itemOf(all, plate);
      assert.ok(['smooth', 'erratic'].includes(steady.pattern), steady.pattern);
      assert.ok(['ses', 'holt', 'damped-holt', 'holt-winters'].includes(steady.method), steady.method);
      assert.ok(
        steady.accuracy?.mase !== null && steady.accuracy!.mase! > 0,
        JSON.stringify(steady.accuracy),
      );
      assert.ok(steady.accuracy!.wape! > 0 && steady.accuracy!.wape! < 0.5, JSON.stringify(steady.accuracy));
      const occasional = itemOf(all, vase);
      assert.ok(['intermittent', 'lumpy'].includes(occasional.pattern), occasional.pattern);
      assert.ok(['croston', 'sba', 'tsb'].includes(occasional.method), occasional.method);
      // 3 units every 9 days is a third of a unit a day, give or take the smoothing.
      assert.ok(Math.abs(occasional.forecast[0]! - 1 / 3) < 0.12, `${occasional.forecast[0]}`);
    });

    test('safety stock is z·σ·√L over the lead time and the order covers lead time + review period', async () => {
      for (const serviceLevel of [0.9, 0.99]) {
        const item = itemOf(await forecasts(`serviceLevel=${serviceLevel}`), plate);
        const z = serviceLevelZ(serviceLevel);
        assert.ok(item.demandSd > 0);
        const expectedSafety = z * item.demandSd * Math.sqrt(10);
        assert.ok(Math.abs(item.safetyStock! - expectedSafety) < 1e-9);
        const leadTimeDemand = item.forecast.slice(0, 10).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(item.reorderPoint! - (leadTimeDemand + expectedSafety)) < 1e-9);
        const coverDemand = item.forecast.slice(0, 38).reduce((a, b) => a + b, 0);
        const target = Math.ceil(coverDemand + z * item.demandSd * Math.sqrt(38) - 1e-9);
        assert.equal(item.order?.targetUnits, target);
        assert.equal(item.order?.shortfall, Math.max(0, target - item.available - item.incoming));
      }
      const low = itemOf(await forecasts('serviceLevel=0.9'), plate);
      const high = itemOf(await forecasts('serviceLevel=0.99'), plate);
      assert.ok(high.safetyStock! > low.safetyStock!);
    });

    test('a minimum raises the order to whole packs of it; packs round up', async () => {
      const item = itemOf(await forecasts(), plate);
      const order = item.order!;
      // The plate sells about 7 a day: 38 days take some 270, with 500 + left the shortfall is small
      // or none; when an order is due it is at least the minimum of 200, in packs of 4.
      if (order.shortfall > 0) {
        assert.ok(order.quantity >= 200 && order.quantity % 4 === 0, `${order.quantity}`);
        assert.equal(order.roundedUpBy, order.shortfall > 200 ? 'packs' : 'minimum');
      } else {
        assert.deepEqual([order.quantity, order.roundedUpBy], [0, 'nothing']);
      }
      const tight = itemOf(await forecasts('reviewPeriodDays=120'), plate).order!;
      assert.ok(tight.shortfall > 0, 'four months of plates are more than the stock');
      assert.equal(tight.quantity, Math.max(Math.ceil(tight.shortfall / 4) * 4, 200));
      assert.equal(tight.quantity % 4, 0);
    });

    test('stock-out days are not read as no demand', async () => {
      const item = itemOf(await forecasts(), bowl);
      assert.equal(item.censoredDays, 20);
      assert.equal(item.pattern, 'smooth', 'with the 20 empty days counted it would look intermittent');
      assert.ok(Math.abs(item.forecast[0]! - 1) < 1e-6, `${item.forecast[0]}`);
      assert.equal(item.available, 20);
      assert.equal(item.stockOutDate, plusDays(20));
      const stockOut = item.history.filter((d) => d.stockOut).map((d) => d.day);
      assert.deepEqual([stockOut.length, stockOut[0], stockOut.at(-1)], [20, plusDays(-30), plusDays(-11)]);
    });

    test('a cancelled order is taken off the day it sold; a variant without supplier has no order', async () => {
      const history = await dailyVariantSales(database.db, storeId, [cup], { days: 10, timeZone: 'UTC' });
      const sold = history.get(cup)!.sold;
      assert.deepEqual(sold.slice(-7), [0, 0, 2, 0, 0, 0, 0], 'day 6 ago: 3 sold and cancelled; day 5: 2');
      const item = itemOf(await forecasts(), cloth);
      assert.deepEqual([item.supplier, item.order, item.reorderPoint], [null, null, null]);
      assert.equal(item.stockOutDate, plusDays(40));
    });

    test('orders are grouped by supplier, and one click makes one draft each', async () => {
      const all = await forecasts();
      assert.deepEqual(
        all.groups.map((g) => g.supplier.name),
        ['Clay Works', 'Nordic Ceramics'].filter((name) =>
          all.items.some((i) => i.supplier?.name === name && (i.order?.quantity ?? 0) > 0),
        ),
      );
      for (const group of all.groups) {
        const ordered = all.items.filter(
          (i) => i.supplier?.id === group.supplier.id && i.order!.quantity > 0,
        );
        assert.deepEqual(
          group.lines,
          ordered.map((i) => ({ variantId: i.variantId, quantity: i.order!.quantity })),
        );
        assert.equal(
          group.units,
          ordered.reduce((sum, i) => sum + i.order!.quantity, 0),
        );
      }
      const nordic = all.groups.find((g) => g.supplier.name === 'Nordic Ceramics')!;
      assert.ok(nordic.lines.some((l) => l.variantId === mug && l.quantity === 66));
      // Only the supplier's own: the suppliers filter leaves the others out.
      const onlyNordic = await forecasts(`supplierId=${suppliers['Nordic Ceramics']}`);
      assert.ok(onlyNordic.items.every((i) => i.supplier?.name === 'Nordic Ceramics'));

      const res = await buyer({
        method: 'POST',
        url: `${base}/insights/reorder-forecasts/drafts`,
        payload: {},
      });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json().purchaseOrders as { id: string; supplierId: string; units: number }[];
      assert.deepEqual(
        created.map((c) => c.supplierId),
        all.groups.map((g) => g.supplier.id),
      );
      for (const draft of created) {
        const one = await buyer({ method: 'GET', url: `${base}/inventory/purchase-orders/${draft.id}` });
        const order = one.json().purchaseOrder;
        assert.equal(order.state, 'draft');
        assert.equal(order.location.id, warehouse);
        const group = all.groups.find((g) => g.supplier.id === draft.supplierId)!;
        assert.deepEqual(
          order.lines
            .map((l: { variantId: string; quantityOrdered: number }) => [l.variantId, l.quantityOrdered])
            .sort(),
          group.lines.map((l) => [l.variantId, l.quantity]).sort(),
        );
      }
      // The drafts are named on the items: they are not incoming until sent.
      assert.ok(itemOf(await forecasts(), mug).drafts.length === 1);
      const audit = await database.db.execute(
        sql`select count(*)::int as n from audit_log where store_id = ${storeId} and action = 'purchase_order.created'`,
      );
      assert.equal(Number(resultRows<{ n: number }>(audit)[0]!.n), created.length);
    });

    test('refused input: a service level outside (0, 1), unknown fields, nothing to order', async () => {
      for (const serviceLevel of ['0', '1', '1.5', '-0.2', 'high']) {
        const res = await reader({
          method: 'GET',
          url: `${base}/insights/reorder-forecasts?serviceLevel=${serviceLevel}`,
        });
        assert.equal(res.statusCode, 400, `${serviceLevel}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation_failed');
      }
      for (const payload of [
        { serviceLevel: 1 },
        { serviceLevel: 0 },
        { extra: true },
        { supplierIds: [] },
      ]) {
        const res = await buyer({
          method: 'POST',
          url: `${base}/insights/reorder-forecasts/drafts`,
          payload,
        });
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      }
      const none = await buyer({
        method: 'POST',
        url: `${base}/insights/reorder-forecasts/drafts`,
        payload: { supplierIds: ['sup_missing'] },
      });
      assert.equal(none.statusCode, 422, none.body);
      assert.equal(none.json().error.code, 'nothing_to_reorder');
      const badLocation = await buyer({
        method: 'POST',
        url: `${base}/insights/reorder-forecasts/drafts`,
        payload: { locationId: 'loc_missing' },
      });
      assert.ok([404, 422].includes(badLocation.statusCode), badLocation.body);
    });

    test('reading needs purchasing:read and making drafts purchasing:write', async () => {
      const denied = await analyst({ method: 'GET', url: `${base}/insights/reorder-forecasts` });
      assert.equal(denied.statusCode, 403, denied.body);
      const readOnly = await reader({
        method: 'POST',
        url: `${base}/insights/reorder-forecasts/drafts`,
        payload: {},
      });
      assert.equal(readOnly.statusCode, 403, readOnly.body);
      assert.equal(readOnly.json().error.code, 'permission_denied');
    });

    test('forecasts are made once a day and kept: later reads use them, the nightly job runs once a day', async () => {
      await database.db.execute(sql`delete from insights_demand_forecasts where store_id = ${storeId}`);
      const first = await forecasts();
      const stored = resultRows<{
        variant_id: string;
        as_of: string;
        horizon: number;
        backtest_horizon: number;
      }>(
        await database.db.execute(
          sql`select variant_id, as_of::text, horizon, backtest_horizon from insights_demand_forecasts where store_id = ${storeId}`,
        ),
      );
      assert.deepEqual(stored.map((r) => r.variant_id).sort(), first.items.map((i) => i.variantId).sort());
      assert.ok(stored.every((r) => r.as_of === today()));
      // The mug's supplier delivers in 10 days: 91 days ahead (10 + 28 is less), backtested over 10.
      const mugRow = stored.find((r) => r.variant_id === mug)!;
      assert.deepEqual([mugRow.horizon, mugRow.backtest_horizon], [91, 10]);

      // A later read takes the stored forecast as it is (here changed by hand to 5 a day) …
      const fives = JSON.stringify(new Array(91).fill(5));
      await database.db.execute(
        sql`update insights_demand_forecasts set forecast = forecast || jsonb_build_object('forecast', ${fives}::jsonb)
            where store_id = ${storeId} and variant_id = ${mug}`,
      );
      const kept = itemOf(await forecasts(), mug);
      assert.equal(kept.forecast[0], 5);
      assert.equal(kept.daysOfCover, 2.4, '12 left at 5 a day');
      // … and with a review period that needs a longer horizon (10 + 100 days > 91) it forecasts again.
      const longer = itemOf(await forecasts('reviewPeriodDays=100'), mug);
      assert.equal(longer.forecast.length, 110);
      assert.ok(Math.abs(longer.forecast[0]! - 2) < 1e-9);

      // The nightly job makes the day's forecasts with the default settings, once per store day.
      const store = { id: storeId, timezone: 'UTC', baseCurrency: 'EUR' };
      assert.equal(await forecastStoreDay(database.db, store, today()), first.items.length);
      assert.equal(await forecastStoreDay(database.db, store, today()), null);
      const afterJob = itemOf(await forecasts(), mug);
      assert.equal(afterJob.forecast.length, 91);
      assert.equal(afterJob.daysOfCover, 6);
      assert.equal(dayToForecast({ timezone: 'Europe/Berlin' }, new Date('2026-11-24T00:30:00Z')), null);
      assert.equal(
        dayToForecast({ timezone: 'Europe/Berlin' }, new Date('2026-11-24T01:30:00Z')),
        '2026-11-24',
      );
    });
  });
}
