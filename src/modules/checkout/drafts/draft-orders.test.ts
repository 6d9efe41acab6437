// Draft orders: staff build a cart for a customer, priced by the one pricing, and either take the
// payment themselves (the one placement, manual provider) or e-mail the customer a link to pay it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ZodError } from 'zod';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor, Store } from '../../access/index.ts';
import { addAddress } from '../../customers/index.ts';
import { makeCustomerAccount } from '../../customers/testing/customer-fixtures.ts';
import { variantStock } from '../../inventory/index.ts';
import { getOrder } from '../../orders/index.ts';
import { paymentsOfOrder, updatePaymentSettings } from '../../payments/index.ts';
import { addCartLine } from '../cart-lines.ts';
import { type EuShop, germanAddress, makeEuShop } from '../testing/placement-setup.ts';
import { makeProduct } from '../testing/selling-setup.ts';
import { completeDraftOrder } from './draft-completion.ts';
import type { DraftOrderInput } from './draft-input.ts';
import { sendDraftInvoice } from './draft-invoice.ts';
import { draftOfPaymentLink } from './draft-link.ts';
import { createDraftOrder, deleteDraftOrder, updateDraftOrder } from './draft-orders.ts';
import { getDraftOrder, listDraftOrders } from './draft-read.ts';

const staff: Actor = { type: 'user', id: 'user_01jtestdraftsstaff000000000', label: 'Grace at the phone' };

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
  describe(`draft orders on ${target.label}`, () => {
    let database: Database;
    let eu: EuShop;

    before(async () => {
      database = await target.create();
      eu = await makeEuShop(database, await makeStore(database, `drafts-${process.pid}`, 'EUR'));
    });
    after(async () => {
      await database?.close();
    });

    const create = (input: DraftOrderInput) =>
      database.db.transaction((tx) => createDraftOrder(tx, eu.store.id, staff, input));
    const update = (id: string, input: DraftOrderInput) =>
      database.db.transaction((tx) => updateDraftOrder(tx, eu.store.id, staff, id, input));
    const complete = (id: string, paymentPending: boolean) =>
      database.db.transaction((tx) => completeDraftOrder(tx, eu.store.id, staff, id, { paymentPending }));
    const onHand = async (variantId: string) =>
      (await variantStock(database.db, eu.store.id, [variantId])).get(variantId)!.onHand;
    const phoneOrder = (email = 'ada@example.com'): DraftOrderInput => ({
      lines: [
        { variantId: eu.shirt.variantIds[0]!, quantity: 2 },
        { variantId: eu.book.variantIds[0]!, quantity: 1 },
      ],
      customer: { email },
      shippingAddress: germanAddress,
      shippingOptionKey: eu.express,
    });
    const auditActions = async (draftId: string) =>
      (
        await database.execute<{ action: string; actor_label: string }>(
          'select action, actor_label from audit_log where entity_id = $1 order by at, id',
          [draftId],
        )
      ).map((r) => `${r.action} by ${r.actor_label}`);
    const eventTypes = async (draftId: string) =>
      (
        await database.execute<{ type: string }>(
          "select type from outbox_events where type like 'draft_order.%' and payload->>'draftOrderId' = $1 order by created_at, id",
          [draftId],
        )
      ).map((r) => r.type);

    test('a phone order paid to staff: the order is the draft as priced, paid, stock sold, source admin', async () => {
      // The storefront takes cards only; staff still record the cash they took.
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, eu.store.id, staff, { providers: { manual: { enabled: false } } }),
      );
      const made = await create({
        ...phoneOrder(),
        discountCodes: ['WELCOME10'],
        note: 'Gift wrap, please.',
      });
      assert.match(made.name, /^D\d{4}$/);
      assert.equal(made.status, 'open');
      assert.deepEqual(made.missing, []);
      const priced = made.priced!;
      assert.equal(priced.shipping.option?.name, 'Express');
      assert.deepEqual(
        priced.discounts.applied.map((d) => d.code),
        ['WELCOME10'],
      );
      assert.ok(priced.tax.byRate.length === 2, 'both VAT rates apply');
      const shirtBefore = await onHand(eu.shirt.variantIds[0]!);

      const { order, payment, draft } = await complete(made.id, false);

      const placed = await getOrder(database.db, eu.store.id, order.id);
      assert.equal(placed.source, 'admin');
      assert.equal(placed.financialStatus, 'paid');
      assert.ok(placed.number! >= 1001);
      assert.ok(placed.placedAt);
      assert.deepEqual(
        [placed.subtotal, placed.discountTotal, placed.taxTotal, placed.shippingTotal, placed.total],
        [
          priced.totals.subtotal,
          priced.totals.discountTotal,
          priced.totals.taxTotal,
          priced.shipping.total,
          priced.totals.total,
        ],
      );
      assert.deepEqual(
        placed.lines.map((l) => [l.variantId, l.quantity, l.total]),
        priced.lines.map((l) => [l.variantId, l.quantity, l.total]),
      );
      assert.equal(placed.email, 'ada@example.com');
      assert.equal(placed.note, 'Gift wrap, please.');
      assert.equal(payment?.provider, 'manual');
      assert.equal(payment?.state, 'captured');
      assert.equal(await onHand(eu.shirt.variantIds[0]!), shirtBefore - 2, 'two shirts sold');
      assert.equal(draft.status, 'completed');
      assert.equal(draft.order?.id, order.id);
      assert.equal((await getDraftOrder(database.db, eu.store, made.id)).order?.number, placed.number);
      assert.deepEqual(await auditActions(made.id), [
        'draft_order.created by Grace at the phone',
        'draft_order.completed by Grace at the phone',
      ]);
      assert.deepEqual(await eventTypes(made.id), ['draft_order.created', 'draft_order.completed']);

      const again = await rejected(complete(made.id, false));
      assert.deepEqual([again.status, again.code], [409, 'draft_order_completed']);
      const edit = await rejected(update(made.id, { note: 'too late' }));
      assert.deepEqual([edit.status, edit.code], [409, 'draft_order_completed']);
      await database.db.transaction((tx) =>
        updatePaymentSettings(tx, eu.store.id, staff, { providers: { manual: { enabled: true } } }),
      );
    });

    test('payment pending: the order awaits the money, the stock is sold all the same', async () => {
      const made = await create(phoneOrder('bob@example.com'));
      const before = await onHand(eu.book.variantIds[0]!);
      const { order } = await complete(made.id, true);
      const placed = await getOrder(database.db, eu.store.id, order.id);
      assert.equal(placed.financialStatus, 'pending');
      assert.equal(placed.source, 'admin');
      assert.deepEqual(
        (await paymentsOfOrder(database.db, eu.store.id, order.id)).map((p) => [p.provider, p.state]),
        [['manual', 'pending']],
      );
      assert.equal(await onHand(eu.book.variantIds[0]!), before - 1);
    });

    test('a customer named by e-mail is found, with their saved address', async () => {
      const customer = await makeCustomerAccount(database, eu.store.id, 'lind@example.com');
      await database.db.transaction((tx) =>
        addAddress(
          tx,
          eu.store.id,
          customer.id,
          { ...germanAddress, city: 'Potsdam', postalCode: '14467' },
          {
            source: 'storefront',
          },
        ),
      );
      const draft = await create({
        lines: [{ variantId: eu.book.variantIds[0]!, quantity: 1 }],
        customer: { email: ' LIND@example.com ' },
      });
      assert.equal(draft.customer?.id, customer.id);
      assert.equal(draft.email, 'lind@example.com');
      assert.equal(draft.shippingAddress?.city, 'Potsdam');
      assert.equal(draft.priced?.country, 'DE');
      assert.deepEqual(draft.missing, ['shipping'], 'only the way of shipping is left to choose');
      assert.deepEqual(
        draft.priced?.shipping.options.map((o) => o.name),
        ['Standard', 'Express'],
      );
      const byId = await update(draft.id, { customer: { customerId: customer.id } });
      assert.equal(byId.customer?.email, 'lind@example.com');
      const unknown = await rejected(
        update(draft.id, { customer: { customerId: 'cus_01jzzzzzzzzzzzzzzzzzzzzzzz' } }),
      );
      assert.deepEqual([unknown.status, unknown.code], [422, 'unknown_customer']);
    });

    test('sending the invoice queues the e-mail with a payment link; a new invoice replaces the link', async () => {
      const made = await create({ ...phoneOrder('cleo@example.com'), shippingOptionKey: eu.standard });
      const first = await database.db.transaction((tx) =>
        sendDraftInvoice(tx, eu.store.id, staff, made.id, { message: 'As agreed on the phone.' }),
      );
      assert.equal(first.draft.status, 'invoice_sent');
      assert.ok(first.draft.invoiceSentAt);
      const token = /^\/checkout\?draft=([A-Za-z0-9_-]{43})$/.exec(first.paymentPath)?.[1];
      assert.ok(token, first.paymentPath);
      const [mail] = await database.execute<{ topic: string; subject: string; text: string; html: string }>(
        "select topic, subject, text, html from mail_messages where 'cleo@example.com' = any(to_addresses)",
      );
      assert.equal(mail?.topic, 'transactional.draft_invoice');
      assert.equal(mail?.subject, `Complete your purchase: order ${made.name}`);
      assert.ok(
        mail?.html.includes(`/s/${eu.store.handle}/checkout?draft=${token}`),
        'an absolute link to pay',
      );
      assert.match(mail!.text, /As agreed on the phone\./);
      assert.match(mail!.text, /Linen shirt/);
      assert.deepEqual(await draftOfPaymentLink(database.db, eu.store.id, token!), {
        kind: 'payable',
        draftOrderId: made.id,
      });

      const second = await database.db.transaction((tx) => sendDraftInvoice(tx, eu.store.id, staff, made.id));
      assert.notEqual(second.paymentPath, first.paymentPath);
      assert.equal(
        await draftOfPaymentLink(database.db, eu.store.id, token!),
        undefined,
        'the first link is dead',
      );
      assert.deepEqual((await auditActions(made.id)).slice(-2), [
        'draft_order.invoice_sent by Grace at the phone',
        'draft_order.invoice_sent by Grace at the phone',
      ]);
    });

    test('a draft that is not ready is not sent, and says what it lacks', async () => {
      const made = await create({ lines: [{ variantId: eu.shirt.variantIds[0]!, quantity: 1 }] });
      assert.deepEqual(made.missing, ['email', 'address', 'shipping']);
      const err = await rejected(
        database.db.transaction((tx) => sendDraftInvoice(tx, eu.store.id, staff, made.id)),
      );
      assert.deepEqual([err.status, err.code], [422, 'draft_order_incomplete']);
      assert.deepEqual((err.details as { missing: string[] }).missing, ['email', 'address', 'shipping']);
      const placing = await rejected(complete(made.id, false));
      assert.deepEqual([placing.status, placing.code], [422, 'checkout_incomplete']);
      assert.equal(
        (await getDraftOrder(database.db, eu.store, made.id)).status,
        'open',
        'nothing was placed',
      );
    });

    test('refused changes write nothing: another store’s variant, a code that does not apply, an option not offered', async () => {
      const other = await makeStore(database, `drafts-other-${process.pid}`, 'EUR');
      const foreign = await makeProduct(database, other, { title: 'Not ours', price: 500 });
      const archived = await makeProduct(database, eu.store, {
        title: 'Old stock',
        price: 500,
        status: 'draft',
      });
      const made = await create(phoneOrder('dora@example.com'));
      const before = await getDraftOrder(database.db, eu.store, made.id);

      for (const variantId of [foreign.variantIds[0]!, archived.variantIds[0]!]) {
        const err = await rejected(
          update(made.id, {
            lines: [
              ...before.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
              { variantId, quantity: 1 },
            ],
            note: 'changed',
          }),
        );
        assert.deepEqual([err.status, err.code], [422, 'variant_unavailable']);
        assert.equal((err.details as { path: string }).path, 'lines.2.variantId');
      }
      const code = await rejected(update(made.id, { discountCodes: ['NOPE'], note: 'changed' }));
      assert.deepEqual(
        [code.status, code.code, (code.details as { path: string }).path],
        [422, 'discount_code_rejected', 'discountCodes.0'],
      );
      const option = await rejected(update(made.id, { shippingOptionKey: 'shr_01jzzzzzzzzzzzzzzzzzzzzzzz' }));
      assert.deepEqual([option.status, option.code], [422, 'shipping_option_unavailable']);
      await assert.rejects(
        update(made.id, {
          lines: [
            { variantId: eu.book.variantIds[0]!, quantity: 1 },
            { variantId: eu.book.variantIds[0]!, quantity: 2 },
          ],
        }),
        (err: unknown) => err instanceof ZodError && err.issues[0]?.path.join('.') === 'lines.1.variantId',
      );

      const after = await getDraftOrder(database.db, eu.store, made.id);
      assert.deepEqual(
        [after.lines, after.note, after.discountCodes, after.shippingOptionKey],
        [before.lines, before.note, before.discountCodes, before.shippingOptionKey],
      );
      assert.deepEqual(await auditActions(made.id), ['draft_order.created by Grace at the phone']);
    });

    test('lines keep their place; quantities change; a new address country moves the market and drops the option', async () => {
      const made = await create(phoneOrder('emil@example.com'));
      const changed = await update(made.id, {
        lines: [
          { variantId: eu.book.variantIds[0]!, quantity: 3 },
          { variantId: eu.shirt.variantIds[0]!, quantity: 2 },
        ],
      });
      assert.deepEqual(
        changed.lines.map((l) => [l.variantId, l.quantity]),
        [
          [eu.shirt.variantIds[0]!, 2],
          [eu.book.variantIds[0]!, 3],
        ],
      );
      assert.equal(changed.lines[0]!.id, made.lines[0]!.id, 'the shirt line is the same line');
      const moved = await update(made.id, {
        shippingAddress: { ...germanAddress, country: 'AT', postalCode: '1010', city: 'Wien' },
      });
      assert.equal(moved.shippingOptionKey, null);
      assert.equal(moved.priced?.country, 'AT');
      assert.ok(moved.missing.includes('purchasable') || moved.missing.includes('shipping'));
    });

    test('the shopper’s cart functions cannot change a draft', async () => {
      const made = await create(phoneOrder('fay@example.com'));
      const err = await rejected(
        addCartLine(database.db, eu.store.id, made.id, { variantId: eu.book.variantIds[0]!, quantity: 5 }),
      );
      assert.deepEqual([err.status, err.code], [409, 'draft_order_locked']);
      assert.deepEqual(
        (await getDraftOrder(database.db, eu.store, made.id)).lines.map((l) => l.quantity),
        [2, 1],
      );
    });

    test('names count up and never come back; deleted drafts are gone from reads and lists', async () => {
      const one = await create({});
      const two = await create({ customer: { email: 'gus@example.com' } });
      assert.equal(Number(two.name.slice(1)), Number(one.name.slice(1)) + 1);
      await database.db.transaction((tx) => deleteDraftOrder(tx, eu.store.id, staff, two.id));
      const three = await create({});
      assert.equal(Number(three.name.slice(1)), Number(two.name.slice(1)) + 1);
      const gone = await rejected(getDraftOrder(database.db, eu.store, two.id));
      assert.equal(gone.status, 404);
      const deletedAgain = await rejected(
        database.db.transaction((tx) => deleteDraftOrder(tx, eu.store.id, staff, two.id)),
      );
      assert.equal(deletedAgain.status, 404);
      assert.deepEqual(await eventTypes(two.id), ['draft_order.created', 'draft_order.deleted']);

      const all = await listDraftOrders(database.db, eu.store, { limit: 100 });
      assert.ok(!all.items.some((d) => d.id === two.id));
      assert.ok(all.items.some((d) => d.id === three.id && d.status === 'open' && d.total === 0));
      const found = await listDraftOrders(database.db, eu.store, { q: two.name });
      assert.equal(found.total, 0);
      const completed = await listDraftOrders(database.db, eu.store, { status: 'completed' });
      assert.ok(completed.items.length >= 2);
      assert.ok(completed.items.every((d) => d.status === 'completed' && d.order !== null && d.total! > 0));
      const sent = await listDraftOrders(database.db, eu.store, { status: 'invoice_sent' });
      assert.deepEqual(
        sent.items.map((d) => d.email),
        ['cleo@example.com'],
      );
    });

    test('a store’s drafts are its own', async () => {
      const made = await create({});
      const other: Store = await makeStore(database, `drafts-third-${process.pid}`, 'EUR');
      const err = await rejected(getDraftOrder(database.db, other, made.id));
      assert.equal(err.status, 404);
      const edit = await rejected(
        database.db.transaction((tx) => updateDraftOrder(tx, other.id, staff, made.id, { note: 'x' })),
      );
      assert.equal(edit.status, 404);
    });
  });
}
