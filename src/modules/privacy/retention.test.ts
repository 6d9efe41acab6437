// The retention of raw analytics events: per store, GA4's choices; the job deletes a store's raw
// events older than its setting and nothing of another store, and the rollups of those days stay.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { rebuildRollups, writeEvents } from '../analytics/index.ts';
import { applyAnalyticsRetention, retentionCutoff } from './retention.ts';

const DAY_MS = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`analytics retention on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
    });
    after(async () => {
      await sp?.close();
      await database?.close();
    });

    const event = (storeId: string, occurredAt: Date) =>
      ({
        storeId,
        occurredAt,
        eventId: randomUUID(),
        receivedAt: occurredAt,
        name: 'page_view',
        origin: 'storefront',
        visitorId: `vis_${randomUUID()}`,
        sessionId: `ses_${randomUUID()}`,
        sessionStart: true,
        consented: true,
        customerId: null,
        channel: 'Direct',
        device: 'desktop',
        pagePath: '/',
      }) as Parameters<typeof writeEvents>[1][number];

    test('a store keeps raw events for its chosen months; older ones go, rollups and other stores stay', async () => {
      const keeping = await makeStore(database, 'keeps-14');
      const forever = await makeStore(database, 'keeps-all');
      const api = withApiKey(sp.app, await makeApiKey(database, keeping.id, ['privacy:manage']));
      const url = `/api/admin/stores/${keeping.id}/privacy/settings`;
      assert.deepEqual(
        (await api({ method: 'GET', url })).json().analyticsRetentionMonths,
        null,
        'forever by default',
      );
      for (const bad of [13, 0, '14', -2]) {
        const res = await api({ method: 'PUT', url, payload: { analyticsRetentionMonths: bad } });
        assert.equal(res.statusCode, 400, `refuses ${JSON.stringify(bad)}`);
      }
      const set = await api({ method: 'PUT', url, payload: { analyticsRetentionMonths: 14 } });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().analyticsRetentionMonths, 14);

      const now = new Date();
      const old = new Date(now.getTime() - 450 * DAY_MS); // about 15 months
      const recent = new Date(now.getTime() - 400 * DAY_MS); // about 13 months
      await writeEvents(database.db, [
        event(keeping.id, old),
        event(keeping.id, recent),
        event(keeping.id, now),
        event(forever.id, old),
      ]);
      await rebuildRollups(database.db, keeping);
      const rollupsOf = async (storeId: string) =>
        (
          await database.execute<{ n: number }>(
            `select coalesce(sum(sessions), 0)::int as n from analytics_daily where store_id = '${storeId}' and dimension = 'all'`,
          )
        )[0]!.n;
      const before = await rollupsOf(keeping.id);
      assert.equal(before, 3);

      const deleted = await applyAnalyticsRetention(database.db, now);
      assert.deepEqual(deleted, { [keeping.id]: 1 });
      const left = await database.execute<{ store_id: string; occurred_at: Date }>(
        `select store_id, occurred_at from analytics_events order by store_id, occurred_at`,
      );
      assert.equal(left.filter((e) => e.store_id === keeping.id).length, 2);
      assert.ok(
        left
          .filter((e) => e.store_id === keeping.id)
          .every((e) => new Date(e.occurred_at) >= retentionCutoff(now, 14)),
      );
      assert.equal(
        left.filter((e) => e.store_id === forever.id).length,
        1,
        'a store keeping forever loses nothing',
      );
      assert.equal(await rollupsOf(keeping.id), before, 'rollups are kept');
      const audit = await database.execute(
        `select action from audit_log where store_id = '${keeping.id}' and action = 'privacy.settings_updated'`,
      );
      assert.equal(audit.length, 1);
    });
  });
}
