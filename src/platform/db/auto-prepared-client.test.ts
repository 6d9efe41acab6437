import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { AutoPreparedClient } from './auto-prepared-client.ts';
import { openDatabase } from './database.ts';
import { testDatabaseTargets } from './test-database.ts';

// The connection class is PostgreSQL's (PGlite runs in the process and has no such driver).
const postgres = testDatabaseTargets().find((t) => t.kind === 'postgres');

/** The statements prepared on the connection `client` holds, from PostgreSQL's own view. */
async function preparedOn(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>(
    'select statement from pg_prepared_statements order by prepare_time',
  );
  return rows.map((r) => r.statement);
}

/** A connection of `Client` to a fresh test database, for `fn`. */
async function withClient(fn: (client: pg.Client) => Promise<void>, Client = AutoPreparedClient) {
  const database = await postgres!.create();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
    await database.close();
  }
}

describe('auto-prepared statements on PostgreSQL', {
  skip: postgres ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  test('a statement with parameters is prepared once per connection; one without is sent as it is', async () => {
    await withClient(async (client) => {
      for (const n of [1, 2, 3]) {
        const { rows } = await client.query('select $1::int * 2 as doubled', [n]);
        assert.equal(rows[0].doubled, n * 2);
      }
      // drizzle's form: a config object, shared between calls, and the values beside it.
      const config = { text: 'select $1::text as word', rowMode: 'array' as const };
      assert.deepEqual((await client.query(config, ['one'])).rows, [['one']]);
      assert.deepEqual((await client.query(config, ['two'])).rows, [['two']]);
      assert.equal((config as { name?: string }).name, undefined, 'the caller’s config is left alone');
      // Without parameters, several statements in one call still work (a prepared one could not).
      await client.query('create temporary table t (id int primary key); insert into t values (1)');
      assert.deepEqual(await preparedOn(client), [
        'select $1::int * 2 as doubled',
        'select $1::text as word',
      ]);
    });
  });

  test('errors leave the connection usable: a failed statement, a rolled-back transaction', async () => {
    await withClient(async (client) => {
      await client.query('create temporary table t (id int primary key)');
      const insert = 'insert into t (id) values ($1)';
      await client.query(insert, [1]);
      await assert.rejects(client.query(insert, [1]), { code: '23505' });
      await client.query('begin');
      await client.query(insert, [2]);
      await client.query('select $1::int / 0', [1]).catch(() => {});
      await client.query('rollback');
      await client.query(insert, [3]);
      const { rows } = await client.query('select id from t where id > $1 order by id', [0]);
      assert.deepEqual(
        rows.map((r) => r.id),
        [1, 3],
      );
      // A statement PostgreSQL cannot parse is not kept as prepared: fixed, the same call works.
      await assert.rejects(client.query('select $1::int from no_such_table', [1]), { code: '42P01' });
      await client.query('create temporary table no_such_table (id int)');
      assert.deepEqual((await client.query('select $1::int from no_such_table', [1])).rows, []);
    });
  });

  test('a statement whose columns changed fails once, then runs unnamed on that connection', async () => {
    await withClient(async (client) => {
      await client.query('create temporary table t (id int)');
      await client.query('insert into t values (1)');
      const everything = 'select * from t where id = $1';
      assert.deepEqual((await client.query(everything, [1])).rows, [{ id: 1 }]);
      await client.query('alter table t add column note text');
      await assert.rejects(client.query(everything, [1]), { code: '0A000' });
      assert.deepEqual((await client.query(everything, [1])).rows, [{ id: 1, note: null }]);
    });
  });

  test('a connection prepares at most its limit; further statements go unnamed', async () => {
    class SmallLimit extends AutoPreparedClient {
      static override namedPerConnection = 3;
    }
    await withClient(async (client) => {
      for (let n = 1; n <= 6; n += 1) {
        const list = Array.from({ length: n }, (_, i) => `$${i + 1}::int`).join(', ');
        const values = Array.from({ length: n }, (_, i) => i);
        const { rows } = await client.query(`select count(*)::int as c from unnest(array[${list}])`, values);
        assert.equal(rows[0].c, n);
      }
      assert.equal((await preparedOn(client)).length, 3);
    }, SmallLimit);
  });

  test('a PostgreSQL database prepares through its pool, unless STOREPILOT_DB_PREPARE=false', async () => {
    const database = await postgres!.create();
    const preparedThrough = async () => {
      // One connection, so the statement and the view are read on the same one.
      const single = await openDatabase({ url: database.url!, poolSize: 1 });
      try {
        await single.db.select({ n: sql<number>`${7}::int` }).from(sql`(select 1) as one`);
        return (
          await single.execute<{ statement: string }>('select statement from pg_prepared_statements')
        ).map((r) => r.statement);
      } finally {
        await single.close();
      }
    };
    try {
      assert.deepEqual(await preparedThrough(), ['select $1::int from (select 1) as one']);
      process.env.STOREPILOT_DB_PREPARE = 'false';
      assert.deepEqual(await preparedThrough(), []);
    } finally {
      delete process.env.STOREPILOT_DB_PREPARE;
      await database.close();
    }
  });
});
