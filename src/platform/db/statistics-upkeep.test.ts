import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from './database.ts';
import { refreshPlannerStatistics } from './statistics-upkeep.ts';
import { testDatabaseTargets } from './test-database.ts';

for (const target of testDatabaseTargets()) {
  describe(`planner statistics upkeep on ${target.label}`, () => {
    let database: Database;

    before(async () => {
      database = await target.create();
      // Autovacuum (PostgreSQL) must not analyse it behind the test's back.
      await database.execute(
        'create table upkeep_probe (id int primary key, note text) with (autovacuum_enabled = false)',
      );
    });
    after(async () => {
      await database.close();
    });

    const analysed = async () =>
      Number(
        (
          await database.execute<{ n: number }>(
            `select reltuples::int as n from pg_class where relname = 'upkeep_probe'`,
          )
        )[0]?.n,
      );

    test('analyses a table that grew since its last analysis, and leaves it alone otherwise', async () => {
      await database.execute(
        `insert into upkeep_probe select i, repeat('x', 200) from generate_series(1, 2000) i`,
      );
      assert.ok((await refreshPlannerStatistics(database)).includes('upkeep_probe'));
      assert.equal(await analysed(), 2000, 'the planner now knows its size');
      assert.ok(!(await refreshPlannerStatistics(database)).includes('upkeep_probe'), 'nothing changed');
      await database.execute(
        `insert into upkeep_probe select i, repeat('x', 200) from generate_series(2001, 4000) i`,
      );
      assert.ok((await refreshPlannerStatistics(database)).includes('upkeep_probe'));
      assert.equal(await analysed(), 4000);
    });
  });
}
