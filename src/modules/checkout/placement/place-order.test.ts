// placeOrderFromCart: an order exactly as the cart was priced, in one transaction — idempotent by
// key (replays and concurrent twins), all-or-nothing on a decline or a sold-out line, a discount's
// last use taken once, the card's extra step approved or failed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Store } from '../../access/index.ts';
import { recordMovements, variantStock } from '../../inventory/index.ts';
import { updateInventorySettings } from '../../inventory/settings.ts';
import { makeLocation } from '../../inventory/testing/inventory-fixtures.ts';
import { getOrder } from '../../orders/index.ts';
import { updatePaymentSettings } from '../../payments/index.ts';
import { testCard, testCardNumbers } from '../../payments/testing/payment-fixtures.ts';
import { getDiscount } from '../../promotions/index.ts';
import { findCartByToken, getCart, priceCart } from '../index.ts';
import {
  californianAddress,
  type EuShop,
  makeEuShop,
  makeUsShop,
  readyCart,
  type UsShop,
} from '../testing/placement-setup.ts';
import { sellingActor } from '../testing/selling-setup.ts';
import { purgeExpiredIdempotencyKeys } from './idempotency.ts';
import { finishPaymentStep } from './payment-step.ts';
import { placeOrderFromCart } from './place-order.ts';

const card = (number: string = testCardNumbers.success) => ({
  provider: 'test_card' as const,
  card: testCard(number),
});

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an error');
}

for (const target of testDatabaseTargets()) {
  describe(`placing an order from a cart on ${target.label}`, () => {
    let database: Database;
    let eu: EuShop;
    let us: UsShop;

    before(async () => {
      database = await target.create();
      eu = await makeEuShop(database, await makeStore(database, `place-eu-${process.pid}`, 'EUR'));
      us = await makeUsShop(database, await makeStore(database, `place-us-${process.pid}`, 'USD'));
    });
    after(async () => {
      await database?.close();
    });

    const stockOf = async (store: Store, variantId: string) =>
      (await variantStock(database.db, store.id, [variantId])).get(variantId)!;

    /** Rows that a placement writes, counted store-wide. */
    async function rowCounts(storeId: string) {
      const count = async (table: string) =>
        Number(
          resultRows<{ n: number }>(
            await database.db.execute(
              sql`select count(*)::int as n from ${sql.identifier(table)} where store_id = ${storeId}`,
            ),
          )[0]!.n,
        );
      const tables = [
        'orders',
        'order_lines',
        'payments',
        'inventory_reservations',
        'discount_usages',
        'customers',
        'checkout_idempotency',
        'outbox_events',
      ] as const;
      const counted = await Promise.all(tables.map(async (t) => [t, await count(t)] as const));
      return Object.fromEntries(counted) as Record<(typeof tables)[number], number>;
    }

    test('a card payment: the order is the priced cart (EUR, VAT inside, German address), paid, stock sold, cart completed', async () => {
      const { cartId, token } = await readyCart(database, eu.store, {
        lines: [
          { variantId: eu.shirt.variantIds[0]!, quantity: 2 },
          { variantId: eu.book.variantIds[0]!, quantity: 1 },
        ],
        shippingOptionKey: eu.express,
        codes: ['WELCOME10'],
      });
      const priced = await priceCart(database.db, eu.store, cartId);
      const before = await stockOf(eu.store, eu.shirt.variantIds[0]!);
      const placed = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(placed.replayed, false);
      assert.equal(placed.payment?.state, 'captured');
      const order = await getOrder(database.db, eu.store.id, placed.order.id);
      assert.ok(order.number! >= 1001);
      assert.equal(order.financialStatus, 'paid');
      assert.ok(order.placedAt);
      assert.equal(order.currency, 'EUR');
      assert.equal(order.taxesIncluded, true);
      assert.deepEqual(
        [order.subtotal, order.discountTotal, order.taxTotal, order.total],
        [priced.totals.subtotal, priced.totals.discountTotal, priced.totals.taxTotal, priced.totals.total],
      );
      assert.equal(order.shippingTotal, priced.shipping.total);
      assert.deepEqual(
        order.lines.map((l) => [l.title, l.quantity, l.unitAmount, l.discount, l.tax, l.total]),
        priced.lines.map((l) => [l.title, l.quantity, l.unitAmount, l.discount, l.tax, l.total]),
      );
      assert.deepEqual(
        order.lines.map((l) => l.taxLines.map((t) => [t.name, t.ratePpm])),
        [[['MwSt. 19 %', 190_000]], [['MwSt. 7 %', 70_000]]],
      );
      assert.equal(order.shipping?.title, 'Express');
      assert.equal(order.shipping?.tax, priced.shipping.tax);
      assert.ok(order.shipping?.estimate?.earliest);
      assert.deepEqual(
        order.discounts.map((d) => [d.code, d.amount]),
        [['WELCOME10', priced.totals.discountTotal]],
      );
      assert.deepEqual(
        order.taxLines.map((t) => [t.name, t.amount]),
        priced.tax.byRate.map((r) => [r.name, r.amount]),
      );
      assert.equal(order.shippingAddress?.city, 'Berlin');
      assert.equal(
        order.billingAddress?.city,
        'Berlin',
        'billing is the shipping address when none was given',
      );
      assert.ok(order.customerId);
      assert.equal(order.email, 'ada@example.com');
      const after = await stockOf(eu.store, eu.shirt.variantIds[0]!);
      assert.deepEqual([after.onHand, after.reserved], [before.onHand - 2, 0]);
      assert.equal(await findCartByToken(database.db, eu.store.id, token), undefined, 'the cart is used up');
      assert.equal((await getCart(database.db, eu.store.id, cartId)).orderId, order.id);
    });

    test('a US store adds California tax to the net prices; the order keeps both rates', async () => {
      const { token, cartId } = await readyCart(database, us.store, {
        lines: [{ variantId: us.boots.variantIds[0]!, quantity: 2 }],
        address: californianAddress,
      });
      const priced = await priceCart(database.db, us.store, cartId);
      const { order } = await placeOrderFromCart(database.db, {
        storeId: us.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(order.currency, 'USD');
      assert.equal(order.taxesIncluded, false);
      // 2 × 49.99 = 99.98; 7.25 % = 7.25 (7.2486), 1 % = 1.00; ground 7.95 untaxed.
      assert.deepEqual(
        [order.subtotal, order.taxTotal, order.shippingTotal, order.total],
        [9_998, 825, 795, 11_618],
      );
      assert.equal(order.total, priced.totals.total);
      assert.deepEqual(
        order.taxLines.map((t) => [t.name, t.ratePpm, t.amount]),
        [
          ['CA State Tax', 72_500, 725],
          ['County Tax', 10_000, 100],
        ],
      );
      assert.equal(order.shippingAddress?.region, 'US-CA');
    });

    test('a manual payment places the order awaiting payment; the stock is sold', async () => {
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const placed = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: { provider: 'manual' },
      });
      assert.equal(placed.payment?.state, 'pending');
      assert.equal(placed.order.financialStatus, 'pending');
      assert.ok(placed.order.placedAt);
      assert.equal(placed.order.paymentProvider, 'manual');
    });

    test('a free order takes no payment and is paid as placed', async () => {
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.freebie.variantIds[0]!, quantity: 1 }],
      });
      const placed = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(placed.payment, null);
      assert.equal(placed.order.total, 0);
      assert.equal(placed.order.financialStatus, 'paid');
      assert.equal(placed.order.shipping, null);
    });

    test('a replay with the same key answers with the same order and writes nothing', async () => {
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const input = { storeId: eu.store.id, cartToken: token, idempotencyKey: randomUUID(), payment: card() };
      const first = await placeOrderFromCart(database.db, input);
      const counts = await rowCounts(eu.store.id);
      const again = await placeOrderFromCart(database.db, input);
      assert.equal(again.replayed, true);
      assert.equal(again.order.id, first.order.id);
      assert.equal(again.order.number, first.order.number);
      assert.equal(again.payment?.id, first.payment?.id);
      assert.deepEqual(await rowCounts(eu.store.id), counts);
    });

    test('two placements at once with one key make one order', async () => {
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
      });
      const input = { storeId: eu.store.id, cartToken: token, idempotencyKey: randomUUID(), payment: card() };
      const before = await rowCounts(eu.store.id);
      const both = await Promise.all([
        placeOrderFromCart(database.db, input),
        placeOrderFromCart(database.db, input),
      ]);
      assert.equal(both[0].order.id, both[1].order.id);
      assert.deepEqual(both.map((p) => p.replayed).sort(), [false, true]);
      const counts = await rowCounts(eu.store.id);
      assert.equal(counts.orders, before.orders + 1);
      assert.equal(counts.payments, before.payments + 1);
    });

    test('the same key for another cart is 422 idempotency_key_reused', async () => {
      const key = randomUUID();
      const one = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const two = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 2 }],
      });
      await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: one.token,
        idempotencyKey: key,
        payment: card(),
      });
      const err = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: two.token,
          idempotencyKey: key,
          payment: card(),
        }),
      );
      assert.deepEqual([err.status, err.code], [422, 'idempotency_key_reused']);
      assert.ok(await findCartByToken(database.db, eu.store.id, two.token), 'the other cart is untouched');
      const sameCartOtherWay = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: one.token,
          idempotencyKey: key,
          payment: { provider: 'manual' },
        }),
      );
      assert.equal(sameCartOtherWay.code, 'idempotency_key_reused');
    });

    test('a key older than 24 hours is free again, and the hourly job removes such keys', async () => {
      const key = randomUUID();
      const one = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const two = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const first = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: one.token,
        idempotencyKey: key,
        payment: card(),
      });
      await database.db.execute(
        sql`update checkout_idempotency set created_at = now() - interval '25 hours' where store_id = ${eu.store.id} and key = ${key}`,
      );
      const second = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: two.token,
        idempotencyKey: key,
        payment: card(),
      });
      assert.equal(second.replayed, false);
      assert.notEqual(second.order.id, first.order.id);
      await database.db.execute(
        sql`update checkout_idempotency set created_at = now() - interval '25 hours' where store_id = ${eu.store.id} and key = ${key}`,
      );
      assert.ok((await purgeExpiredIdempotencyKeys(database.db)) >= 1);
      const left = resultRows<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from checkout_idempotency where key = ${key}`,
        ),
      );
      assert.equal(Number(left[0]!.n), 0);
    });

    test('a declined card is 402 and leaves nothing behind: stock and the discount use back, the cart active', async () => {
      const { token, cartId } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 3 }],
        codes: ['WELCOME10'],
      });
      const welcome = (await priceCart(database.db, eu.store, cartId)).discounts.applied[0]!.discountId;
      const usedBefore = (await getDiscount(database.db, eu.store.id, welcome)).used;
      const stockBefore = await stockOf(eu.store, eu.shirt.variantIds[0]!);
      const counts = await rowCounts(eu.store.id);
      for (const [number, code] of [
        [testCardNumbers.insufficientFunds, 'insufficient_funds'],
        [testCardNumbers.cardDeclined, 'card_declined'],
      ] as const) {
        const err = await rejected(
          placeOrderFromCart(database.db, {
            storeId: eu.store.id,
            cartToken: token,
            idempotencyKey: randomUUID(),
            payment: card(number),
          }),
        );
        assert.deepEqual(
          [err.status, err.code, (err.details as { declineCode: string }).declineCode],
          [402, 'payment_declined', code],
        );
      }
      assert.deepEqual(await rowCounts(eu.store.id), counts);
      assert.equal((await getDiscount(database.db, eu.store.id, welcome)).used, usedBefore);
      assert.deepEqual(await stockOf(eu.store, eu.shirt.variantIds[0]!), stockBefore);
      const cart = await findCartByToken(database.db, eu.store.id, token);
      assert.equal(cart?.state, 'active');
      // The shopper tries again with another card: the order goes through.
      const placed = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(placed.order.financialStatus, 'paid');
    });

    test('a line that cannot be held is 409 out_of_stock naming it, and nothing is written', async () => {
      const shop = await makeStore(database, `place-oos-${process.pid}`, 'EUR');
      const terms = await makeEuShop(database, shop, 0);
      // One unit at each of two warehouses: the cart sees 2, a single-location hold cannot take 2.
      for (const name of ['North', 'South']) {
        const location = await makeLocation(database, shop.id, name);
        await database.db.transaction((tx) =>
          recordMovements(tx, shop.id, sellingActor, [
            { variantId: terms.book.variantIds[0]!, locationId: location.id, kind: 'receive', quantity: 1 },
          ]),
        );
      }
      await updateInventorySettings(database.db, shop.id, { reservationStrategy: 'priority' });
      const { token, cartId } = await readyCart(database, shop, {
        lines: [{ variantId: terms.book.variantIds[0]!, quantity: 2 }],
        codes: ['WELCOME10'],
      });
      const counts = await rowCounts(shop.id);
      const err = await rejected(
        placeOrderFromCart(database.db, {
          storeId: shop.id,
          cartToken: token,
          idempotencyKey: randomUUID(),
          payment: card(),
        }),
      );
      assert.deepEqual([err.status, err.code], [409, 'out_of_stock']);
      const cart = await getCart(database.db, shop.id, cartId);
      assert.equal((err.details as { lineId: string }).lineId, cart.lines[0]!.id);
      assert.deepEqual(await rowCounts(shop.id), counts);
      assert.equal(cart.state, 'active');
    });

    test('a code with one use left and two checkouts at once: one order, one 409', async () => {
      const carts = await Promise.all(
        [1, 2].map(() =>
          readyCart(database, eu.store, {
            lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
            codes: ['ONCE'],
          }),
        ),
      );
      const results = await Promise.allSettled(
        carts.map(({ token }) =>
          placeOrderFromCart(database.db, {
            storeId: eu.store.id,
            cartToken: token,
            idempotencyKey: randomUUID(),
            payment: card(),
          }),
        ),
      );
      const placed = results.filter((r) => r.status === 'fulfilled');
      const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
      assert.equal(placed.length, 1);
      assert.equal(failed.length, 1);
      // PostgreSQL: the second waits on the first's use of the code and finds the limit reached.
      // PGlite runs one transaction at a time: the second prices a cart whose code no longer applies.
      assert.deepEqual([failed[0]!.status, failed[0]!.code], [409, 'discount_usage_limit_reached']);
      const loser = carts[results.findIndex((r) => r.status === 'rejected')]!;
      assert.equal((await getCart(database.db, eu.store.id, loser.cartId)).state, 'active');
    });

    test('the card’s extra step: approving places the order, failing cancels it and gives a new cart', async () => {
      const { token } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }],
      });
      const before = await stockOf(eu.store, eu.shirt.variantIds[0]!);
      const waiting = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(testCardNumbers.requiresAction),
        returnUrl: '/s/shop/checkout/payment/{paymentId}/verify',
      });
      assert.equal(waiting.payment?.state, 'requires_action');
      assert.equal(waiting.payment?.actionUrl, `/s/shop/checkout/payment/${waiting.payment?.id}/verify`);
      assert.equal(waiting.order.placedAt, null);
      assert.equal((await stockOf(eu.store, eu.shirt.variantIds[0]!)).reserved, before.reserved + 1);
      const approved = await finishPaymentStep(database.db, {
        storeId: eu.store.id,
        paymentId: waiting.payment!.id,
        approve: true,
      });
      assert.equal(approved.order.financialStatus, 'paid');
      assert.ok(approved.order.placedAt);
      assert.equal(approved.retryCart, null);
      const sold = await stockOf(eu.store, eu.shirt.variantIds[0]!);
      assert.deepEqual([sold.onHand, sold.reserved], [before.onHand - 1, before.reserved]);
      const twice = await finishPaymentStep(database.db, {
        storeId: eu.store.id,
        paymentId: waiting.payment!.id,
        approve: false,
      });
      assert.equal(twice.order.status, 'open', 'a second answer changes nothing');

      const other = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 2 }],
        codes: ['WELCOME10'],
      });
      const second = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: other.token,
        idempotencyKey: randomUUID(),
        payment: card(testCardNumbers.requiresAction),
      });
      const failed = await finishPaymentStep(database.db, {
        storeId: eu.store.id,
        paymentId: second.payment!.id,
        approve: false,
      });
      assert.equal(failed.order.status, 'cancelled');
      assert.equal(failed.payment.state, 'failed');
      assert.deepEqual(await stockOf(eu.store, eu.shirt.variantIds[0]!), sold, 'the held units are back');
      const retry = await findCartByToken(database.db, eu.store.id, failed.retryCart!.token);
      assert.equal(retry?.lines[0]?.quantity, 2);
      assert.deepEqual(retry?.discountCodes, ['WELCOME10']);
      assert.equal(retry?.email, 'ada@example.com');
      const again = await placeOrderFromCart(database.db, {
        storeId: eu.store.id,
        cartToken: failed.retryCart!.token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(again.order.financialStatus, 'paid');
    });

    test('placing on fulfilment capture authorises only', async () => {
      const shop = await makeStore(database, `place-auth-${process.pid}`, 'EUR');
      const terms = await makeEuShop(database, shop);
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, shop.id, sellingActor, { captureMode: 'on_fulfilment' }),
      );
      const { token } = await readyCart(database, shop, {
        lines: [{ variantId: terms.book.variantIds[0]!, quantity: 1 }],
      });
      const placed = await placeOrderFromCart(database.db, {
        storeId: shop.id,
        cartToken: token,
        idempotencyKey: randomUUID(),
        payment: card(),
      });
      assert.equal(placed.payment?.state, 'authorised');
      assert.equal(placed.order.financialStatus, 'authorised');
    });

    test('a cart missing a step, or empty, is refused naming what is missing; bad input is 4xx', async () => {
      const { token, cartId } = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      await database.db.execute(sql`update carts set shipping_option_key = null where id = ${cartId}`);
      const noShipping = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: token,
          idempotencyKey: randomUUID(),
          payment: card(),
        }),
      );
      assert.deepEqual(
        [noShipping.status, noShipping.code, (noShipping.details as { step: string }).step],
        [422, 'checkout_incomplete', 'shipping'],
      );
      await database.db.execute(sql`update carts set email = null where id = ${cartId}`);
      const noEmail = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: token,
          idempotencyKey: randomUUID(),
          payment: card(),
        }),
      );
      assert.equal((noEmail.details as { step: string }).step, 'contact');
      const noKey = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: token,
          idempotencyKey: '',
          payment: card(),
        }),
      );
      assert.deepEqual([noKey.status, noKey.code], [400, 'idempotency_key_required']);
      const unknownCart = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: 'nope',
          idempotencyKey: randomUUID(),
          payment: card(),
        }),
      );
      assert.equal(unknownCart.status, 404);
      const complete = await readyCart(database, eu.store, {
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
      });
      const counts = await rowCounts(eu.store.id);
      const badCard = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: complete.token,
          idempotencyKey: randomUUID(),
          payment: { provider: 'test_card', card: testCard('4242424242424241') },
        }),
      );
      assert.deepEqual([badCard.status, badCard.code], [422, 'invalid_card']);
      const changed = await rejected(
        placeOrderFromCart(database.db, {
          storeId: eu.store.id,
          cartToken: complete.token,
          idempotencyKey: randomUUID(),
          payment: card(),
          expectedTotal: 1,
        }),
      );
      assert.deepEqual([changed.status, changed.code], [409, 'cart_total_changed']);
      assert.deepEqual(await rowCounts(eu.store.id), counts);
    });
  });
}
