import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { growthAnalyzer, refreshPlannerStatistics } from './statistics-upkeep.ts';
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

    test('a bulk writer analyses as the table grows: first after a threshold, then each doubling', async () => {
      await database.execute(
        'create table growth_probe (id int primary key) with (autovacuum_enabled = false)',
      );
      const growthProbe = pgTable('growth_probe', { id: integer('id').primaryKey() });
      const size = async () =>
        Number(
          (
            await database.execute<{ n: number }>(
              `select reltuples::int as n from pg_class where relname = 'growth_probe'`,
            )
          )[0]?.n,
        );
      const analyser = growthAnalyzer(database.db, [growthProbe], { firstAfter: 100 });
      const write = async (from: number, to: number) => {
        await database.execute(`insert into growth_probe select generate_series(${from}, ${to})`);
        await analyser.wrote(to - from + 1);
      };
      await write(1, 60);
      assert.ok((await size()) <= 0, 'not yet analysed');
      await write(61, 120);
      assert.equal(await size(), 120, 'analysed once past the threshold');
      await write(121, 200);
      assert.equal(await size(), 120, 'not again until the rows written double');
      await write(201, 240);
      assert.equal(await size(), 240);
    });
  });
}
