import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from './database.ts';
import { SerialClient } from './serial-client.ts';
import { testDatabaseTargets } from './test-database.ts';

// The connection class is PostgreSQL's (PGlite runs in the process and has its own lock).
const postgres = testDatabaseTargets().find((t) => t.kind === 'postgres');

const queuedQueryWarning = /already executing a query/;

describe('statements sent together on one PostgreSQL connection', {
  skip: postgres ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  before(() => process.on('warning', onWarning));
  after(() => process.off('warning', onWarning));

  test('run one after another, in the order sent, each with its own answer', async () => {
    const database = await postgres!.create();
    const client = new SerialClient({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        'create table sent_order (n int primary key, at timestamptz default clock_timestamp())',
      );
      // The first one sleeps: were they not kept in order, the others would overtake it.
      const answers = await Promise.all([
        client.query('select pg_sleep(0.05), $1::int as n', [0]),
        ...[1, 2, 3, 4].map((n) => client.query('insert into sent_order (n) values ($1) returning n', [n])),
        client.query('select count(*)::int as n from sent_order'),
      ]);
      assert.deepEqual(
        answers.map((a) => a.rows[0].n),
        [0, 1, 2, 3, 4, 4],
      );
      const { rows } = await client.query('select n from sent_order order by at');
      assert.deepEqual(
        rows.map((r: { n: number }) => r.n),
        [1, 2, 3, 4],
      );
      // The callback form still goes straight to node-postgres.
      const viaCallback = await new Promise<number>((resolve, reject) =>
        client.query('select 7 as n', (err: Error | null, res: { rows: { n: number }[] }) =>
          err ? reject(err) : resolve(res.rows[0]!.n),
        ),
      );
      assert.equal(viaCallback, 7);
    } finally {
      await client.end();
      await database.close();
    }
    assert.deepEqual(
      warnings.filter((w) => queuedQueryWarning.test(w)),
      [],
    );
  });

  test('a failing statement fails alone outside a transaction, and aborts those behind it inside one', async () => {
    const database = await postgres!.create();
    const client = new SerialClient({ connectionString: database.url });
    await client.connect();
    try {
      const outside = await Promise.allSettled([
        client.query('select 1 as n'),
        client.query('select 1 / $1::int as n', [0]),
        client.query('select 3 as n'),
      ]);
      assert.deepEqual(
        outside.map((o) => o.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      await client.query('begin');
      const inside = await Promise.allSettled([
        client.query('select 1 / $1::int as n', [0]),
        client.query('select 2 as n'),
      ]);
      assert.equal(inside[0].status, 'rejected');
      assert.equal(inside[1].status, 'rejected');
      assert.equal((inside[1] as PromiseRejectedResult).reason.code, '25P02'); // in failed transaction
      await client.query('rollback');
      assert.equal((await client.query('select 4 as n')).rows[0].n, 4);
    } finally {
      await client.end();
      await database.close();
    }
  });

  test('reads started together inside a drizzle transaction, with and without prepared statements', async () => {
    for (const prepare of [undefined, 'false']) {
      const before = process.env.STOREPILOT_DB_PREPARE;
      if (prepare) process.env.STOREPILOT_DB_PREPARE = prepare;
      else delete process.env.STOREPILOT_DB_PREPARE;
      const database = await postgres!.create();
      const single = await openDatabase({ url: database.url!, poolSize: 1 });
      try {
        const sums = await single.db.transaction((tx) =>
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              tx
                .execute(sql`select ${i}::int + 1 as n`)
                .then((r) => Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n)),
            ),
          ),
        );
        assert.deepEqual(
          sums,
          Array.from({ length: 20 }, (_, i) => i + 1),
        );
      } finally {
        await single.close();
        await database.close();
        if (before === undefined) delete process.env.STOREPILOT_DB_PREPARE;
        else process.env.STOREPILOT_DB_PREPARE = before;
      }
    }
    assert.deepEqual(
      warnings.filter((w) => queuedQueryWarning.test(w)),
      [],
    );
  });
});
