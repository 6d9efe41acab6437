import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';
import { insertJsonRows } from './json-rows-insert.ts';
import { testDatabaseTargets } from './test-database.ts';

const probe = pgTable('json_rows_probe', {
  id: text('id').primaryKey(),
  count: integer('count'),
  amount: bigint('amount', { mode: 'number' }),
  flag: boolean('flag'),
  at: timestamp('at', { withTimezone: true }),
  data: jsonb('data'),
  tags: text('tags').array(),
  note: text('note').default('none'),
});

for (const target of testDatabaseTargets()) {
  describe(`bulk rows as one JSON parameter on ${target.label}`, () => {
    let database: Database;

    before(async () => {
      database = await target.create();
      await database.execute(
        `create table json_rows_probe (id text primary key, count integer, amount bigint, flag boolean,
           at timestamptz, data jsonb, tags text[], note text default 'none')`,
      );
    });
    after(async () => {
      await database.close();
    });

    test('every column type survives the trip; nulls stay null; unsent columns get defaults', async () => {
      const at = new Date('2026-03-29T01:30:00.123Z');
      await insertJsonRows(database.db, probe, [
        {
          id: 'a',
          count: 7,
          amount: 9_007_199_254_740_991,
          flag: true,
          at,
          data: { nested: [1, 'two', null], quote: 'say "hi"' },
          tags: ['plain', 'with "quotes"', 'back\\slash', 'comma, brace {x}', 'ünïcode', ''],
        },
        { id: 'b', count: null, amount: null, flag: false, at: null, data: null, tags: null },
        { id: 'c', count: 0, amount: -5, flag: null, at, data: [], tags: [] },
      ]);
      const rows = await database.execute<Record<string, unknown>>(
        'select id, count, amount::text as amount, flag, at, data, tags, note from json_rows_probe order by id',
      );
      assert.equal(rows.length, 3);
      const [a, b, c] = rows;
      assert.deepEqual(
        { ...a, at: (a!.at as Date).toISOString() },
        {
          id: 'a',
          count: 7,
          amount: '9007199254740991',
          flag: true,
          at: at.toISOString(),
          data: { nested: [1, 'two', null], quote: 'say "hi"' },
          tags: ['plain', 'with "quotes"', 'back\\slash', 'comma, brace {x}', 'ünïcode', ''],
          note: 'none',
        },
      );
      assert.deepEqual(b, {
        id: 'b',
        count: null,
        amount: null,
        flag: false,
        at: null,
        data: null,
        tags: null,
        note: 'none',
      });
      assert.deepEqual([c!.count, c!.amount, c!.flag, c!.data, c!.tags], [0, '-5', null, [], []]);
    });

    test('a row that breaks a constraint fails the whole statement', async () => {
      await assert.rejects(insertJsonRows(database.db, probe, [{ id: 'd' }, { id: 'a' }]), (err: unknown) =>
        /duplicate key|unique/i.test(
          String((err as Error).message ?? err) + String((err as { cause?: Error }).cause?.message),
        ),
      );
      const [row] = await database.execute<{ n: number }>(
        `select count(*)::int as n from json_rows_probe where id = 'd'`,
      );
      assert.equal(row!.n, 0);
    });
  });
}
