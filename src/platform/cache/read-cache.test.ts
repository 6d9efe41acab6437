import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { announceChange, type ChangeFeed, hasPendingChange, ReadCache, startChangeFeed } from './index.ts';

/** A reader that counts how often the cache had to go to the "database". */
function counter(value: () => number) {
  let loads = 0;
  return {
    load: async () => {
      loads++;
      return { value: value() };
    },
    get loads() {
      return loads;
    },
  };
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await sleep(10);
  }
  assert.fail(`timed out waiting for ${what}`);
}

let topicSeq = 0;

for (const target of testDatabaseTargets()) {
  describe(`read cache kept true by change notifications (${target.label})`, () => {
    let database: Database;
    let feed: ChangeFeed;
    let topic: string;

    beforeEach(async () => {
      database = await target.create();
      feed = await startChangeFeed(database);
      topic = `test:${process.pid}:${++topicSeq}`;
    });
    afterEach(async () => {
      await feed.close();
      await database.close();
    });

    const change = (topics: string[]) => database.db.transaction((tx) => announceChange(tx, ...topics));

    test('serves a cached value until its topic changes, then reads again', async () => {
      let current = 1;
      const reader = counter(() => current);
      const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
      assert.equal((await cache.get('k', [topic], reader.load)).value, 1);
      assert.equal((await cache.get('k', [topic], reader.load)).value, 1);
      assert.equal(reader.loads, 1);

      current = 2;
      await change([topic]);
      // Read-your-writes on the announcing instance: right after the commit, never the old value.
      assert.equal((await cache.get('k', [topic], reader.load)).value, 2);
      await until(() => !hasPendingChange([topic]), 'the notification');
      assert.equal((await cache.get('k', [topic], reader.load)).value, 2);
    });

    test('a change to another topic leaves the entry alone', async () => {
      const reader = counter(() => 1);
      const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
      await cache.get('k', [topic], reader.load);
      await change([`${topic}-other`]);
      await sleep(50);
      await cache.get('k', [topic], reader.load);
      assert.equal(reader.loads, 1);
    });

    test('an announced change drops the entry at once (rolled back or not); the cache stands aside while it is in flight', async () => {
      const reader = counter(() => 1);
      const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
      await cache.get('k', [topic], reader.load);
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await announceChange(tx, topic);
          // The entry read before the change is gone already: a transaction that outlives the
          // pending mark must not get it back.
          assert.equal(cache.size, 0);
          // Reads during the transaction go to the database, never to a value it may be replacing.
          await cache.get('k', [topic], reader.load);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal(reader.loads, 2);
      assert.equal(cache.size, 0, 'nothing read inside the transaction was kept');
    });

    test('a read that races a commit is not cached', async () => {
      let current = 1;
      const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slowRead = cache.get('k', [topic], async () => {
        const seen = current;
        await gate;
        return { value: seen };
      });
      current = 2;
      await change([topic]);
      await until(() => !hasPendingChange([topic]), 'the notification');
      release();
      assert.equal((await slowRead).value, 1, 'the racing read returns what it read');
      const reader = counter(() => current);
      assert.equal((await cache.get('k', [topic], reader.load)).value, 2, 'but it was not kept');
      assert.equal(reader.loads, 1);
    });

    test('nothing found is never cached', async () => {
      const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
      let loads = 0;
      const missing = async () => {
        loads++;
        return undefined;
      };
      assert.equal(await cache.get('k', [topic], missing), undefined);
      assert.equal(await cache.get('k', [topic], missing), undefined);
      assert.equal(loads, 2);
    });

    test('another instance hears the change', async () => {
      const otherFeed = await startChangeFeed(database);
      try {
        let current = 1;
        const reader = counter(() => current);
        const otherCache = new ReadCache<{ value: number }>(otherFeed, { max: 10, ttlMs: 60_000 });
        await otherCache.get('k', [topic], reader.load);
        current = 2;
        await change([topic]);
        await until(() => otherCache.size === 0, 'the other instance to drop its entry');
        assert.equal((await otherCache.get('k', [topic], reader.load)).value, 2);
      } finally {
        await otherFeed.close();
      }
    });

    if (target.kind === 'postgres') {
      test('a lost listener empties the cache, bypasses it while deaf, and recovers', async () => {
        const reader = counter(() => 1);
        const cache = new ReadCache<{ value: number }>(feed, { max: 10, ttlMs: 60_000 });
        await cache.get('k', [topic], reader.load);
        await database.execute(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
        );
        await until(() => !feed.healthy || cache.size === 0, 'the listener loss');
        assert.equal(cache.size, 0);
        await until(() => feed.healthy, 'the listener to reconnect');
        await cache.get('k', [topic], reader.load);
        await cache.get('k', [topic], reader.load);
        assert.equal(reader.loads, 2, 'one read after the loss, then cached again');
      });
    }
  });
}
