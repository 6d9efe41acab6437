import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { createOutboxDispatcher, emitEvent, registerOutboxMetrics } from './index.ts';

const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

for (const target of testDatabaseTargets()) {
  describe(`outbox metrics (${target.label})`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await target.create();
    });
    afterEach(async () => {
      await database.close();
    });

    test('/metrics shows the events waiting and the oldest one’s age, back to zero once dispatched', async () => {
      const registry = new Registry();
      registerOutboxMetrics(registry, database.db);
      let text = await registry.metrics();
      assert.equal(gauge(text, 'storepilot_outbox_events_waiting'), 0);
      assert.equal(gauge(text, 'storepilot_outbox_oldest_waiting_seconds'), 0);

      for (const type of ['cart.created', 'order.placed']) {
        await database.db.transaction((tx) => emitEvent(tx, { storeId: 'store_test', type, payload: {} }));
      }
      text = await registry.metrics();
      assert.equal(gauge(text, 'storepilot_outbox_events_waiting'), 2);
      assert.ok(gauge(text, 'storepilot_outbox_oldest_waiting_seconds') >= 0);

      const dispatcher = createOutboxDispatcher({
        database,
        logger: pino({ level: 'silent' }),
        consumers: [{ name: 'none', handle: async () => {} }],
      });
      await dispatcher.dispatchOnce();
      text = await registry.metrics();
      assert.equal(gauge(text, 'storepilot_outbox_events_waiting'), 0);
      assert.equal(gauge(text, 'storepilot_outbox_oldest_waiting_seconds'), 0);
    });
  });
}
