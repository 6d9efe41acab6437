import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { mailMessages } from '../../../platform/mail/schema.ts';
import type { Store } from '../../access/index.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { variantStock } from '../levels.ts';
import { createLocation } from '../locations/locations.ts';
import { inventoryItems } from '../schema.ts';
import { upsertSupplierVariants } from '../suppliers/supplier-variants.ts';
import { type CreateSupplierInput, createSupplier } from '../suppliers/suppliers.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';
import { cancelPurchaseOrder, closePurchaseOrder } from './close.ts';
import { type CreatePurchaseOrderInput, createPurchaseOrder, updatePurchaseOrder } from './draft.ts';
import { orderCsvColumns } from './order-csv.ts';
import { getPurchaseOrder, listPurchaseOrders } from './purchase-order-views.ts';
import { type ReceivePurchaseOrderInput, receivePurchaseOrder } from './receive.ts';
import { sendPurchaseOrder } from './send.ts';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

for (const target of testDatabaseTargets()) {
  describe(`purchase orders on ${target.label}`, () => {
    let database: Database;
    let store: Store;
    let warehouse: { id: string };
    let shop: { id: string };
    let supplierCount = 0;

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'purchasing');
      warehouse = await createLocation(database.db, store.id, {
        name: 'Main warehouse',
        kind: 'warehouse',
        address: { line1: 'Dockweg 4', postalCode: '20457', city: 'Hamburg', country: 'DE' },
      });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail' });
    });
    after(async () => {
      await database.close();
    });

    const ctx = () => ({ store, actor, mailFrom: 'orders@example.test' });
    const tx = <T>(work: (db: Database['db']) => Promise<T>) => database.db.transaction(work);
    const supplier = (input: Partial<CreateSupplierInput> = {}) =>
      tx((db) =>
        createSupplier(db, store.id, actor, {
          name: `Supplier ${++supplierCount}`,
          currency: 'EUR',
          email: 'orders@supplier.example',
          ...input,
        }),
      );
    const create = (input: CreatePurchaseOrderInput) => tx((db) => createPurchaseOrder(db, ctx(), input));
    const send = (id: string) => tx((db) => sendPurchaseOrder(db, ctx(), id));
    const receive = (id: string, input: ReceivePurchaseOrderInput) =>
      tx((db) => receivePurchaseOrder(db, ctx(), id, input));
    const detail = (id: string) => getPurchaseOrder(database.db, store, id);
    const stockOf = async (variantId: string) =>
      (await variantStock(database.db, store.id, [variantId])).get(variantId)!;
    const incomingAt = async (variantId: string, locationId: string) =>
      (await stockOf(variantId)).locations.find((l) => l.locationId === locationId)?.incoming ?? 0;
    const averageCost = async (variantId: string) =>
      (await database.db.select().from(inventoryItems).where(eq(inventoryItems.variantId, variantId)))[0]
        ?.averageCostAmount ?? null;
    const mailOf = async (id: string) =>
      database.db.select().from(mailMessages).where(eq(mailMessages.entityId, id));
    const eventsOf = async (id: string) =>
      resultRows<{ type: string; payload: Record<string, unknown> }>(
        await database.db.execute(
          sql`select type, payload from outbox_events where payload->>'purchaseOrderId' = ${id} order by created_at, id`,
        ),
      );
    const movementCount = async () =>
      Number(
        resultRows<{ n: number }>(
          await database.db.execute(sql`select count(*)::int as n from inventory_movements`),
        )[0]!.n,
      );

    test('lifecycle: draft, sent (PDF by mail), two partial receipts with exact average costs, received', async () => {
      const [a, b] = await makeVariants(database, store, 2);
      const linen = await supplier({ name: 'Linen Mill', contactName: 'Ana', orderFormat: 'pdf' });
      await tx((db) =>
        upsertSupplierVariants(db, store.id, actor, linen.id, {
          items: [
            {
              variantId: a!,
              supplierSku: 'LM-A',
              cost: { amount: 500 },
              packSize: 5,
              minimumOrderQuantity: 10,
            },
            { variantId: b!, supplierSku: 'LM-B', cost: { amount: 1200 } },
          ],
        }),
      );
      // Stock bought before, of unknown cost, in the shop.
      await tx((db) =>
        recordMovements(db, store.id, actor, [
          { variantId: a!, locationId: shop.id, kind: 'adjustment', reason: 'found', quantity: 4 },
        ]),
      );

      const draft = await create({
        supplierId: linen.id,
        locationId: warehouse.id,
        expectedOn: '2030-01-15',
        lines: [
          { variantId: a!, quantity: 20 },
          { variantId: b!, quantity: 3, unitCost: { amount: 1150 } },
        ],
      });
      let po = await detail(draft.id);
      assert.equal(po.state, 'draft');
      assert.match(po.label, /^PO-\d{4,}$/);
      assert.equal(po.currency, 'EUR');
      assert.equal(po.exchangeRate, 1);
      assert.deepEqual(
        po.lines.map((l) => [l.variantId, l.supplierSku, l.quantityOrdered, l.unitCost.amount]),
        [
          [a, 'LM-A', 20, 500],
          [b, 'LM-B', 3, 1150],
        ],
      );
      assert.deepEqual(po.total, { amount: 20 * 500 + 3 * 1150, currency: 'EUR' });
      assert.equal(await incomingAt(a!, warehouse.id), 0, 'a draft is not incoming stock');

      const { mailMessageId } = await send(draft.id);
      po = await detail(draft.id);
      assert.equal(po.state, 'sent');
      assert.ok(po.sentAt);
      assert.equal(await incomingAt(a!, warehouse.id), 20);
      assert.equal(await incomingAt(b!, warehouse.id), 3);
      const [mail] = await mailOf(draft.id);
      assert.equal(mail!.id, mailMessageId);
      assert.equal(mail!.state, 'queued');
      assert.deepEqual(mail!.toAddresses, ['orders@supplier.example']);
      assert.equal(mail!.fromAddress, '"Store purchasing" <orders@example.test>');
      assert.match(mail!.subject, new RegExp(`Purchase order ${po.label} from Store purchasing`));
      assert.match(mail!.text, /Hello Ana/);
      assert.match(mail!.text, /Dockweg 4/);
      assert.deepEqual(
        mail!.attachments.map((x) => [x.filename, x.contentType]),
        [[`${po.label}.pdf`, 'application/pdf']],
      );
      const pdf = Buffer.from(mail!.attachments[0]!.content, 'base64');
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdf.includes(`Purchase order ${po.label}`), 'the PDF is titled with the order number');
      assert.deepEqual(
        po.mail.map((m) => m.id),
        [mailMessageId],
      );

      // First receipt: 10 of A at the order's cost; nothing priced before, so the receipt's cost is the average.
      const first = await receive(draft.id, {
        lines: [
          { variantId: a!, quantity: 10 },
          { variantId: b!, quantity: 1 },
        ],
        note: 'First pallet',
      });
      assert.equal(first.order.state, 'partially_received');
      assert.deepEqual(
        first.movements.map((m) => [
          m.variantId,
          m.locationId,
          m.kind,
          m.quantity,
          m.unitCostAmount,
          m.referenceType,
          m.referenceId,
        ]),
        [
          [a, warehouse.id, 'receive', 10, 500, 'purchase_order', draft.id],
          [b, warehouse.id, 'receive', 1, 1150, 'purchase_order', draft.id],
        ],
      );
      assert.equal(await averageCost(a!), 500);
      assert.equal(await averageCost(b!), 1150);
      assert.equal(await incomingAt(a!, warehouse.id), 10);

      // Second receipt at a higher price: (14 × 500 + 10 × 530) / 24 = 512.5 → 513 (half up).
      const lineA = po.lines[0]!.id;
      const second = await receive(draft.id, {
        lines: [
          { lineId: lineA, quantity: 10, unitCost: { amount: 530 } },
          { variantId: b!, quantity: 2 },
        ],
      });
      assert.equal(second.order.state, 'received');
      assert.ok(second.order.closedAt);
      assert.deepEqual(second.averageCosts, [
        { variantId: a, before: 500, after: 513 },
        { variantId: b, before: 1150, after: 1150 },
      ]);
      assert.equal(await averageCost(a!), 513);

      po = await detail(draft.id);
      assert.deepEqual(
        po.lines.map((l) => [l.quantityReceived, l.quantityOpen]),
        [
          [20, 0],
          [3, 0],
        ],
      );
      assert.deepEqual(
        po.receipts.map((r) => [r.lineId, r.quantity, r.unitCost?.amount]),
        [
          [lineA, 10, 500],
          [po.lines[1]!.id, 1, 1150],
          [lineA, 10, 530],
          [po.lines[1]!.id, 2, 1150],
        ],
      );
      assert.equal(po.receipts[0]!.note, 'First pallet');
      const stock = await stockOf(a!);
      assert.equal(stock.locations.find((l) => l.locationId === warehouse.id)?.onHand, 20);
      assert.equal(stock.onHand, 24);
      assert.equal(stock.incoming, 0, 'a received order is no longer incoming');
      assert.deepEqual(
        (await eventsOf(draft.id)).map((e) => [e.type, e.payload.closedShort ?? null]),
        [
          ['purchase_order.sent', null],
          ['purchase_order.received', false],
        ],
      );
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
    });

    test("an order in another currency needs a rate; receipts cost the store's currency", async () => {
      const [v] = await makeVariants(database, store, 1);
      const usd = await supplier({ currency: 'usd', orderFormat: 'csv' });
      assert.equal(usd.currency, 'USD');
      const lines = [{ variantId: v!, quantity: 4, unitCost: { amount: 1055 } }];
      const missing = await failure(create({ supplierId: usd.id, locationId: warehouse.id, lines }));
      assert.deepEqual([missing.status, missing.code], [422, 'exchange_rate_required']);
      const eur = await supplier();
      const pointless = await failure(
        create({ supplierId: eur.id, locationId: warehouse.id, exchangeRate: 1.2, lines }),
      );
      assert.equal(pointless.code, 'exchange_rate_not_applicable');

      const order = await create({ supplierId: usd.id, locationId: warehouse.id, exchangeRate: 0.9, lines });
      assert.equal((await detail(order.id)).currency, 'USD');
      await send(order.id);
      const { movements } = await receive(order.id, { lines: [{ variantId: v!, quantity: 4 }] });
      // 10.55 USD × 0.9 = 9.495 EUR → 950 cents (half up).
      assert.equal(movements[0]!.unitCostAmount, 950);
      assert.equal(await averageCost(v!), 950);
    });

    test('a CSV supplier gets the order as CSV that reads back line by line', async () => {
      const [a, b] = await makeVariants(database, store, 2, { title: 'Waffle "Towel", large' });
      const csvSupplier = await supplier({ orderFormat: 'csv' });
      await tx((db) =>
        upsertSupplierVariants(db, store.id, actor, csvSupplier.id, {
          items: [{ variantId: a!, supplierSku: 'WT-1', cost: { amount: 1999 } }],
        }),
      );
      const order = await create({
        supplierId: csvSupplier.id,
        locationId: warehouse.id,
        lines: [
          { variantId: a!, quantity: 7 },
          { variantId: b!, quantity: 2, unitCost: { amount: 5 }, supplierSku: 'WT-2' },
        ],
      });
      await send(order.id);
      const label = (await detail(order.id)).label;
      const [mail] = await mailOf(order.id);
      assert.deepEqual(
        mail!.attachments.map((x) => [x.filename, x.contentType]),
        [[`${label}.csv`, 'text/csv']],
      );
      const rows: string[][] = parse(Buffer.from(mail!.attachments[0]!.content, 'base64'));
      assert.deepEqual(rows[0], [...orderCsvColumns]);
      assert.deepEqual(
        rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8]]),
        [
          [label, '1', 'WT-1', 'Waffle "Towel", large – S1', '7', '19.99', '139.93', 'EUR'],
          [label, '2', 'WT-2', 'Waffle "Towel", large – S2', '2', '0.05', '0.10', 'EUR'],
        ],
      );
    });

    test('sending needs a supplier e-mail, lines and the supplier minimum; a refused send changes nothing', async () => {
      const [v] = await makeVariants(database, store, 1);
      const silent = await supplier({ email: null, minimumOrderQuantity: 10 });
      const order = await create({
        supplierId: silent.id,
        locationId: warehouse.id,
        lines: [{ variantId: v!, quantity: 4, unitCost: { amount: 100 } }],
      });
      const noEmail = await failure(send(order.id));
      assert.deepEqual([noEmail.status, noEmail.code], [422, 'supplier_email_missing']);
      assert.equal((await detail(order.id)).state, 'draft');
      assert.equal((await mailOf(order.id)).length, 0);

      const withEmail = await supplier({ minimumOrderQuantity: 10 });
      const small = await create({
        supplierId: withEmail.id,
        locationId: warehouse.id,
        lines: [{ variantId: v!, quantity: 4, unitCost: { amount: 100 } }],
      });
      const below = await failure(send(small.id));
      assert.deepEqual(
        [below.code, below.details],
        ['below_supplier_minimum', { path: 'lines', minimumOrderQuantity: 10, units: 4 }],
      );
      const empty = await create({ supplierId: withEmail.id, locationId: warehouse.id });
      assert.equal((await failure(send(empty.id))).code, 'purchase_order_empty');
      assert.equal((await mailOf(small.id)).length + (await mailOf(empty.id)).length, 0);
    });

    test('lines are checked against the catalog and the supplier terms, with the path of the line at fault', async () => {
      const [v, w] = await makeVariants(database, store, 2);
      const packs = await supplier();
      await tx((db) =>
        upsertSupplierVariants(db, store.id, actor, packs.id, {
          items: [{ variantId: v!, cost: { amount: 300 }, packSize: 6, minimumOrderQuantity: 12 }],
        }),
      );
      const otherStore = await makeStore(database, 'not-purchasing');
      const [foreign] = await makeVariants(database, otherStore, 1);
      const base = { supplierId: packs.id, locationId: warehouse.id };
      const cases: [string, CreatePurchaseOrderInput, number, string, Record<string, unknown>][] = [
        [
          'not a pack multiple',
          { ...base, lines: [{ variantId: v!, quantity: 13 }] },
          422,
          'not_pack_multiple',
          { path: 'lines.0.quantity', packSize: 6, suggestedQuantity: 18 },
        ],
        [
          'below the minimum',
          { ...base, lines: [{ variantId: v!, quantity: 6 }] },
          422,
          'below_minimum_order_quantity',
          { path: 'lines.0.quantity', minimumOrderQuantity: 12, suggestedQuantity: 12 },
        ],
        [
          'unknown variant',
          {
            ...base,
            lines: [
              { variantId: v!, quantity: 12 },
              { variantId: foreign!, quantity: 1, unitCost: { amount: 1 } },
            ],
          },
          422,
          'unknown_variant',
          { path: 'lines.1.variantId' },
        ],
        [
          'listed twice',
          {
            ...base,
            lines: [
              { variantId: v!, quantity: 12 },
              { variantId: v!, quantity: 12 },
            ],
          },
          422,
          'duplicate_variant',
          { path: 'lines.1.variantId' },
        ],
        [
          'no price known',
          { ...base, lines: [{ variantId: w!, quantity: 1 }] },
          422,
          'unit_cost_required',
          { path: 'lines.0.unitCost' },
        ],
        [
          'unknown location',
          { ...base, locationId: 'loc_01jzzzzzzzzzzzzzzzzzzzzzzz', lines: [] },
          422,
          'unknown_location',
          { path: 'locationId' },
        ],
        [
          'unknown supplier',
          { ...base, supplierId: 'sup_01jzzzzzzzzzzzzzzzzzzzzzzz' },
          422,
          'unknown_supplier',
          { path: 'supplierId' },
        ],
      ];
      const before = await listPurchaseOrders(database.db, store.id, {});
      for (const [label, input, status, code, details] of cases) {
        const err = await failure(create(input));
        assert.deepEqual([err.status, err.code], [status, code], label);
        for (const [key, value] of Object.entries(details)) {
          assert.deepEqual((err.details as Record<string, unknown>)[key], value, `${label}: ${key}`);
        }
      }
      assert.equal(
        (await listPurchaseOrders(database.db, store.id, {})).total,
        before.total,
        'nothing written',
      );
      const ok = await create({ ...base, lines: [{ variantId: v!, quantity: 18 }] });
      assert.equal((await detail(ok.id)).lines[0]!.unitCost.amount, 300);
    });

    test('cancel: a draft or a sent order; with receipts only closing short; closed orders stay closed', async () => {
      const [v] = await makeVariants(database, store, 1);
      const s = await supplier();
      const lines = [{ variantId: v!, quantity: 10, unitCost: { amount: 250 } }];
      const draft = await create({ supplierId: s.id, locationId: warehouse.id, lines });
      assert.equal(
        (await tx((db) => cancelPurchaseOrder(db, ctx(), draft.id, { reason: 'duplicate' }))).state,
        'cancelled',
      );
      assert.match((await detail(draft.id)).note ?? '', /Cancelled: duplicate/);
      assert.equal((await failure(send(draft.id))).code, 'purchase_order_closed');

      const sent = await create({ supplierId: s.id, locationId: warehouse.id, lines });
      const notSent = await failure(receive(sent.id, { lines: [{ variantId: v!, quantity: 1 }] }));
      assert.deepEqual([notSent.status, notSent.code], [409, 'purchase_order_not_sent']);
      await send(sent.id);
      assert.equal(await incomingAt(v!, warehouse.id), 10);
      const editLines = await failure(tx((db) => updatePurchaseOrder(db, ctx(), sent.id, { lines })));
      assert.deepEqual([editLines.status, editLines.code], [409, 'purchase_order_not_draft']);
      await tx((db) =>
        updatePurchaseOrder(db, ctx(), sent.id, { expectedOn: '2031-02-03', note: 'Confirmed by phone' }),
      );
      assert.equal((await detail(sent.id)).expectedOn, '2031-02-03');
      const closeSent = await failure(tx((db) => closePurchaseOrder(db, ctx(), sent.id, { note: 'x' })));
      assert.equal(closeSent.code, 'nothing_received');
      await tx((db) => cancelPurchaseOrder(db, ctx(), sent.id));
      assert.equal(await incomingAt(v!, warehouse.id), 0, 'a cancelled order is not incoming');

      const partial = await create({ supplierId: s.id, locationId: warehouse.id, lines });
      await send(partial.id);
      await receive(partial.id, { lines: [{ variantId: v!, quantity: 6 }] });
      const cancelPartial = await failure(tx((db) => cancelPurchaseOrder(db, ctx(), partial.id)));
      assert.deepEqual([cancelPartial.status, cancelPartial.code], [409, 'purchase_order_has_receipts']);
      assert.equal(await incomingAt(v!, warehouse.id), 4);
      const closed = await tx((db) =>
        closePurchaseOrder(db, ctx(), partial.id, { note: 'Supplier out of stock' }),
      );
      assert.equal(closed.state, 'received');
      assert.match(closed.note ?? '', /Closed short: Supplier out of stock/);
      assert.equal(await incomingAt(v!, warehouse.id), 0, 'the rest is no longer expected');
      assert.deepEqual(
        (await eventsOf(partial.id)).map((e) => [e.type, e.payload.closedShort ?? null]),
        [
          ['purchase_order.sent', null],
          ['purchase_order.received', true],
        ],
      );
      for (const attempt of [
        () => tx((db) => cancelPurchaseOrder(db, ctx(), partial.id)),
        () => receive(partial.id, { lines: [{ variantId: v!, quantity: 1 }] }),
        () => tx((db) => updatePurchaseOrder(db, ctx(), partial.id, { note: 'late' })),
      ]) {
        assert.equal((await failure(attempt())).code, 'purchase_order_closed');
      }
      const states = await listPurchaseOrders(database.db, store.id, {
        state: ['cancelled'],
        supplierId: s.id,
      });
      assert.deepEqual(states.items.map((o) => o.id).sort(), [draft.id, sent.id].sort());
    });

    test('receiving more than ordered is refused (409 over_receipt) and writes nothing, unless allowed', async () => {
      const [v, w] = await makeVariants(database, store, 2);
      const s = await supplier();
      const order = await create({
        supplierId: s.id,
        locationId: warehouse.id,
        lines: [
          { variantId: v!, quantity: 5, unitCost: { amount: 100 } },
          { variantId: w!, quantity: 5, unitCost: { amount: 100 } },
        ],
      });
      await send(order.id);
      const movementsBefore = await movementCount();
      const over = await failure(
        receive(order.id, {
          lines: [
            { variantId: v!, quantity: 5 },
            { variantId: w!, quantity: 6 },
          ],
        }),
      );
      assert.deepEqual([over.status, over.code], [409, 'over_receipt']);
      assert.deepEqual(over.details, {
        path: 'lines.1.quantity',
        lineId: (await detail(order.id)).lines[1]!.id,
        ordered: 5,
        received: 0,
        open: 5,
      });
      assert.equal(await movementCount(), movementsBefore);
      assert.equal((await stockOf(v!)).onHand, 0, 'the line that fitted was not booked either');
      assert.equal(await averageCost(v!), null);
      assert.deepEqual(
        (await detail(order.id)).lines.map((l) => l.quantityReceived),
        [0, 0],
      );
      assert.equal((await detail(order.id)).state, 'sent');

      const unknown = await failure(
        receive(order.id, { lines: [{ lineId: 'pol_01jzzzzzzzzzzzzzzzzzzzzzzz', quantity: 1 }] }),
      );
      assert.deepEqual(
        [unknown.code, (unknown.details as { path: string }).path],
        ['unknown_line', 'lines.0.lineId'],
      );

      const allowed = await receive(order.id, {
        lines: [
          { variantId: v!, quantity: 5 },
          { variantId: w!, quantity: 6 },
        ],
        allowOverReceipt: true,
      });
      assert.equal(allowed.order.state, 'received');
      assert.equal((await stockOf(w!)).onHand, 6);
    });

    test('with nothing (or less than nothing) on hand before, the receipt cost becomes the average', async () => {
      const [v] = await makeVariants(database, store, 1, { policy: 'continue' });
      const s = await supplier();
      const order = await create({
        supplierId: s.id,
        locationId: warehouse.id,
        lines: [{ variantId: v!, quantity: 10, unitCost: { amount: 400 } }],
      });
      await send(order.id);
      await receive(order.id, { lines: [{ variantId: v!, quantity: 5 }] });
      assert.equal(await averageCost(v!), 400);
      // Sold past zero (the variant keeps selling when out of stock): 5 − 8 = −3 on hand.
      await tx((db) =>
        recordMovements(db, store.id, actor, [
          { variantId: v!, locationId: warehouse.id, kind: 'sale', quantity: -8 },
        ]),
      );
      await receive(order.id, { lines: [{ variantId: v!, quantity: 5, unitCost: { amount: 600 } }] });
      assert.equal(await averageCost(v!), 600);
      assert.equal((await stockOf(v!)).onHand, 2);
    });

    test('numbers count up per store from PO-1001', async () => {
      const own = await makeStore(database, 'numbers');
      const location = await makeLocation(database, own.id, 'Only');
      const [v] = await makeVariants(database, own, 1);
      const s = await tx((db) => createSupplier(db, own.id, actor, { name: 'Only', currency: 'EUR' }));
      const make = () =>
        tx((db) =>
          createPurchaseOrder(
            db,
            { store: own, actor },
            {
              supplierId: s.id,
              locationId: location.id,
              lines: [{ variantId: v!, quantity: 1, unitCost: { amount: 1 } }],
            },
          ),
        );
      const first = await make();
      const second = await make();
      assert.deepEqual([first.number, second.number], [1001, 1002]);
      assert.equal((await getPurchaseOrder(database.db, own, second.id)).label, 'PO-1002');
    });
  });
}
