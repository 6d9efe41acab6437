// The process's configuration cache: it serves nothing without a change feed, caches once one is
// attached, drops an entry when its topic is announced (and bypasses it while the announcing
// transaction is open), and steps aside again when the feed is detached.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import {
  announceChange,
  attachConfigCache,
  type ChangeFeed,
  cachedConfig,
  cachedConfigMany,
  configCacheStats,
  hasPendingChange,
  startChangeFeed,
} from './index.ts';

let seq = 0;

for (const target of testDatabaseTargets()) {
  describe(`configuration cache (${target.label})`, () => {
    let database: Database;
    let feed: ChangeFeed;
    let topic: string;
    let key: string;
    let loads: number;
    let current: number;
    const read = () =>
      cachedConfig(key, [topic], async () => {
        loads++;
        return { value: current };
      });

    beforeEach(async () => {
      database = await target.create();
      feed = await startChangeFeed(database);
      seq++;
      topic = `config-test:${process.pid}:${seq}`;
      key = `store_${process.pid}_${seq}:setting`;
      loads = 0;
      current = 1;
    });
    afterEach(async () => {
      await feed.close();
      await database.close();
    });

    test('without a feed attached every read goes to the database', async () => {
      await read();
      await read();
      assert.equal(loads, 2);
    });

    test('with a feed: read once, dropped when its topic is announced, bypassed inside the change', async () => {
      const detach = attachConfigCache(feed);
      try {
        assert.equal((await read()).value, 1);
        assert.equal((await read()).value, 1);
        assert.equal(loads, 1, 'the second read is served from the cache');

        await database.db.transaction(async (tx) => {
          current = 2;
          await announceChange(tx, topic);
          // The writer reads its own change before it commits: the cache stands aside.
          assert.equal((await read()).value, 2);
        });
        assert.equal((await read()).value, 2, 'right after the commit, never the old value');
        for (let i = 0; i < 200 && hasPendingChange([topic]); i++) await sleep(10);
        assert.equal(hasPendingChange([topic]), false, 'the notification came back');
        await read();
        const settled = loads;
        await read();
        await read();
        assert.equal(loads, settled, 'once the notification is back, reads are cached again');
      } finally {
        detach();
      }
      const detached = loads;
      await read();
      await read();
      assert.equal(loads, detached + 2, 'detached: reads go to the database again');
    });

    test('an entry read before a change is dropped when the change is announced, not only at its commit', async () => {
      const detach = attachConfigCache(feed);
      try {
        await read();
        const cached = configCacheStats().size;
        await database.db.transaction(async (tx) => {
          await announceChange(tx, topic);
          // A long transaction outlives the pending mark (10 s); the old entry must be gone already.
          assert.equal(configCacheStats().size, cached - 1);
        });
      } finally {
        detach();
      }
    });

    test('many items: the cached ones served, only the missing loaded, unknown ones never kept; a change drops them all', async () => {
      const loaded: string[][] = [];
      const known = new Map([
        ['a', { n: 1 }],
        ['b', { n: 2 }],
        ['c', { n: 3 }],
      ]);
      const readMany = (items: string[]) =>
        cachedConfigMany(
          items,
          (item) => `${key}:${item}`,
          [topic],
          async (missing) => {
            loaded.push(missing);
            return new Map(missing.flatMap((item) => (known.has(item) ? [[item, known.get(item)!]] : [])));
          },
        );
      const detach = attachConfigCache(feed);
      try {
        const first = await readMany(['a', 'b']);
        assert.deepEqual(
          [...first].map(([item, v]) => [item, v.n]),
          [
            ['a', 1],
            ['b', 2],
          ],
        );
        const second = await readMany(['b', 'c', 'zz']);
        assert.deepEqual([...second.keys()].sort(), ['b', 'c'], 'an unknown item has no entry');
        assert.equal(second.get('b')!.n, 2);
        assert.deepEqual(
          loaded,
          [
            ['a', 'b'],
            ['c', 'zz'],
          ],
          'only what was not cached is loaded',
        );
        await readMany(['a', 'b', 'c', 'zz']);
        assert.deepEqual(loaded.at(-1), ['zz'], 'nothing is kept for an unknown item');

        known.set('a', { n: 10 });
        await database.db.transaction(async (tx) => {
          await announceChange(tx, topic);
          const inside = await readMany(['a']);
          assert.equal(inside.get('a')!.n, 10, 'the writer reads its own change');
        });
        for (let i = 0; i < 200 && hasPendingChange([topic]); i++) await sleep(10);
        const after = await readMany(['a', 'b']);
        assert.equal(after.get('a')!.n, 10);
        assert.deepEqual(loaded.at(-1), ['a', 'b'], 'the change dropped every item under the topic');
      } finally {
        detach();
      }
      loaded.length = 0;
      await readMany(['a']);
      await readMany(['a']);
      assert.equal(loaded.length, 2, 'detached: every read goes to the database');
    });

    test('a change rolled back leaves the cached value standing once it is no longer pending', async () => {
      const detach = attachConfigCache(feed);
      try {
        await read();
        await assert.rejects(
          database.db.transaction(async (tx) => {
            await announceChange(tx, topic);
            throw new Error('rolled back');
          }),
          /rolled back/,
        );
        assert.equal((await read()).value, 1);
      } finally {
        detach();
      }
    });
  });
}
