// Cart operations: tokens, lines and their limits, codes, country, contact, addresses, shipping
// choice, customers and merging, completion; bad input is a 4xx with a code and writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { outboxEvents } from '../../platform/events/schema.ts';
import type { Store } from '../access/index.ts';
import {
  addCartLine,
  applyDiscountCode,
  createCart,
  createCartWithLine,
  findCartByToken,
  getCart,
  markCartCompleted,
  mergeCarts,
  removeDiscountCode,
  selectCartShippingOption,
  setCartAddresses,
  setCartContact,
  setCartCountry,
  setCartLineQuantity,
} from './index.ts';
import { carts } from './schema.ts';
import {
  makeDiscount,
  makeProduct,
  makeZone,
  receiveStock,
  type TestProduct,
} from './testing/selling-setup.ts';

async function rejects(promise: Promise<unknown>, status: number, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    const mapped =
      err instanceof AppError
        ? err
        : (err as { issues?: unknown }).issues
          ? new AppError(400, 'validation_failed', '', err)
          : null;
    if (!mapped) throw err;
    assert.equal(mapped.status, status, `${mapped.code}: ${mapped.message}`);
    assert.equal(mapped.code, code);
    return mapped;
  }
  assert.fail(`expected ${status} ${code}`);
}

for (const target of testDatabaseTargets()) {
  describe(`carts on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    let other: Store;
    let mug: TestProduct;
    let lamp: TestProduct;
    let draft: TestProduct;
    let stocked: TestProduct;
    let foreign: TestProduct;

    const newCart = async (country: string | null = 'DE') =>
      createCart(database.db, store, { locale: 'en', country });
    /** The cart's events as stored (in the order written), each with the change it reports. */
    const eventsOf = async (cartId: string) =>
      (await database.db.select().from(outboxEvents))
        .filter((e) => (e.payload as { cartId?: string }).cartId === cartId)
        .map((e) => ({
          type: e.type,
          change: (e.payload as { change?: string }).change ?? null,
          payload: e.payload,
        }));

    before(async () => {
      database = await target.create();
      store = await makeStore(database, `carts-${process.pid}`, 'EUR');
      other = await makeStore(database, `carts-other-${process.pid}`, 'EUR');
      mug = await makeProduct(database, store, { title: 'Mug', price: 1_500 });
      lamp = await makeProduct(database, store, { title: 'Lamp', price: 8_900 });
      draft = await makeProduct(database, store, { title: 'Draft', price: 100, status: 'draft' });
      stocked = await makeProduct(database, store, { title: 'Vase', price: 4_000 });
      foreign = await makeProduct(database, other, { title: 'Theirs', price: 100 });
      await receiveStock(database, store.id, [{ variantId: stocked.variantIds[0]!, quantity: 3 }]);
      await makeZone(database, store.id, { name: 'Germany', countries: [{ country: 'DE' }] }, [
        { name: 'Standard', type: 'flat', prices: [{ currency: 'EUR', amount: 490 }] },
      ]);
      for (let i = 1; i <= 6; i++) {
        await makeDiscount(database, store.id, {
          title: `One percent ${i}`,
          kind: 'code',
          codes: [`ONE${i}`],
          type: 'percentage',
          percentBp: 100,
          combinesWith: { order: true, product: true, shipping: true },
        });
      }
    });
    after(async () => {
      await database?.close();
    });

    test('a cart is found by its token only; the table keeps a digest', async () => {
      const { cart, token } = await newCart();
      assert.equal((await findCartByToken(database.db, store.id, token))?.id, cart.id);
      assert.equal(await findCartByToken(database.db, store.id, `${token}x`), undefined);
      assert.equal(await findCartByToken(database.db, other.id, token), undefined, 'not in another store');
      const [row] = await database.db.select().from(carts).where(eq(carts.id, cart.id));
      assert.notEqual(row!.tokenHash, token);
      assert.match(row!.tokenHash, /^[0-9a-f]{64}$/);
    });

    test('adding a variant twice adds to its line; quantities and lines have limits', async () => {
      const { cart } = await newCart();
      await addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]!, quantity: 2 });
      const twice = await addCartLine(database.db, store.id, cart.id, {
        variantId: mug.variantIds[0]!,
        quantity: 3,
      });
      assert.deepEqual(
        twice.lines.map((l) => l.quantity),
        [5],
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]!, quantity: 0 }),
        400,
        'validation_failed',
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]!, quantity: 10_000 }),
        400,
        'validation_failed',
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]!, quantity: 9_995 }),
        422,
        'line_quantity_limit',
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: 'var_nope' }),
        422,
        'variant_unavailable',
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: draft.variantIds[0]! }),
        422,
        'variant_unavailable',
      );
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: foreign.variantIds[0]! }),
        422,
        'variant_unavailable',
      );
      const stock = await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: stocked.variantIds[0]!, quantity: 4 }),
        422,
        'insufficient_stock',
      );
      assert.equal((stock.details as { available: number }).available, 3);
      assert.deepEqual(
        (await getCart(database.db, store.id, cart.id)).lines.map((l) => [l.variantId, l.quantity]),
        [[mug.variantIds[0], 5]],
        'nothing written by the refused ones',
      );
    });

    test('a cart made with its first line holds it and says so in its events; an item that cannot be added makes no cart', async () => {
      const countCarts = async () =>
        (await database.db.select().from(carts).where(eq(carts.storeId, store.id))).length;
      const { cart, token } = await createCartWithLine(
        database.db,
        store,
        { locale: 'en', country: 'DE' },
        { variantId: stocked.variantIds[0]!, quantity: 2 },
      );
      assert.deepEqual(
        cart.lines.map((l) => [l.variantId, l.quantity]),
        [[stocked.variantIds[0], 2]],
      );
      const found = await findCartByToken(database.db, store.id, token);
      assert.deepEqual(
        found?.lines.map((l) => [l.id, l.variantId, l.quantity]),
        cart.lines.map((l) => [l.id, l.variantId, l.quantity]),
      );
      assert.equal(found?.currency, 'EUR');
      assert.deepEqual(
        (await eventsOf(cart.id)).map((e) => [e.type, e.change]),
        [
          ['cart.created', null],
          ['cart.updated', 'line_added'],
        ],
      );

      const before = await countCarts();
      const start = (variantId: string, quantity: number) =>
        createCartWithLine(database.db, store, { locale: 'en', country: 'DE' }, { variantId, quantity });
      await rejects(start(stocked.variantIds[0]!, 4), 422, 'insufficient_stock');
      await rejects(start(draft.variantIds[0]!, 1), 422, 'variant_unavailable');
      await rejects(start(foreign.variantIds[0]!, 1), 422, 'variant_unavailable');
      await rejects(start(mug.variantIds[0]!, 0), 400, 'validation_failed');
      assert.equal(await countCarts(), before, 'no cart without its line');
    });

    test('a cart holds at most 100 lines', async () => {
      const sizes = Array.from({ length: 100 }, (_, i) => `S${i + 1}`);
      const many = await makeProduct(database, store, { title: 'Sock', price: 500, sizes });
      const { cart } = await newCart();
      for (const variantId of many.variantIds)
        await addCartLine(database.db, store.id, cart.id, { variantId });
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]! }),
        422,
        'cart_line_limit',
      );
      const full = await addCartLine(database.db, store.id, cart.id, { variantId: many.variantIds[0]! });
      assert.equal(full.lines.length, 100, 'a line already there still takes more');
    });

    test('quantities change and 0 removes; only lines of the cart', async () => {
      const { cart } = await newCart();
      const added = await addCartLine(database.db, store.id, cart.id, {
        variantId: stocked.variantIds[0]!,
        quantity: 1,
      });
      const lineId = added.lines[0]!.id;
      await rejects(
        setCartLineQuantity(database.db, store.id, cart.id, lineId, 4),
        422,
        'insufficient_stock',
      );
      assert.equal(
        (await setCartLineQuantity(database.db, store.id, cart.id, lineId, 3)).lines[0]!.quantity,
        3,
      );
      await rejects(
        setCartLineQuantity(database.db, store.id, cart.id, lineId, -1),
        400,
        'validation_failed',
      );
      await rejects(setCartLineQuantity(database.db, store.id, cart.id, 'cartl_nope', 1), 404, 'not_found');
      assert.deepEqual((await setCartLineQuantity(database.db, store.id, cart.id, lineId, 0)).lines, []);
    });

    test('codes: blank is 400, at most five, removing one keeps the others', async () => {
      const { cart } = await newCart();
      await addCartLine(database.db, store.id, cart.id, { variantId: lamp.variantIds[0]! });
      await rejects(applyDiscountCode(database.db, store.id, cart.id, '   '), 400, 'invalid_discount_code');
      for (let i = 1; i <= 5; i++) {
        assert.equal((await applyDiscountCode(database.db, store.id, cart.id, `one${i}`)).applied, true);
      }
      await rejects(applyDiscountCode(database.db, store.id, cart.id, 'ONE6'), 422, 'discount_code_limit');
      const again = await applyDiscountCode(database.db, store.id, cart.id, 'ONE1');
      assert.equal(again.applied, true, 'a code the cart has changes nothing');
      const removed = await removeDiscountCode(database.db, store.id, cart.id, 'ONE3');
      assert.deepEqual(removed.discountCodes, ['one1', 'one2', 'one4', 'one5']);
    });

    test('country, contact, addresses and the shipping choice are checked', async () => {
      const { cart } = await newCart();
      await addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]! });
      await rejects(setCartCountry(database.db, store.id, cart.id, 'XX'), 400, 'invalid_country');
      await rejects(
        setCartContact(database.db, store.id, cart.id, { email: 'not an address' }),
        400,
        'invalid_email',
      );
      const contact = await setCartContact(database.db, store.id, cart.id, { email: ' Ada@Example.TEST ' });
      assert.equal(contact.email, 'ada@example.test');
      const noState = await rejects(
        setCartAddresses(database.db, store.id, cart.id, {
          shippingAddress: {
            firstName: 'A',
            lastName: 'L',
            line1: '1 Main St',
            city: 'SF',
            postalCode: '94103',
            country: 'US',
          },
        }),
        400,
        'validation_failed',
      );
      assert.ok(JSON.stringify(noState.details).includes('shippingAddress'));
      await rejects(
        setCartAddresses(database.db, store.id, cart.id, {
          shippingAddress: {
            firstName: 'A',
            lastName: 'L',
            line1: 'Hauptstr. 1',
            city: 'Berlin',
            country: 'DE',
          },
        }),
        400,
        'validation_failed',
      );
      await rejects(
        selectCartShippingOption(database.db, store.id, cart.id, 'shr_nope'),
        422,
        'shipping_option_unavailable',
      );
      const unchanged = await getCart(database.db, store.id, cart.id);
      assert.equal(unchanged.shippingAddress, null);
      assert.equal(unchanged.shippingOptionKey, null);

      const placed = await setCartAddresses(database.db, store.id, cart.id, {
        shippingAddress: {
          firstName: 'A',
          lastName: 'L',
          line1: '1 Main St',
          city: 'SF',
          postalCode: '94103',
          region: 'us-ca',
          country: 'us',
        },
      });
      assert.equal(placed.country, 'US', 'the shipping address sets the country');
      assert.equal(placed.shippingAddress?.region, 'US-CA');
    });

    test('a completed cart is found no more and cannot change; completing again for its order is fine', async () => {
      const { cart, token } = await newCart();
      await addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]! });
      await database.db.transaction((tx) => markCartCompleted(tx, store.id, cart.id, 'ord_1'));
      assert.equal(await findCartByToken(database.db, store.id, token), undefined);
      await rejects(
        addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]! }),
        409,
        'cart_not_active',
      );
      await database.db.transaction((tx) => markCartCompleted(tx, store.id, cart.id, 'ord_1'));
      await rejects(
        database.db.transaction((tx) => markCartCompleted(tx, store.id, cart.id, 'ord_2')),
        409,
        'cart_not_active',
      );
      const [row] = await database.db.select().from(carts).where(eq(carts.id, cart.id));
      assert.deepEqual([row!.state, row!.orderId], ['completed', 'ord_1']);
    });

    test('a change from the cart as read earlier is made again from a fresh read when the cart changed meanwhile', async () => {
      const { cart, token } = await newCart();
      const read = (await findCartByToken(database.db, store.id, token))!;
      assert.equal(read.version, cart.version);
      // Another tab adds a line after this request read the cart: its copy has no lines.
      await addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]! });
      const contact = await setCartContact(database.db, store.id, read, { email: 'tab@example.com' });
      assert.equal(contact.email, 'tab@example.com');
      assert.deepEqual(
        contact.lines.map((l) => l.variantId),
        [mug.variantIds[0]],
        'the other tab’s line is kept: the change ran on the cart as it is',
      );
      const [row] = await database.db.select().from(carts).where(eq(carts.id, cart.id));
      assert.equal(row!.version, contact.version);
      assert.ok(row!.version > read.version, 'every update bumps the version');
      const contactEvents = (await database.db.select().from(outboxEvents)).filter(
        (e) =>
          (e.payload as { cartId?: string; change?: string }).cartId === cart.id &&
          (e.payload as { change?: string }).change === 'contact_changed',
      );
      assert.equal(contactEvents.length, 1, 'the dropped attempt wrote no event');

      // From a copy that is up to date the change needs no second attempt and counts one more version.
      const fresh = (await findCartByToken(database.db, store.id, token))!;
      const again = await addCartLine(database.db, store.id, fresh, { variantId: lamp.variantIds[0]! });
      assert.equal(again.version, fresh.version + 1);
      assert.equal(again.lines.length, 2);
      assert.equal(again.email, 'tab@example.com');

      // A copy of a cart completed meanwhile: refused as for an id, and nothing written.
      const stale = (await findCartByToken(database.db, store.id, token))!;
      await database.db.transaction((tx) => markCartCompleted(tx, store.id, cart.id, 'ord_stale'));
      await rejects(
        addCartLine(database.db, store.id, stale, { variantId: stocked.variantIds[0]! }),
        409,
        'cart_not_active',
      );
      const lines = await getCart(database.db, store.id, cart.id);
      assert.equal(lines.lines.length, 2);
    });

    test('signing in merges the saved cart into the browser’s, or hands the saved one over', async () => {
      const customerId = `cus_${process.pid}`;
      const saved = await newCart();
      await addCartLine(database.db, store.id, saved.cart.id, { variantId: mug.variantIds[0]!, quantity: 2 });
      await addCartLine(database.db, store.id, saved.cart.id, {
        variantId: lamp.variantIds[0]!,
        quantity: 1,
      });
      await applyDiscountCode(database.db, store.id, saved.cart.id, 'ONE1');
      const merged0 = await mergeCarts(database.db, store.id, { customerId, cartId: saved.cart.id });
      assert.equal(merged0?.cart.customerId, customerId, 'the first sign-in just attaches');

      const guest = await newCart();
      await addCartLine(database.db, store.id, guest.cart.id, { variantId: mug.variantIds[0]!, quantity: 3 });
      await addCartLine(database.db, store.id, guest.cart.id, {
        variantId: stocked.variantIds[0]!,
        quantity: 1,
      });
      const merged = await mergeCarts(database.db, store.id, { customerId, cartId: guest.cart.id });
      assert.equal(merged?.token, undefined, 'the browser keeps its cart and cookie');
      assert.deepEqual(
        merged!.cart.lines.map((l) => [l.variantId, l.quantity]).sort(),
        [
          [lamp.variantIds[0], 1],
          [mug.variantIds[0], 3],
          [stocked.variantIds[0], 1],
        ].sort(),
      );
      assert.deepEqual(merged!.cart.discountCodes, ['ONE1']);
      assert.equal((await getCart(database.db, store.id, saved.cart.id)).state, 'abandoned');

      // On another device, without a cart: the saved cart comes over under a new token.
      const handed = await mergeCarts(database.db, store.id, { customerId });
      assert.equal(handed?.cart.id, guest.cart.id);
      assert.ok(handed?.token);
      assert.equal(
        await findCartByToken(database.db, store.id, guest.token),
        undefined,
        'the old token is void',
      );
      assert.equal((await findCartByToken(database.db, store.id, handed!.token!))?.id, guest.cart.id);
      assert.equal(await mergeCarts(database.db, store.id, { customerId: 'cus_nobody' }), undefined);

      const theirs = await newCart();
      await mergeCarts(database.db, store.id, { customerId: 'cus_someone', cartId: theirs.cart.id });
      await rejects(
        mergeCarts(database.db, store.id, { customerId, cartId: theirs.cart.id }),
        409,
        'cart_of_another_customer',
      );
    });

    test('events name ids and quantities, never the e-mail', async () => {
      const { cart } = await newCart();
      await addCartLine(database.db, store.id, cart.id, { variantId: mug.variantIds[0]!, quantity: 2 });
      await setCartContact(database.db, store.id, cart.id, { email: 'grace@example.test' });
      const events = await eventsOf(cart.id);
      assert.deepEqual(
        events.map((e) => [e.type, e.change]),
        [
          ['cart.created', null],
          ['cart.updated', 'line_added'],
          ['cart.updated', 'contact_changed'],
        ],
      );
      assert.ok(!JSON.stringify(events.map((e) => e.payload)).includes('grace'));
    });
  });
}
