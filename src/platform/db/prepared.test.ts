import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { stores } from '../../modules/access/schema.ts';
import type { Db } from './database.ts';
import { prepared } from './prepared.ts';
import { testDatabaseTargets } from './test-database.ts';

let builds = 0;
const storeNameById = (db: Db, name: string) => {
  builds++;
  return db
    .select({ name: stores.name })
    .from(stores)
    .where(eq(stores.id, sql.placeholder('id')))
    .prepare(name);
};
const nameOf = async (db: Db, id: string) =>
  (await prepared(db, 'test_store_name_by_id', storeNameById).execute({ id }))[0]?.name;

const insertStore = (db: Db, id: string, name: string) =>
  db.insert(stores).values({ id, handle: id.replace('_', '-'), name, baseCurrency: 'EUR' });

for (const target of testDatabaseTargets()) {
  describe(`prepared statements on ${target.label}`, () => {
    test('built once, run on the database, inside a transaction (its own writes) and on another database', async () => {
      const first = await target.create();
      const second = await target.create();
      try {
        const before = builds;
        await insertStore(first.db, 'store_a', 'First A');
        assert.equal(await nameOf(first.db, 'store_a'), 'First A');
        await first.db.transaction(async (tx) => {
          await insertStore(tx, 'store_b', 'Uncommitted B');
          // Runs on the transaction's connection: it sees the transaction's own write.
          assert.equal(await nameOf(tx, 'store_b'), 'Uncommitted B');
          await tx.transaction(async (savepoint) => {
            assert.equal(await nameOf(savepoint, 'store_b'), 'Uncommitted B');
          });
        });
        await assert.rejects(
          first.db.transaction(async (tx) => {
            await insertStore(tx, 'store_c', 'Rolled back C');
            assert.equal(await nameOf(tx, 'store_c'), 'Rolled back C');
            throw new Error('roll back');
          }),
          /roll back/,
        );
        assert.equal(await nameOf(first.db, 'store_c'), undefined);
        // Another database of the same kind: the same statement, its own rows.
        await insertStore(second.db, 'store_a', 'Second A');
        assert.equal(await nameOf(second.db, 'store_a'), 'Second A');
        assert.equal(await nameOf(first.db, 'store_a'), 'First A');
        assert.ok(builds - before <= 1, `built ${builds - before} times`);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
}
