import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../../modules/access/schema.ts';
import { outboxEvents } from '../events/schema.ts';
import { appendRows, defersAppends, withDeferredAppends } from './deferred-appends.ts';
import { testDatabaseTargets } from './test-database.ts';

const event = (id: string, type: string) => ({
  id,
  storeId: null,
  type,
  payload: { n: id },
  createdAt: new Date('2026-01-02T03:04:05Z'),
});
const audit = (id: string, action: string) => ({
  id,
  storeId: null,
  actorType: 'system',
  actorId: null,
  actorLabel: 'test',
  action,
  entityType: 'thing',
  entityId: id,
  before: null,
  after: { tags: ['a', 'b'] },
});

for (const target of testDatabaseTargets()) {
  describe(`deferred appends on ${target.label}`, () => {
    test('rows wait for the end of the transaction and then are all written, with their values', async () => {
      const database = await target.create();
      try {
        const { db } = database;
        const result = await withDeferredAppends(db, async (tx) => {
          assert.equal(defersAppends(tx), true);
          await appendRows(tx, outboxEvents, [event('evt_1', 'thing.made')]);
          await appendRows(tx, auditLog, [audit('aud_1', 'thing.made')]);
          await appendRows(tx, outboxEvents, [
            event('evt_2', 'thing.changed'),
            event('evt_3', 'thing.changed'),
          ]);
          // Not written yet: the transaction itself does not see them.
          assert.equal((await tx.select().from(outboxEvents)).length, 0);
          return 'done';
        });
        assert.equal(result, 'done');
        const events = await db.select().from(outboxEvents).orderBy(asc(outboxEvents.id));
        assert.deepEqual(
          events.map((e) => [e.id, e.type, e.payload, e.createdAt.toISOString(), e.dispatchedAt, e.attempts]),
          [
            ['evt_1', 'thing.made', { n: 'evt_1' }, '2026-01-02T03:04:05.000Z', null, 0],
            ['evt_2', 'thing.changed', { n: 'evt_2' }, '2026-01-02T03:04:05.000Z', null, 0],
            ['evt_3', 'thing.changed', { n: 'evt_3' }, '2026-01-02T03:04:05.000Z', null, 0],
          ],
        );
        const [entry] = await db.select().from(auditLog).where(eq(auditLog.id, 'aud_1'));
        assert.deepEqual(entry?.after, { tags: ['a', 'b'] });
        assert.equal(entry?.before, null);
        assert.ok(entry?.at instanceof Date);
      } finally {
        await database.close();
      }
    });

    test('a failed transaction writes none; a savepoint writes at once and rolls back with itself', async () => {
      const database = await target.create();
      try {
        const { db } = database;
        await assert.rejects(
          withDeferredAppends(db, async (tx) => {
            await appendRows(tx, outboxEvents, [event('evt_1', 'thing.made')]);
            throw new Error('declined');
          }),
          /declined/,
        );
        await withDeferredAppends(db, async (tx) => {
          await appendRows(tx, outboxEvents, [event('evt_2', 'kept')]);
          await tx
            .transaction(async (savepoint) => {
              assert.equal(defersAppends(savepoint), false);
              await appendRows(savepoint, outboxEvents, [event('evt_3', 'rolled.back')]);
              assert.equal((await savepoint.select().from(outboxEvents)).length, 1, 'written at once');
              throw new Error('roll the savepoint back');
            })
            .catch(() => {});
        });
        const ids = (await db.select({ id: outboxEvents.id }).from(outboxEvents)).map((r) => r.id);
        assert.deepEqual(ids, ['evt_2']);
      } finally {
        await database.close();
      }
    });

    test('outside such a transaction rows are written at once; a JavaScript default is taken then', async () => {
      const database = await target.create();
      try {
        const { db } = database;
        assert.equal(defersAppends(db), false);
        const before = Date.now();
        const { createdAt: _left, ...withoutTime } = event('evt_1', 'thing.made');
        await appendRows(db, outboxEvents, [withoutTime]);
        const [row] = await db.select().from(outboxEvents);
        assert.equal(row?.id, 'evt_1');
        assert.ok(row!.createdAt.getTime() >= before - 1000, 'the default time is now');
      } finally {
        await database.close();
      }
    });
  });
}
