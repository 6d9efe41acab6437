// Raw events on both databases: monthly partitions, idempotent writes, the batching buffer, and the
// collector's visits under both consent modes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { systemActor } from '../../access/index.ts';

const actor = systemActor('analytics test');

import { updateAnalyticsSettings } from '../analytics-settings.ts';
import { CookielessVisitors } from './cookieless-visitors.ts';
import { EventBuffer } from './event-buffer.ts';
import { EventCollector, type VisitRequest } from './event-collector.ts';
import { eventMonth, listEventPartitions } from './event-partitions.ts';
import type { TrafficSource } from './visit.ts';
import { type EventRow, writeEvents } from './write-events.ts';

const chrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** The collector's source rule for these tests: utm_source/utm_medium only. */
const utmOnly = (url: URL): TrafficSource | null => {
  const source = url.searchParams.get('utm_source');
  if (!source) return null;
  return {
    source,
    medium: url.searchParams.get('utm_medium'),
    campaign: url.searchParams.get('utm_campaign'),
    term: null,
    content: null,
    channel: 'Email',
    referrerHost: null,
  };
};

function row(storeId: string, at: string, id: string, name = 'page_view'): EventRow {
  return {
    storeId,
    occurredAt: new Date(at),
    eventId: id,
    name,
    origin: 'api',
    visitorId: 'v_1',
    sessionId: 's_1',
    channel: 'Direct',
    device: 'desktop',
  };
}

test('month partitions are named and bounded by the UTC calendar month', () => {
  const m = eventMonth(new Date('2026-12-31T23:59:59.999Z'));
  assert.equal(m.table, 'analytics_events_y2026m12');
  assert.equal(m.from.toISOString(), '2026-12-01T00:00:00.000Z');
  assert.equal(m.to.toISOString(), '2027-01-01T00:00:00.000Z');
});

for (const target of testDatabaseTargets()) {
  describe(`raw events on ${target.label}`, () => {
    let database: Database;
    let storeId: string;
    const count = async (where = sql`true`) =>
      Number(
        resultRows<{ n: number }>(
          await database.db.execute(
            sql`select count(*)::int as n from analytics_events where store_id = ${storeId} and ${where}`,
          ),
        )[0]!.n,
      );
    before(async () => {
      database = await target.create();
      storeId = (await makeStore(database, 'events')).id;
    });
    after(() => database.close());

    test('events across months land in their month partitions; a replayed id is skipped', async () => {
      const rows = [
        row(storeId, '2025-06-30T23:59:59Z', 'e1'),
        row(storeId, '2025-07-01T00:00:00Z', 'e2'),
        row(storeId, '2026-11-24T10:00:00Z', 'e3', 'add_to_cart'),
      ];
      assert.deepEqual(await writeEvents(database.db, rows), { written: 3, duplicates: 0 });
      assert.deepEqual(
        await writeEvents(database.db, [rows[1]!, row(storeId, '2025-07-02T00:00:00Z', 'e4')]),
        {
          written: 1,
          duplicates: 1,
        },
      );
      const partitions = await listEventPartitions(database.db);
      for (const name of [
        'analytics_events_y2025m06',
        'analytics_events_y2025m07',
        'analytics_events_y2026m11',
      ]) {
        assert.ok(partitions.includes(name), `${name} in ${partitions}`);
      }
      const inJuly = resultRows<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from analytics_events_y2025m07 where store_id = ${storeId}`,
        ),
      )[0]!.n;
      assert.equal(Number(inJuly), 2);
      assert.equal(await count(), 4);
    });

    test('the buffer writes in batches and on close; bot hits are counted per day', async () => {
      const buffer = new EventBuffer(database.db, { batchRows: 1_000, flushMs: 60_000 });
      for (let i = 0; i < 25; i++) buffer.record(row(storeId, '2026-11-20T12:00:00Z', `b${i}`), '2026-11-20');
      buffer.countFiltered(storeId, '2026-11-20', 'bot');
      buffer.countFiltered(storeId, '2026-11-20', 'bot');
      assert.equal(buffer.waiting, 25);
      assert.equal(await count(sql`event_id like 'b%'`), 0, 'nothing written before a flush');
      await buffer.close();
      assert.equal(await count(sql`event_id like 'b%'`), 25);
      const again = new EventBuffer(database.db, { flushMs: 60_000 });
      again.countFiltered(storeId, '2026-11-20', 'bot');
      await again.close();
      const [hits] = resultRows<{ hits: number }>(
        await database.db.execute(
          sql`select hits from analytics_filtered_hits where store_id = ${storeId} and day = '2026-11-20' and reason = 'bot'`,
        ),
      );
      assert.equal(hits?.hits, 3);
    });

    test('visits: a cookie visitor keeps their id and session; a campaign link starts a new session', async () => {
      const buffer = new EventBuffer(database.db, { flushMs: 60_000 });
      const collector = new EventCollector(database.db, buffer, utmOnly);
      const request = (path: string, cookies: VisitRequest['cookies'] = {}): VisitRequest => ({
        storeId,
        storeDay: '2026-11-24',
        url: new URL(path, 'https://shop.example'),
        referrer: undefined,
        ownHosts: ['shop.example'],
        headers: { 'user-agent': chrome },
        address: '203.0.113.9',
        cookies,
        country: 'DE',
      });
      const first = await collector.visit(request('/?utm_source=news&utm_medium=email&utm_campaign=nov'));
      assert.equal(first.kind, 'visit');
      if (first.kind !== 'visit') return;
      assert.ok(first.visit.cookies, 'cookies set: no consent needed');
      collector.record(first.visit, { name: 'page_view', pagePath: '/' });
      const cookies = { visitor: first.visit.cookies.visitor, session: first.visit.cookies.session };
      const second = await collector.visit(request('/products/lamp', cookies));
      assert.equal(second.kind === 'visit' && second.visit.session.id, first.visit.session.id);
      if (second.kind === 'visit') collector.record(second.visit, { name: 'view_item', productId: 'prod_1' });
      const third = await collector.visit(request('/?utm_source=ads&utm_medium=cpc', cookies));
      assert.ok(third.kind === 'visit' && third.visit.session.id !== first.visit.session.id);
      assert.equal(third.kind === 'visit' && third.visit.visitorId, first.visit.visitorId);
      const bot = await collector.visit({ ...request('/'), headers: { 'user-agent': 'Googlebot/2.1' } });
      assert.deepEqual(bot, { kind: 'filtered', reason: 'bot' });
      await buffer.close();
      const rows = resultRows<{
        name: string;
        session_start: boolean;
        channel: string;
        campaign: string;
        landing_path: string;
      }>(
        await database.db.execute(
          sql`select name, session_start, channel, campaign, landing_path from analytics_events where store_id = ${storeId} and session_id = ${first.visit.session.id} order by name`,
        ),
      );
      assert.deepEqual(rows, [
        { name: 'page_view', session_start: true, channel: 'Email', campaign: 'nov', landing_path: '/' },
        { name: 'view_item', session_start: false, channel: 'Email', campaign: 'nov', landing_path: '/' },
      ]);
    });

    test('consent required: no cookie until the visitor accepts; a hashed id for the day meanwhile', async () => {
      await updateAnalyticsSettings(database.db, actor, storeId, { consentMode: 'required' });
      const buffer = new EventBuffer(database.db, { flushMs: 60_000 });
      const collector = new EventCollector(database.db, buffer, utmOnly);
      const base: VisitRequest = {
        storeId,
        storeDay: '2026-11-24',
        url: new URL('https://shop.example/'),
        referrer: undefined,
        ownHosts: ['shop.example'],
        headers: { 'user-agent': chrome },
        address: '198.51.100.7',
        cookies: {},
        country: null,
      };
      const a = await collector.visit(base);
      const b = await collector.visit({ ...base, url: new URL('https://shop.example/cart') });
      assert.ok(a.kind === 'visit' && b.kind === 'visit');
      assert.equal(a.visit.cookies, null, 'no cookie without consent');
      assert.equal(a.visit.consented, false);
      assert.equal(a.visit.visitorId, b.visit.visitorId, 'the same visitor all day');
      assert.equal(a.visit.session.id, b.visit.session.id, 'in one session');
      assert.ok(!a.visit.visitorId.includes('198.51'), 'the address is not in the id');
      // Another instance (its own memory, the same database) knows the visitor by the same id.
      const elsewhere = new CookielessVisitors(database.db);
      assert.equal(a.visit.visitorId, await elsewhere.visitorId(storeId, '198.51.100.7', chrome, a.visit.at));
      const other = await collector.visit({ ...base, address: '198.51.100.8' });
      assert.ok(other.kind === 'visit' && other.visit.visitorId !== a.visit.visitorId);
      const granted = await collector.visit({ ...base, cookies: { consent: 'granted' } });
      assert.ok(granted.kind === 'visit' && granted.visit.cookies && granted.visit.consented);
      await buffer.close();
      await updateAnalyticsSettings(database.db, actor, storeId, { consentMode: 'not_required' });
    });
  });
}
