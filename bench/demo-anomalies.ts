// `npm run bench:demo-anomalies`: the anomaly detector on the demo store's own incidents. Builds the
// demo at its default size on a fresh embedded database (what `npm start` does), then judges each of
// the last BENCH_DAYS (default 60) store days as the morning briefing does (`storeAnomalies`) and
// scores the verdicts against the incidents the history planted: the checkout outage (orders or
// revenue flagged low that day), the campaign paused by mistake (its own sessions flagged low, or a
// store total flagged and explained by it, on each of its days) and the best seller's stock-out (its
// own revenue flagged low on each day since). Prints recall per incident, and the precision of the
// store-level alarms (days with a store total flagged: how many were incident days). Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { type DemoSeedOptions, seedDemo } from '../src/demo/seed-demo.ts';
import { findStore } from '../src/modules/access/index.ts';
import { findProductByHandle } from '../src/modules/catalog/index.ts';
import { storeAnomalies } from '../src/modules/insights/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';

type Incidents = Parameters<NonNullable<DemoSeedOptions['onIncidents']>>[0];

const judgedDays = Number(process.env.BENCH_DAYS ?? 60);
const dataDir = mkdtempSync(join(tmpdir(), 'storepilot-demo-anomalies-'));
const database = await openDatabase({ dataDir });
try {
  await migrateDatabase(database);
  const { db } = database;
  let incidents: Incidents | undefined;
  const seeding = performance.now();
  await seedDemo(db, undefined, { onIncidents: (i) => (incidents = i) });
  console.log(`demo built in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  if (!incidents) throw new Error('the demo planted no incidents');
  const store = (await findStore(db, incidents.storeHandle))!;
  const soldOut = await findProductByHandle(db, store.id, incidents.stockOut.handle);
  const soldOutTitle = soldOut?.title ?? incidents.stockOut.handle;
  const stop = incidents.campaignStop;
  const lastDay = DateTime.fromISO(incidents.outageDay, { zone: 'utc' }).plus({ days: 16 });

  const found = { outage: [0, 0], campaignStop: [0, 0], stockOut: [0, 0] };
  let storeAlarms = 0;
  let storeAlarmsOnIncidents = 0;
  const judging = performance.now();
  for (let back = judgedDays - 1; back >= 0; back--) {
    const day = lastDay.minus({ days: back }).toISODate()!;
    const { metrics } = await storeAnomalies(db, store, day);
    const low = (metric: string) =>
      metrics.find((m) => m.metric === metric && m.judgement.flagged && m.judgement.direction === 'down');
    const segmentLow = (dimension: string, value: string) =>
      metrics.some((m) =>
        m.segments.some(
          (s) =>
            s.dimension === dimension &&
            s.value === value &&
            s.judgement.flagged &&
            s.judgement.direction === 'down',
        ),
      );
    const isOutage = day === incidents.outageDay;
    const isStop = day >= stop.from && day <= stop.to;
    const isStockOut = day >= incidents.stockOut.from;
    const alarm = metrics.some((m) => m.judgement.flagged);
    if (alarm) {
      storeAlarms++;
      if (isOutage || isStop || isStockOut) storeAlarmsOnIncidents++;
    }
    if (isOutage) {
      found.outage[1]!++;
      if (low('orders') || low('revenue') || low('conversionRate')) found.outage[0]!++;
    }
    if (isStop) {
      found.campaignStop[1]!++;
      const explained = metrics.some(
        (m) => m.judgement.flagged && m.explanation?.contributors.some((c) => c.value === stop.campaign),
      );
      if (segmentLow('campaign', stop.campaign) || explained) found.campaignStop[0]!++;
    }
    if (isStockOut) {
      found.stockOut[1]!++;
      if (segmentLow('product', soldOutTitle)) found.stockOut[0]!++;
    }
  }
  const seconds = (performance.now() - judging) / 1000;
  console.log(
    `${judgedDays} store days judged in ${seconds.toFixed(1)} s (${((seconds / judgedDays) * 1000).toFixed(0)} ms a day)`,
  );
  const rate = ([hit, all]: number[]) =>
    `${hit}/${all}${all ? ` (${((hit! / all) * 100).toFixed(0)} %)` : ''}`;
  console.log(`checkout outage (${incidents.outageDay}): detected ${rate(found.outage)}`);
  console.log(`"${stop.campaign}" paused (${stop.from} – ${stop.to}): detected ${rate(found.campaignStop)}`);
  console.log(
    `"${soldOutTitle}" out of stock (since ${incidents.stockOut.from}): detected ${rate(found.stockOut)}`,
  );
  const hits = found.outage[0]! + found.campaignStop[0]! + found.stockOut[0]!;
  const all = found.outage[1]! + found.campaignStop[1]! + found.stockOut[1]!;
  console.log(`recall over incident days: ${rate([hits, all])}`);
  console.log(
    `store-level alarms: ${storeAlarms} days, ${storeAlarmsOnIncidents} of them incident days (precision ${rate([storeAlarmsOnIncidents, storeAlarms])})`,
  );
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
