import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { recordMovements, verifyInventory } from '../inventory/index.ts';
import { makeVariants } from '../inventory/testing/inventory-fixtures.ts';
import { paymentsOfOrder } from '../payments/index.ts';
import { closeReturnWithoutRefund, closeReturnWithRefund } from './close-return.ts';
import { closeReturnWithExchange } from './exchange-return.ts';
import { fulfilOrder } from './fulfil-order.ts';
import { getOrder } from './order-read.ts';
import { updateOrderSettings } from './order-settings.ts';
import { receiveReturn } from './receive-return.ts';
import { requestReturn, requestReturnByToken } from './request-return.ts';
import { approveReturn, cancelReturn, rejectReturn } from './return-decisions.ts';
import { returnableLines } from './returnable-lines.ts';
import { orderTestActor as actor, type PlacedTestOrder, placeTestOrder } from './testing/order-fixtures.ts';
import { appError, orderEventsOfType, stockLevel } from './testing/order-test-reads.ts';

const staff = { type: 'user', id: 'usr_returns_test', label: 'Rita (staff)' } as const;

for (const target of testDatabaseTargets()) {
  describe(`returns on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'return-shop');
      await database.db.transaction((tx) =>
        updateOrderSettings(tx, store.id, actor, {
          returnWindowDays: 30,
          returnInstructions: 'Send it to 4 Rue du Port, Nantes.',
        }),
      );
    });
    after(async () => {
      await database.close();
    });
    const tx = <T>(work: (tx: Database['db']) => Promise<T>) => database.db.transaction(work);

    /** A placed order with every unit shipped in one parcel (from the order's location). */
    async function shippedOrder(
      quantities: number[],
      options: { ship?: number[] } = {},
    ): Promise<PlacedTestOrder & { lineIds: string[] }> {
      const placed = await placeTestOrder(database, store, { quantities });
      const { lines } = await getOrder(database.db, store.id, placed.order.id);
      const ship = options.ship ?? quantities;
      await tx((t) =>
        fulfilOrder(t, store.id, actor, placed.order.id, {
          lines: lines.flatMap((l, i) => (ship[i]! > 0 ? [{ orderLineId: l.id, quantity: ship[i]! }] : [])),
          notifyCustomer: false,
        }),
      );
      return { ...placed, lineIds: lines.map((l) => l.id) };
    }
    const returnRows = async (orderId: string) =>
      database.execute<{ id: string }>('select id from order_returns where order_id = $1', [orderId]);
    const movementsOf = (returnId: string) =>
      database.execute<{ kind: string; quantity: number; variant_id: string; location_id: string }>(
        "select kind, quantity, variant_id, location_id from inventory_movements where reference_type = 'return' and reference_id = $1",
        [returnId],
      );

    test('the customer asks for a return by the order token within the window: requested, on the timeline, mailed, not audited', async () => {
      const { order, lineIds } = await shippedOrder([2, 1]);
      const asked = await tx((t) =>
        requestReturnByToken(t, store.id, order.token, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 1, reason: 'too_small' }],
          comment: 'A size up, please.',
        }),
      );
      assert.equal(asked.status, 'requested');
      assert.equal(asked.requestedBy, 'customer');
      assert.equal(asked.customerComment, 'A size up, please.');
      assert.deepEqual(
        asked.lines.map((l) => [l.orderLineId, l.quantity, l.reason]),
        [[lineIds[0], 1, 'too_small']],
      );
      const [event] = await orderEventsOfType(database, order.id, 'return.requested');
      const mail = event!.mail as {
        to: string;
        variables: { orderName: string; return: { number: string; lines: unknown[] } };
      };
      assert.equal(mail.to, 'ada@example.com');
      assert.equal(mail.variables.return.number, `#${order.number}-R1`);
      assert.deepEqual(mail.variables.return.lines, [
        {
          title: 'Test product 1',
          variant_title: null,
          sku: null,
          quantity: 1,
          reason: 'too_small',
          reason_label: 'Too small',
        },
      ]);
      const detail = await getOrder(database.db, store.id, order.id);
      assert.ok(
        detail.events.some(
          (e) => e.kind === 'return' && e.message.startsWith('Return requested by the customer'),
        ),
      );
      const audits = await database.execute('select 1 from audit_log where entity_id = $1', [asked.id]);
      assert.equal(audits.length, 0, 'a customer is not staff: nothing to audit');

      const returnable = await returnableLines(database.db, store.id, order.id);
      assert.deepEqual(
        returnable.lines.map((l) => [l.returnableQuantity, l.inReturns, l.window.open]),
        [
          [1, 1, true],
          [1, 0, true],
        ],
      );

      await assert.rejects(
        tx((t) =>
          requestReturnByToken(t, store.id, 'not-a-token', {
            lines: [{ orderLineId: lineIds[1]!, quantity: 1, reason: 'other' }],
          }),
        ),
        appError('not_found', 404),
      );
    });

    test('only shipped units not already in a live return can be asked for (409 return_quantity_exceeded)', async () => {
      const { order, lineIds } = await shippedOrder([3, 2], { ship: [2, 0] });
      const ask = (orderLineId: string, quantity: number) =>
        tx((t) =>
          requestReturn(t, store.id, staff, order.id, {
            lines: [{ orderLineId, quantity, reason: 'damaged' }],
            requestedBy: 'staff',
          }),
        );
      await assert.rejects(ask(lineIds[0]!, 3), (err: unknown) => {
        appError('return_quantity_exceeded', 409)(err);
        assert.deepEqual((err as { details: unknown }).details, {
          path: 'lines.0.quantity',
          orderLineId: lineIds[0],
          returnable: 2,
        });
        return true;
      });
      await assert.rejects(
        ask(lineIds[1]!, 1),
        appError('return_quantity_exceeded', 409),
        'nothing of the second line shipped',
      );
      const first = await ask(lineIds[0]!, 2);
      await assert.rejects(
        ask(lineIds[0]!, 1),
        appError('return_quantity_exceeded', 409),
        'both shipped units are in a return',
      );
      const audit = await database.execute<{ action: string; actor_label: string }>(
        'select action, actor_label from audit_log where entity_id = $1',
        [first.id],
      );
      assert.deepEqual(audit, [{ action: 'return.requested', actor_label: 'Rita (staff)' }]);
      await assert.rejects(
        tx((t) =>
          requestReturn(t, store.id, staff, order.id, {
            lines: [
              { orderLineId: lineIds[0]!, quantity: 1, reason: 'damaged' },
              { orderLineId: lineIds[0]!, quantity: 1, reason: 'other' },
            ],
            requestedBy: 'staff',
          }),
        ),
        appError('duplicate_line', 422),
      );
      await assert.rejects(
        tx((t) =>
          requestReturn(t, store.id, staff, order.id, {
            lines: [{ orderLineId: 'ordl_nope', quantity: 1, reason: 'damaged' }],
            requestedBy: 'staff',
          }),
        ),
        appError('unknown_order_line', 422),
      );
      // Cancelling frees the units again.
      await tx((t) => cancelReturn(t, store.id, staff, order.id, first.id));
      assert.equal((await ask(lineIds[0]!, 2)).status, 'requested');
    });

    test('the window counts from delivery (else shipping); after it the customer is refused with the last day, staff may override', async () => {
      const { order, lineIds } = await shippedOrder([1]);
      await database.execute(
        "update fulfilments set shipped_at = now() - interval '40 days' where order_id = $1",
        [order.id],
      );
      const returnable = await returnableLines(database.db, store.id, order.id);
      const { lastDay } = returnable.lines[0]!.window;
      assert.equal(returnable.lines[0]!.window.open, false);
      const shipped = (
        await database.execute<{ day: string }>(
          "select to_char(shipped_at at time zone 'UTC' + interval '30 days', 'YYYY-MM-DD') as day from fulfilments where order_id = $1",
          [order.id],
        )
      )[0]!.day;
      assert.equal(lastDay, shipped, 'the window ends 30 days after the day it was shipped');
      const line = [{ orderLineId: lineIds[0]!, quantity: 1, reason: 'changed_mind' as const }];
      await assert.rejects(
        tx((t) => requestReturnByToken(t, store.id, order.token, { lines: line })),
        (err: unknown) => {
          appError('return_window_closed', 422)(err);
          assert.equal((err as { details: { lastDay: string } }).details.lastDay, lastDay);
          return true;
        },
      );
      await assert.rejects(
        tx((t) => requestReturn(t, store.id, staff, order.id, { lines: line, requestedBy: 'staff' })),
        appError('return_window_closed', 422),
      );
      // Delivered five days ago: the window counts from the delivery and is open again.
      await database.execute(
        "update fulfilments set status = 'delivered', delivered_at = now() - interval '5 days' where order_id = $1",
        [order.id],
      );
      assert.equal((await returnableLines(database.db, store.id, order.id)).lines[0]!.window.open, true);
      await database.execute(
        "update fulfilments set delivered_at = now() - interval '31 days' where order_id = $1",
        [order.id],
      );
      const overridden = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, {
          lines: line,
          requestedBy: 'staff',
          ignoreWindow: true,
        }),
      );
      assert.equal(overridden.status, 'requested');
    });

    test('approve mails the instructions and reopens a completed order; reject mails the reason; illegal moves are 409', async () => {
      const { order, lineIds } = await shippedOrder([2]);
      assert.equal((await getOrder(database.db, store.id, order.id)).status, 'completed');
      const line = [{ orderLineId: lineIds[0]!, quantity: 1, reason: 'defective' as const }];
      const one = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, { lines: line, requestedBy: 'staff' }),
      );
      const two = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, { lines: line, requestedBy: 'staff' }),
      );

      const approved = await tx((t) => approveReturn(t, store.id, staff, order.id, one.id, { note: 'OK' }));
      assert.equal(approved.status, 'approved');
      assert.ok(approved.approvedAt);
      const [approvedEvent] = await orderEventsOfType(database, order.id, 'return.approved');
      const approvedMail = approvedEvent!.mail as {
        variables: { return: { instructions: string; number: string } };
      };
      assert.equal(approvedMail.variables.return.instructions, 'Send it to 4 Rue du Port, Nantes.');
      assert.equal(approvedMail.variables.return.number, `#${order.number}-R1`);
      assert.equal(
        (await getOrder(database.db, store.id, order.id)).status,
        'open',
        'a return reopens a completed order',
      );

      const rejected = await tx((t) =>
        rejectReturn(t, store.id, staff, order.id, two.id, { reason: 'Worn items cannot be returned.' }),
      );
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.rejectReason, 'Worn items cannot be returned.');
      const [rejectedEvent] = await orderEventsOfType(database, order.id, 'return.rejected');
      assert.equal(
        (rejectedEvent!.mail as { variables: { return: { note: string; number: string } } }).variables.return
          .note,
        'Worn items cannot be returned.',
      );

      const illegal = (from: string, to: string) => (err: unknown) => {
        appError('illegal_transition', 409)(err);
        assert.deepEqual((err as { details: unknown }).details, { machine: 'return', from, to });
        return true;
      };
      await assert.rejects(
        tx((t) => approveReturn(t, store.id, staff, order.id, two.id)),
        illegal('rejected', 'approved'),
      );
      await assert.rejects(
        tx((t) => cancelReturn(t, store.id, staff, order.id, two.id)),
        illegal('rejected', 'cancelled'),
      );
      await assert.rejects(
        tx((t) => rejectReturn(t, store.id, staff, order.id, one.id, { reason: 'x' })),
        illegal('approved', 'rejected'),
      );
      await assert.rejects(
        tx((t) => closeReturnWithoutRefund(t, store.id, staff, order.id, one.id)),
        illegal('approved', 'closed'),
      );
      const three = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, { lines: line, requestedBy: 'staff' }),
      );
      await assert.rejects(
        tx((t) =>
          receiveReturn(t, store.id, staff, order.id, three.id, {
            lines: [{ orderLineId: lineIds[0]!, quantity: 1, disposition: 'restock' }],
          }),
        ),
        illegal('requested', 'received'),
      );
      const cancelled = await tx((t) => cancelReturn(t, store.id, staff, order.id, one.id));
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await orderEventsOfType(database, order.id, 'return.cancelled')).length, 1);
      await assert.rejects(
        tx((t) => approveReturn(t, store.id, staff, 'ord_other', three.id)),
        appError('not_found', 404),
      );
    });

    test('return restock moves stock through the ledger; write-offs move none; partial receipts, then received', async () => {
      const { order, lineIds, variantIds, location } = await shippedOrder([2, 1]);
      const before = await Promise.all(variantIds.map((v) => stockLevel(database, v, location.id)));
      const asked = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, {
          lines: [
            { orderLineId: lineIds[0]!, quantity: 2, reason: 'too_large' },
            { orderLineId: lineIds[1]!, quantity: 1, reason: 'damaged' },
          ],
          requestedBy: 'staff',
        }),
      );
      await tx((t) => approveReturn(t, store.id, staff, order.id, asked.id));

      const partial = await tx((t) =>
        receiveReturn(t, store.id, staff, order.id, asked.id, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 1, disposition: 'restock' }],
        }),
      );
      assert.equal(partial.status, 'approved', 'one of three units back: still expected');
      assert.deepEqual(await movementsOf(asked.id), [
        { kind: 'return', quantity: 1, variant_id: variantIds[0], location_id: location.id },
      ]);
      assert.equal((await stockLevel(database, variantIds[0]!, location.id)).onHand, before[0]!.onHand + 1);

      await assert.rejects(
        tx((t) =>
          receiveReturn(t, store.id, staff, order.id, asked.id, {
            lines: [{ orderLineId: lineIds[0]!, quantity: 2, disposition: 'restock' }],
          }),
        ),
        appError('receive_quantity_exceeded', 409),
      );
      await assert.rejects(
        tx((t) =>
          receiveReturn(t, store.id, staff, order.id, asked.id, {
            lines: [{ orderLineId: lineIds[0]!, quantity: 1, disposition: 'write_off' }],
          }),
        ),
        appError('return_disposition_mismatch', 409),
      );
      await assert.rejects(
        tx((t) =>
          receiveReturn(t, store.id, staff, order.id, asked.id, {
            lines: [
              { orderLineId: lineIds[0]!, quantity: 1, disposition: 'restock', locationId: 'loc_nowhere' },
            ],
          }),
        ),
        appError('unknown_location', 422),
      );
      await assert.rejects(
        tx((t) => cancelReturn(t, store.id, staff, order.id, asked.id)),
        appError('return_partially_received', 409),
      );

      const received = await tx((t) =>
        receiveReturn(t, store.id, staff, order.id, asked.id, {
          lines: [
            { orderLineId: lineIds[0]!, quantity: 1, disposition: 'restock', locationId: location.id },
            { orderLineId: lineIds[1]!, quantity: 1, disposition: 'write_off' },
          ],
        }),
      );
      assert.equal(received.status, 'received');
      assert.ok(received.receivedAt);
      assert.deepEqual(
        received.lines.map((l) => [l.orderLineId, l.receivedQuantity, l.disposition]).sort(),
        [
          [lineIds[0], 2, 'restock'],
          [lineIds[1], 1, 'write_off'],
        ].sort(),
      );
      const movements = await movementsOf(asked.id);
      assert.deepEqual(
        movements.map((m) => [m.kind, m.variant_id, Number(m.quantity)]),
        [
          ['return', variantIds[0], 1],
          ['return', variantIds[0], 1],
        ],
        'the written-off unit never re-enters stock',
      );
      assert.equal((await stockLevel(database, variantIds[0]!, location.id)).onHand, before[0]!.onHand + 2);
      assert.equal((await stockLevel(database, variantIds[1]!, location.id)).onHand, before[1]!.onHand);
      const lines = (await getOrder(database.db, store.id, order.id)).lines;
      assert.deepEqual(
        lines.map((l) => l.returnedQuantity),
        [2, 1],
      );
      const receipts = await orderEventsOfType(database, order.id, 'return.received');
      assert.deepEqual(
        receipts.map((e) => e.complete),
        [false, true],
      );
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
    });

    test('closing with a refund gives back the returned units (already restocked), never above what was captured', async () => {
      const { order, lineIds, variantIds, location } = await shippedOrder([2, 1]);
      const asked = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 2, reason: 'not_as_described' }],
          requestedBy: 'staff',
        }),
      );
      await tx((t) => approveReturn(t, store.id, staff, order.id, asked.id));
      await tx((t) =>
        receiveReturn(t, store.id, staff, order.id, asked.id, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 2, disposition: 'restock' }],
        }),
      );
      const onHand = (await stockLevel(database, variantIds[0]!, location.id)).onHand;
      // Captured: 2 × 1000 + 1000 + 500 shipping = 3500; the units are 2000, so 1600 more is too much.
      await assert.rejects(
        tx((t) => closeReturnWithRefund(t, store.id, staff, order.id, asked.id, { extraAmount: 1600 })),
        appError('refund_exceeds_captured', 409),
      );
      assert.equal((await returnRows(order.id)).length, 1);
      const { orderReturn, refund } = await tx((t) =>
        closeReturnWithRefund(t, store.id, staff, order.id, asked.id, { shipping: { amount: 500 } }),
      );
      assert.equal(refund.amount, 2500);
      assert.equal(refund.returnId, asked.id);
      assert.equal(orderReturn.status, 'closed');
      assert.equal(orderReturn.resolution, 'refund');
      assert.equal(orderReturn.refundId, refund.id);
      assert.equal(
        (await stockLevel(database, variantIds[0]!, location.id)).onHand,
        onHand,
        'no second restock',
      );
      const detail = await getOrder(database.db, store.id, order.id);
      assert.equal(detail.refundedAmount, 2500);
      assert.equal(detail.financialStatus, 'partially_refunded');
      assert.equal(detail.status, 'completed', 'nothing is under way any more');
      const [payment] = await paymentsOfOrder(database.db, store.id, order.id);
      assert.equal(payment!.refundedAmount, 2500);
      assert.deepEqual(
        (await orderEventsOfType(database, order.id, 'return.closed')).map((e) => [e.resolution, e.refundId]),
        [['refund', refund.id]],
      );
    });

    test('an exchange makes a new order for the replacements: returned units cost nothing, extra units are a manual payment', async () => {
      const { order, lineIds, location } = await shippedOrder([1]);
      const [larger] = await makeVariants(database, store, 1);
      await tx((t) =>
        recordMovements(t, store.id, actor, [
          { variantId: larger!, locationId: location.id, kind: 'receive', quantity: 5 },
        ]),
      );
      const asked = await tx((t) =>
        requestReturn(t, store.id, staff, order.id, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 1, reason: 'too_small' }],
          requestedBy: 'staff',
        }),
      );
      await tx((t) => approveReturn(t, store.id, staff, order.id, asked.id));
      await assert.rejects(
        tx((t) =>
          closeReturnWithExchange(t, store.id, staff, order.id, asked.id, {
            lines: [{ orderLineId: lineIds[0]!, variantId: larger!, quantity: 1 }],
          }),
        ),
        appError('illegal_transition', 409),
      );
      await tx((t) =>
        receiveReturn(t, store.id, staff, order.id, asked.id, {
          lines: [{ orderLineId: lineIds[0]!, quantity: 1, disposition: 'restock' }],
        }),
      );
      await assert.rejects(
        tx((t) =>
          closeReturnWithExchange(t, store.id, staff, order.id, asked.id, {
            lines: [{ orderLineId: lineIds[0]!, variantId: 'var_nope', quantity: 1 }],
          }),
        ),
        appError('unknown_variant', 422),
      );
      const { orderReturn, exchangeOrder } = await tx((t) =>
        closeReturnWithExchange(t, store.id, staff, order.id, asked.id, {
          lines: [{ orderLineId: lineIds[0]!, variantId: larger!, quantity: 1 }],
        }),
      );
      assert.equal(orderReturn.status, 'closed');
      assert.equal(orderReturn.resolution, 'exchange');
      assert.equal(orderReturn.exchangeOrderId, exchangeOrder.id);
      const exchange = await getOrder(database.db, store.id, exchangeOrder.id);
      assert.equal(exchange.source, 'admin');
      assert.equal(exchange.email, order.email);
      assert.deepEqual(exchange.shippingAddress, order.shippingAddress);
      assert.ok(exchange.number !== null && exchange.placedAt !== null, 'placed, with a number');
      assert.deepEqual(
        exchange.lines.map((l) => [l.variantId, l.quantity, l.unitAmount, l.discount, l.total]),
        [[larger, 1, 1000, 1000, 0]],
      );
      assert.equal(exchange.total, 0);
      assert.equal(exchange.financialStatus, 'paid', 'nothing to pay');
      assert.equal((await paymentsOfOrder(database.db, store.id, exchange.id)).length, 0);
      assert.deepEqual(
        await stockLevel(database, larger!, location.id),
        { onHand: 4, reserved: 0 },
        'reserved, then sold',
      );
      const sale = await database.execute<{ quantity: number }>(
        "select quantity from inventory_movements where kind = 'sale' and reference_type = 'order' and reference_id = $1",
        [exchange.id],
      );
      assert.deepEqual(
        sale.map((m) => Number(m.quantity)),
        [-1],
      );
      assert.equal(
        (await getOrder(database.db, store.id, order.id)).refundedAmount,
        0,
        'the returned unit is not refunded',
      );
      const shipped = await tx((t) =>
        fulfilOrder(t, store.id, actor, exchange.id, {
          lines: [{ orderLineId: exchange.lines[0]!.id, quantity: 1 }],
          notifyCustomer: false,
        }),
      );
      assert.equal(
        shipped.fulfilment.locationId,
        location.id,
        'the replacement ships from where it was sold',
      );
      assert.equal(shipped.order.status, 'completed', 'shipped and nothing to pay: done');

      // Two replacements for one returned unit: the second is paid for by a manual payment.
      const second = await shippedOrder([1]);
      const asked2 = await tx((t) =>
        requestReturn(t, store.id, staff, second.order.id, {
          lines: [{ orderLineId: second.lineIds[0]!, quantity: 1, reason: 'wrong_item' }],
          requestedBy: 'staff',
        }),
      );
      await tx((t) => approveReturn(t, store.id, staff, second.order.id, asked2.id));
      await tx((t) =>
        receiveReturn(t, store.id, staff, second.order.id, asked2.id, {
          lines: [{ orderLineId: second.lineIds[0]!, quantity: 1, disposition: 'write_off' }],
        }),
      );
      const paid = await tx((t) =>
        closeReturnWithExchange(t, store.id, staff, second.order.id, asked2.id, {
          lines: [{ orderLineId: second.lineIds[0]!, variantId: larger!, quantity: 2 }],
        }),
      );
      const exchange2 = await getOrder(database.db, store.id, paid.exchangeOrder.id);
      assert.equal(exchange2.total, 1000);
      assert.equal(exchange2.financialStatus, 'pending');
      const payments = await paymentsOfOrder(database.db, store.id, exchange2.id);
      assert.deepEqual(
        payments.map((p) => [p.provider, p.state, p.amount]),
        [['manual', 'pending', 1000]],
      );
      assert.deepEqual(await stockLevel(database, larger!, location.id), { onHand: 2, reserved: 0 });
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks, report.stateMismatches], [[], [], []]);
    });
  });
}
