import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { systemActor } from '../../access/index.ts';
import type { DiscountDefinitionInput } from '../discount-input.ts';
import { createDiscount } from '../discounts.ts';
import { evaluateDiscounts } from '../evaluate.ts';
import { type ReserveUsageInput, reserveDiscountUsage } from './reserve-usage.ts';
import { commitDiscountUsage, discountUsesOf, releaseDiscountUsage } from './settle-usage.ts';

const actor = systemActor('test');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ok';
}

for (const target of testDatabaseTargets()) {
  describe(`discount usage on ${target.label}`, () => {
    let database: Database;
    let storeId: string;
    let counter = 0;

    before(async () => {
      database = await target.create();
      storeId = (await makeStore(database, 'usage')).id;
    });
    after(async () => {
      await database.close();
    });

    const discount = (input: Partial<DiscountDefinitionInput> = {}) =>
      database.db.transaction((tx) =>
        createDiscount(tx, storeId, actor, {
          title: `Discount ${++counter}`,
          kind: 'code',
          codes: [`CODE${counter}`],
          type: 'percentage',
          percentBp: 1000,
          ...input,
        }),
      );
    const reserve = (input: ReserveUsageInput) =>
      database.db.transaction((tx) => reserveDiscountUsage(tx, storeId, input));
    const counts = async (discountId: string) => {
      const [row] = await database.execute<{ used: number }>('select used from discounts where id = $1', [
        discountId,
      ]);
      const customers = await database.execute<{ customer_key: string; used: number }>(
        'select customer_key, used from discount_customer_usages where discount_id = $1 order by customer_key',
        [discountId],
      );
      const states = await database.execute<{ state: string; n: string | number }>(
        'select state, count(*) as n from discount_usages where discount_id = $1 group by state order by state',
        [discountId],
      );
      return {
        used: Number(row?.used),
        customers: Object.fromEntries(customers.map((c) => [c.customer_key, Number(c.used)])),
        ledger: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
      };
    };

    test('a code limited to 100 uses, 150 concurrent orders: exactly 100 reserve it, 50 get 409', async () => {
      const d = await discount({ usageLimit: 100 });
      const code = d.codes[0]!;
      const outcomes = await Promise.all(
        Array.from({ length: 150 }, (_, i) =>
          codeOf(
            reserve({
              discounts: [{ discountId: d.id, code: code.toLowerCase() }],
              customerKey: `buyer-${i}@example.test`,
              orderRef: `order-${d.id}-${i}`,
            }),
          ),
        ),
      );
      const tally: Record<string, number> = {};
      for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
      assert.deepEqual(tally, { ok: 100, discount_usage_limit_reached: 50 });
      const after = await counts(d.id);
      assert.equal(after.used, 100);
      assert.deepEqual(after.ledger, { reserved: 100 });
      assert.equal(Object.keys(after.customers).length, 100, 'refused orders leave no customer count behind');
    });

    test('once per customer, 10 concurrent orders from one customer: exactly one; other customers still can', async () => {
      const d = await discount({ perCustomerLimit: 1 });
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          codeOf(
            reserve({
              discounts: [{ discountId: d.id, code: d.codes[0] }],
              customerKey: ' Ada@Example.TEST ',
              orderRef: `ada-${i}`,
            }),
          ),
        ),
      );
      assert.deepEqual(outcomes.filter((o) => o === 'ok').length, 1);
      assert.deepEqual(
        outcomes.filter((o) => o !== 'ok'),
        Array(9).fill('discount_customer_limit_reached'),
      );
      assert.equal(
        await codeOf(
          reserve({
            discounts: [{ discountId: d.id, code: d.codes[0] }],
            customerKey: 'bob@example.test',
            orderRef: 'bob-1',
          }),
        ),
        'ok',
      );
      const after = await counts(d.id);
      assert.deepEqual(after, {
        used: 2,
        customers: { 'ada@example.test': 1, 'bob@example.test': 1 },
        ledger: { reserved: 2 },
      });
    });

    test('all or nothing: when the second discount is used up, the first is not taken either', async () => {
      const open = await discount({
        kind: 'automatic',
        codes: [],
        combinesWith: { order: true, product: true, shipping: true },
      });
      const usedUp = await discount({ usageLimit: 1 });
      assert.equal(
        await codeOf(
          reserve({ discounts: [{ discountId: usedUp.id, code: usedUp.codes[0] }], orderRef: 'first' }),
        ),
        'ok',
      );
      const outcome = await codeOf(
        reserve({
          discounts: [
            { discountId: open.id, code: null },
            { discountId: usedUp.id, code: usedUp.codes[0] },
          ],
          customerKey: 'carol@example.test',
          orderRef: 'second',
        }),
      );
      assert.equal(outcome, 'discount_usage_limit_reached');
      assert.deepEqual(await counts(open.id), { used: 0, customers: {}, ledger: {} });
      assert.deepEqual(await discountUsesOf(database.db, storeId, 'second'), []);
    });

    test('reserving twice for one order takes one use; commit and release are idempotent and give back what they should', async () => {
      const d = await discount({ usageLimit: 5, perCustomerLimit: 3 });
      const input = {
        discounts: [{ discountId: d.id, code: d.codes[0] }],
        customerKey: 'dan@example.test',
        orderRef: 'o-1',
      };
      assert.deepEqual(await reserve(input), [{ discountId: d.id, code: d.codes[0], newlyReserved: true }]);
      assert.deepEqual(await reserve(input), [{ discountId: d.id, code: d.codes[0], newlyReserved: false }]);
      assert.deepEqual(await counts(d.id), {
        used: 1,
        customers: { 'dan@example.test': 1 },
        ledger: { reserved: 1 },
      });

      // A failed order gives its use back, once.
      const released = await database.db.transaction((tx) => releaseDiscountUsage(tx, storeId, 'o-1'));
      assert.equal(released.length, 1);
      assert.deepEqual(await database.db.transaction((tx) => releaseDiscountUsage(tx, storeId, 'o-1')), []);
      assert.deepEqual(await counts(d.id), {
        used: 0,
        customers: { 'dan@example.test': 0 },
        ledger: { released: 1 },
      });
      assert.equal(
        await codeOf(database.db.transaction((tx) => commitDiscountUsage(tx, storeId, 'o-1'))),
        'discount_usage_released',
      );

      // Reserved again after the release, then committed: committing twice changes nothing, releasing keeps it.
      await reserve(input);
      const committed = await database.db.transaction((tx) => commitDiscountUsage(tx, storeId, 'o-1'));
      assert.deepEqual(
        committed.map((u) => [u.discountId, u.code, u.customerKey, u.state]),
        [[d.id, d.codes[0], 'dan@example.test', 'committed']],
      );
      assert.equal(
        (await database.db.transaction((tx) => commitDiscountUsage(tx, storeId, 'o-1'))).length,
        1,
      );
      assert.deepEqual(await database.db.transaction((tx) => releaseDiscountUsage(tx, storeId, 'o-1')), []);
      assert.deepEqual(await counts(d.id), {
        used: 1,
        customers: { 'dan@example.test': 1 },
        ledger: { committed: 1, released: 1 },
      });
      assert.deepEqual(
        await database.db.transaction((tx) => commitDiscountUsage(tx, storeId, 'no-such-order')),
        [],
      );
    });

    test('the discount must be usable: on, in its window, with its code, with a customer when limited per customer', async () => {
      const off = await discount({ enabled: false });
      const later = await discount({ startsAt: '2999-01-01T00:00:00Z' });
      const perCustomer = await discount({ perCustomerLimit: 1 });
      const cases: [ReserveUsageInput, string][] = [
        [{ discounts: [{ discountId: off.id, code: off.codes[0] }], orderRef: 'x1' }, 'discount_not_active'],
        [
          { discounts: [{ discountId: later.id, code: later.codes[0] }], orderRef: 'x2' },
          'discount_not_active',
        ],
        [{ discounts: [{ discountId: perCustomer.id, code: 'WRONG' }], orderRef: 'x3' }, 'unknown_code'],
        [{ discounts: [{ discountId: perCustomer.id }], orderRef: 'x4' }, 'unknown_code'],
        [
          { discounts: [{ discountId: perCustomer.id, code: perCustomer.codes[0] }], orderRef: 'x5' },
          'customer_key_required',
        ],
        [
          { discounts: [{ discountId: 'disc_01jzzzzzzzzzzzzzzzzzzzzzzz', code: 'X' }], orderRef: 'x6' },
          'not_found',
        ],
      ];
      for (const [input, expected] of cases)
        assert.equal(await codeOf(reserve(input)), expected, input.orderRef);
      for (const d of [off, later, perCustomer]) assert.equal((await counts(d.id)).used, 0);
    });

    test('evaluation sees the counts: a used-up code and a customer who used theirs are told why', async () => {
      const usedUp = await discount({ usageLimit: 1, codes: ['LASTONE'] });
      const once = await discount({ perCustomerLimit: 1, codes: ['ONCE'] });
      await reserve({ discounts: [{ discountId: usedUp.id, code: 'LASTONE' }], orderRef: 'e-1' });
      await reserve({
        discounts: [{ discountId: once.id, code: 'ONCE' }],
        customerKey: 'eve@example.test',
        orderRef: 'e-2',
      });
      const result = await evaluateDiscounts(
        database.db,
        storeId,
        {
          currency: 'EUR',
          lines: [{ lineId: 'a', productId: 'prod_x', quantity: 1, unitAmount: 1000 }],
          shippingAmount: 0,
        },
        { now: new Date(), customerKey: 'eve@example.test', segments: [], codes: ['lastone', 'once'] },
      );
      assert.deepEqual(result.rejected.map((r) => [r.code, r.reason]).sort(), [
        ['LASTONE', 'usage_limit_reached'],
        ['ONCE', 'customer_limit_reached'],
      ]);
      const otherCustomer = await evaluateDiscounts(
        database.db,
        storeId,
        {
          currency: 'EUR',
          lines: [{ lineId: 'a', productId: 'prod_x', quantity: 1, unitAmount: 1000 }],
          shippingAmount: 0,
        },
        { now: new Date(), customerKey: 'frank@example.test', segments: [], codes: ['ONCE'] },
      );
      assert.deepEqual(
        otherCustomer.applied.map((a) => [a.code, a.amount]),
        [['ONCE', 100]],
      );
    });
  });
}
