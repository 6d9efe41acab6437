import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { convertToBase } from '../../markets/index.ts';
import { customerFactsQuery } from '../customer-facts.ts';
import { insertOrderRows, type OrderRowFixture } from '../testing/order-rows.ts';
import { type CustomerFactsInMemory, matchesInMemory } from '../testing/segment-in-memory.ts';
import { type SegmentCondition, segmentCondition } from './segment-conditions.ts';
import { segmentPredicate } from './segment-predicate.ts';

const asOf = new Date('2026-06-01T12:00:00Z');
const DAY_MS = 86_400_000;
const groupNames = ['g1', 'g2'] as const;

/**
 * A day of the six weeks before `asOf`, as an instant at some hour or as YYYY-MM-DD: few enough
 * days that orders often fall on a rule's own day, where an off-by-one-day would show.
 */
const firstDay = Date.UTC(2026, 3, 20);
const dayOffset = fc.integer({ min: 0, max: 42 });
const dayText = dayOffset.map((d) => new Date(firstDay + d * DAY_MS).toISOString().slice(0, 10));
const instant = fc
  .tuple(dayOffset, fc.constantFrom(0, 1, 3_600_000, 43_200_000, DAY_MS - 1))
  .map(([d, ms]) => new Date(firstDay + d * DAY_MS + ms));

const orderArb = fc.record({
  total: fc.integer({ min: 0, max: 20_000 }),
  refundedShare: fc.integer({ min: 0, max: 100 }),
  currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  placedAt: fc.option(instant, { freq: 8 }),
  status: fc.constantFrom('open', 'open', 'completed', 'cancelled', 'draft'),
  financialStatus: fc.constantFrom('paid', 'paid', 'partially_refunded', 'voided', 'failed'),
});

const customerArb = fc.record({
  state: fc.constantFrom('guest', 'invited', 'enabled', 'disabled'),
  acceptsMarketing: fc.boolean(),
  tags: fc.uniqueArray(fc.constantFrom('vip', 'VIP', 'wholesale', 'Sale'), { maxLength: 3 }),
  country: fc.option(fc.constantFrom('DE', 'FR', 'US'), { freq: 3 }),
  groups: fc.subarray([...groupNames]),
  orders: fc.array(orderArb, { maxLength: 4 }),
  rfmSegment: fc.option(fc.constantFrom('champions', 'at_risk', 'lost'), { freq: 2 }),
});

const amountOp = fc.constantFrom('lt', 'lte', 'gt', 'gte', 'equals', 'not_equals');
const dateRule = (field: 'last_order_at' | 'first_order_at') =>
  fc.oneof(
    fc.record({ field: fc.constant(field), operator: fc.constantFrom('before', 'after'), value: dayText }),
    fc.record({
      field: fc.constant(field),
      operator: fc.constantFrom('more_than_days_ago', 'within_days'),
      value: fc.integer({ min: 0, max: 45 }),
    }),
  );
const ruleArb = (groupIds: Record<string, string>) =>
  fc.oneof(
    fc.record({
      field: fc.constant('total_spent'),
      operator: amountOp,
      value: fc.constantFrom(0, 1000, 5000, 12_345, 30_000),
    }),
    fc.record({
      field: fc.constant('order_count'),
      operator: amountOp,
      value: fc.integer({ min: 0, max: 4 }),
    }),
    dateRule('last_order_at'),
    dateRule('first_order_at'),
    fc.record({
      field: fc.constant('tag'),
      operator: fc.constantFrom('equals', 'not_equals'),
      value: fc.constantFrom('vip', 'Wholesale', 'sale', 'none'),
    }),
    fc.record({
      field: fc.constant('country'),
      operator: fc.constantFrom('equals', 'not_equals'),
      value: fc.constantFrom('DE', 'fr', 'US', 'JP'),
    }),
    fc.record({
      field: fc.constant('group'),
      operator: fc.constantFrom('in', 'not_in'),
      value: fc.constantFrom(...groupNames).map((g) => groupIds[g]!),
    }),
    fc.record({
      field: fc.constant('accepts_marketing'),
      operator: fc.constant('equals'),
      value: fc.boolean(),
    }),
    fc.record({
      field: fc.constant('rfm_segment'),
      operator: fc.constantFrom('in', 'not_in'),
      value: fc.constantFrom('champions', 'at_risk', 'hibernating'),
    }),
    fc.record({
      field: fc.constant('state'),
      operator: fc.constantFrom('equals', 'not_equals'),
      value: fc.constantFrom('guest', 'enabled', 'disabled'),
    }),
  );

type GeneratedCustomer = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * The store's EUR → USD rates, a new one every other day: a USD order counts in the amount spent
 * at the rate of its day in the store's time zone (the latest on or before it), so an order just
 * after midnight UTC, still the day before in New York, takes another rate. Orders before the
 * first rate take the latest one.
 */
const usdRates = Array.from({ length: 22 }, (_, i) => ({
  effectiveOn: new Date(firstDay + 2 * i * DAY_MS).toISOString().slice(0, 10),
  rate: (1.0856 + i * 0.0137).toFixed(4),
}));

function inEuro(amount: number, currency: string, placedAt: Date, timezone: string): number {
  if (currency === 'EUR') return amount;
  const day = DateTime.fromJSDate(placedAt, { zone: timezone }).toISODate()!;
  const rate = (usdRates.findLast((r) => r.effectiveOn <= day) ?? usdRates.at(-1)!).rate;
  return convertToBase(amount, currency, 'EUR', rate);
}

/** The figures the orders module is meant to compute, from the same rows, by hand. */
function inMemoryFigures(orders: GeneratedCustomer['orders'], timezone: string) {
  const counted = orders.filter(
    (o) =>
      o.placedAt &&
      !['draft', 'cancelled'].includes(o.status) &&
      !['voided', 'failed'].includes(o.financialStatus),
  );
  const times = counted.map((o) => o.placedAt!.getTime());
  return {
    totalSpent: counted.reduce(
      (sum, o) =>
        sum +
        inEuro(o.total - Math.floor((o.total * o.refundedShare) / 100), o.currency, o.placedAt!, timezone),
      0,
    ),
    orderCount: counted.length,
    firstOrderAt: times.length ? new Date(Math.min(...times)) : null,
    lastOrderAt: times.length ? new Date(Math.max(...times)) : null,
  };
}

/** Segment membership by SQL equals the same rules evaluated in memory, over random customers and rules. */
for (const target of testDatabaseTargets()) {
  describe(`segment rules on ${target.label}`, () => {
    let database: Database;
    let storeCounter = 0;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    async function seed(generated: GeneratedCustomer[]) {
      // A store west of UTC, so an order just after midnight UTC takes the previous day's rate.
      const store = {
        ...(await makeStore(database, `seg-${++storeCounter}`, 'EUR')),
        timezone: 'America/New_York',
      };
      for (const r of usdRates) {
        await database.execute(
          `insert into exchange_rates (id, store_id, base_currency, quote_currency, rate, effective_on)
           values ($1, $2, 'EUR', 'USD', $3, $4)`,
          [`fx_${store.id}_${r.effectiveOn}`, store.id, r.rate, r.effectiveOn],
        );
      }
      const groupIds: Record<string, string> = {};
      for (const name of groupNames) {
        groupIds[name] = `cgrp_${store.id}_${name}`;
        await database.execute(`insert into customer_groups (id, store_id, name) values ($1, $2, $3)`, [
          groupIds[name],
          store.id,
          name,
        ]);
      }
      const inMemory: CustomerFactsInMemory[] = [];
      const orderRows: OrderRowFixture[] = [];
      for (const [i, c] of generated.entries()) {
        const id = `cus_${store.id}_${i}`;
        await database.execute(
          `insert into customers (id, store_id, email, state, password_hash, accepts_marketing, tags)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            store.id,
            `c${i}@example.test`,
            c.state,
            c.state === 'enabled' ? 'x' : null,
            c.acceptsMarketing,
            c.tags,
          ],
        );
        if (c.country) {
          await database.execute(
            `insert into customer_addresses (id, customer_id, store_id, first_name, last_name, line1, city, country, is_default)
             values ($1, $2, $3, 'A', 'B', 'Street 1', 'Town', $4, true)`,
            [`caddr_${id}`, id, store.id, c.country],
          );
        }
        for (const g of c.groups) {
          await database.execute(
            `insert into customer_group_members (group_id, customer_id, store_id) values ($1, $2, $3)`,
            [groupIds[g], id, store.id],
          );
        }
        for (const o of c.orders) {
          orderRows.push({
            customerId: id,
            total: o.total,
            refunded: Math.floor((o.total * o.refundedShare) / 100),
            currency: o.currency,
            placedAt: o.placedAt,
            status: o.status as OrderRowFixture['status'],
            financialStatus: o.financialStatus as OrderRowFixture['financialStatus'],
          });
        }
        inMemory.push({
          id,
          state: c.state,
          acceptsMarketing: c.acceptsMarketing,
          tags: c.tags,
          country: c.country,
          groupIds: c.groups.map((g) => groupIds[g]!),
          ...inMemoryFigures(c.orders, store.timezone),
          rfmSegment: c.rfmSegment,
        });
      }
      await insertOrderRows(database, store.id, orderRows);
      return { store, storeId: store.id, groupIds, inMemory };
    }

    test('SQL membership equals in-memory evaluation, for all and any', async () => {
      // The group rules need the ids, which exist only once a store is seeded: draw the
      // population, seed it, then draw rule sets for it.
      await fc.assert(
        fc.asyncProperty(
          fc.array(customerArb, { minLength: 1, maxLength: 12 }),
          fc.integer(),
          async (generated, sampleSeed) => {
            const { store, storeId, groupIds, inMemory } = await seed(generated);
            const ruleSets = fc.sample(
              fc.record({
                match: fc.constantFrom('all', 'any'),
                rules: fc.array(ruleArb(groupIds), { minLength: 1, maxLength: 3 }),
              }),
              { numRuns: 8, seed: sampleSeed },
            );
            const facts = customerFactsQuery(database.db, store);
            // The RFM segments' members as the analytics would hand them over (rfm-membership.ts).
            const rfmMembers = new Map<string, string[]>();
            for (const c of inMemory)
              if (c.rfmSegment) rfmMembers.set(c.rfmSegment, [...(rfmMembers.get(c.rfmSegment) ?? []), c.id]);
            for (const { match, rules: raw } of ruleSets) {
              const rules = raw.map((r) => segmentCondition.parse(r)) as SegmentCondition[];
              const rows = await facts.select(
                segmentPredicate(storeId, match, rules, facts.columns, asOf, { rfmMembers }),
              );
              const bySql = rows.map((r) => r.customer.id).sort();
              const byMemory = inMemory
                .filter((c) => matchesInMemory(c, match, rules, asOf))
                .map((c) => c.id)
                .sort();
              assert.deepEqual(bySql, byMemory, JSON.stringify({ match, rules }));
            }
          },
        ),
        { numRuns: 20 },
      );
    });

    test('the figures joined for the list equal the orders added up by hand', async () => {
      const generated = fc.sample(fc.array(customerArb, { minLength: 5, maxLength: 10 }), {
        numRuns: 1,
        seed: 7,
      })[0]!;
      const { store, inMemory } = await seed(generated);
      const facts = customerFactsQuery(database.db, store);
      const rows = await facts.select(undefined);
      for (const expected of inMemory) {
        const row = rows.find((r) => r.customer.id === expected.id)!;
        assert.equal(row.totalSpent, expected.totalSpent);
        assert.equal(row.orderCount, expected.orderCount);
        assert.equal(row.firstOrderAt?.getTime() ?? null, expected.firstOrderAt?.getTime() ?? null);
        assert.equal(row.lastOrderAt?.getTime() ?? null, expected.lastOrderAt?.getTime() ?? null);
        assert.equal(row.country, expected.country);
      }
      assert.ok(
        inMemory.some((c) => c.orderCount > 0),
        'the sample has customers with orders',
      );
    });
  });
}
