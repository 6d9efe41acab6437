import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { amountInBaseSql } from './amount-in-base-sql.ts';
import { convertToBase } from './convert-price.ts';
import { recordExchangeRate } from './exchange-rates.ts';

const actor = systemActor('amount in base test');

/** Amounts to convert, as an order table would hold them (made by the test only). */
const probes = pgTable('amount_in_base_probes', {
  id: text('id').primaryKey(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

for (const target of testDatabaseTargets()) {
  describe(`amounts in the base currency, in SQL, on ${target.label}`, () => {
    let database: Database;
    let store: Store;

    before(async () => {
      database = await target.create();
      await database.execute(
        `create table amount_in_base_probes (id text primary key, amount bigint not null,
           currency text not null, at timestamptz not null)`,
      );
      // New York: an instant early on a UTC day is still the day before in the store.
      store = await createStore(database.db, actor, {
        handle: 'amount-in-base',
        name: 'Amounts',
        baseCurrency: 'EUR',
        timezone: 'America/New_York',
      });
      for (const [quoteCurrency, rate, effectiveOn] of [
        ['USD', '1.1', '2026-05-01'],
        ['USD', '1.2', '2026-05-10'],
        ['JPY', '160', '2026-05-01'],
        ['KWD', '0.333', '2026-05-01'],
      ] as const) {
        await recordExchangeRate(database.db, store, actor, { quoteCurrency, rate, effectiveOn });
      }
    });
    after(() => database.close());

    async function convert(rows: { amount: number; currency: string; at: string }[]): Promise<number[]> {
      await database.execute('delete from amount_in_base_probes');
      await database.db
        .insert(probes)
        .values(rows.map((r, i) => ({ id: String(i).padStart(6, '0'), ...r, at: new Date(r.at) })));
      const converted = await database.db
        .select({ value: amountInBaseSql(store, probes.amount, probes.currency, probes.at).mapWith(Number) })
        .from(probes)
        .orderBy(probes.id);
      return converted.map((r) => r.value);
    }

    test('each amount at the rate of its store day, rounded half away from zero', async () => {
      const cases: [amount: number, currency: string, at: string, euroCents: number, why: string][] = [
        [1234, 'EUR', '2026-05-05T12:00:00Z', 1234, 'the base currency as it is'],
        [1100, 'USD', '2026-05-05T12:00:00Z', 1000, '11.00 USD at 1.1'],
        [1200, 'USD', '2026-05-10T12:00:00Z', 1000, '12.00 USD at 1.2, from the 10th'],
        [1200, 'USD', '2026-05-10T02:00:00Z', 1091, 'still the 9th in New York: 1.1'],
        [1100, 'USD', '2026-04-01T12:00:00Z', 917, 'before any rate: the latest (1.2)'],
        [16000, 'JPY', '2026-05-05T12:00:00Z', 10000, '¥16,000 at 160 (no minor unit)'],
        [333, 'KWD', '2026-05-05T12:00:00Z', 100, '0.333 KWD at 0.333 (three digits)'],
        [500, 'GBP', '2026-05-05T12:00:00Z', 500, 'no rate at all: face value'],
        [3, 'USD', '2026-05-10T12:00:00Z', 3, '0.025 EUR rounds up'],
        [-3, 'USD', '2026-05-10T12:00:00Z', -3, 'and a negative one down (away from zero)'],
        [-1100, 'USD', '2026-05-05T12:00:00Z', -1000, 'a refund keeps its sign'],
        [0, 'USD', '2026-05-05T12:00:00Z', 0, 'nothing is nothing'],
      ];
      const converted = await convert(cases.map(([amount, currency, at]) => ({ amount, currency, at })));
      cases.forEach(([, , , expected, why], i) => {
        assert.equal(converted[i], expected, why);
      });
    });

    test('equals convertToBase for any amount', async () => {
      const amounts = fc.sample(fc.integer({ min: -1e12, max: 1e12 }), { numRuns: 300, seed: 11 });
      const rows = amounts.flatMap((amount) => [
        { amount, currency: 'USD', at: '2026-05-05T12:00:00Z' },
        { amount, currency: 'JPY', at: '2026-05-05T12:00:00Z' },
        { amount, currency: 'KWD', at: '2026-05-05T12:00:00Z' },
      ]);
      const converted = await convert(rows);
      const expected = amounts.flatMap((amount) => [
        convertToBase(amount, 'USD', 'EUR', '1.1'),
        convertToBase(amount, 'JPY', 'EUR', '160'),
        convertToBase(amount, 'KWD', 'EUR', '0.333'),
      ]);
      assert.deepEqual(converted, expected);
    });
  });
}
