import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';

/** Every table a purchasing request may write. */
const written = [
  'suppliers',
  'supplier_variants',
  'purchase_orders',
  'purchase_order_lines',
  'inventory_movements',
  'inventory_levels',
  'inventory_items',
  'mail_messages',
  'audit_log',
  'outbox_events',
  'jobs',
];

type Request = ReturnType<typeof withApiKey>;

for (const target of testDatabaseTargets()) {
  describe(`purchasing routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let api: Request;
    let operations: Browser;
    let warehouse: { id: string };
    let variants: string[];
    let storeId: string;
    const base = '/api/admin/stores/buying';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'buying');
      storeId = store.id;
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, [
          'purchasing:read',
          'purchasing:write',
          'inventory:read',
          'store:read',
          'audit:read',
        ]),
      );
      operations = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'operations')).email);
      warehouse = await makeLocation(database, store.id, 'Warehouse');
      variants = await makeVariants(database, store, 3, { title: 'Linen sheet' });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const rowCounts = async () => {
      const counts: Record<string, number> = {};
      for (const table of written) {
        const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
        counts[table] = Number(row?.n);
      }
      return counts;
    };
    const auditActions = async (entityId: string) =>
      (await api({ method: 'GET', url: `${base}/audit?entityId=${entityId}&limit=100` }))
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort();
    const newSupplier = async (payload: Record<string, unknown>) => {
      const res = await api({ method: 'POST', url: `${base}/inventory/suppliers`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().supplier as { id: string; currency: string };
    };

    test('suppliers: create with checked fields, catalog per variant, one preferred supplier per variant, audited', async () => {
      const created = await api({
        method: 'POST',
        url: `${base}/inventory/suppliers`,
        payload: {
          name: 'Nordic Linen',
          contactName: 'Sven',
          email: 'orders@nordic.example',
          phone: '+46 8 123 45',
          address: { line1: 'Hamngatan 1', city: 'Stockholm', country: 'se' },
          currency: 'sek',
          leadTimeDays: 14,
          minimumOrderQuantity: 20,
          orderFormat: 'csv',
          notes: 'Ships Tuesdays',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const nordic = created.json().supplier;
      assert.deepEqual(
        [nordic.currency, nordic.address.country, nordic.orderFormat, nordic.active],
        ['SEK', 'SE', 'csv', true],
      );

      for (const [payload, status, code, path] of [
        [{ name: 'X', currency: 'XYZ' }, 400, 'validation_failed', 'body.currency'],
        [{ name: 'X', currency: 'EUR', email: 'not-mail' }, 400, 'validation_failed', 'body.email'],
        [{ name: 'X', currency: 'EUR', orderFormat: 'xml' }, 400, 'validation_failed', 'body.orderFormat'],
        [{ name: 'Nordic Linen', currency: 'EUR' }, 409, 'supplier_name_taken', 'name'],
      ] as const) {
        const res = await api({ method: 'POST', url: `${base}/inventory/suppliers`, payload });
        assert.equal(res.statusCode, status, res.body);
        const { error } = res.json();
        assert.equal(error.code, code);
        const paths = Array.isArray(error.details)
          ? error.details.map((d: { path: string }) => d.path)
          : [error.details.path];
        assert.ok(paths.includes(path), JSON.stringify(paths));
      }

      const [a, b] = variants;
      const catalogUrl = `${base}/inventory/suppliers/${nordic.id}/variants`;
      const unknown = await api({
        method: 'PUT',
        url: catalogUrl,
        payload: {
          items: [
            { variantId: a, cost: { amount: 9900 } },
            { variantId: 'var_01jzzzzzzzzzzzzzzzzzzzzzzz', cost: { amount: 1 } },
          ],
        },
      });
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(
        [unknown.json().error.code, unknown.json().error.details.path],
        ['unknown_variant', 'items.1.variantId'],
      );
      assert.deepEqual((await api({ method: 'GET', url: catalogUrl })).json().items, [], 'nothing written');

      const put = await api({
        method: 'PUT',
        url: catalogUrl,
        payload: {
          items: [
            {
              variantId: a,
              supplierSku: 'NL-100',
              cost: { amount: 9900 },
              packSize: 4,
              minimumOrderQuantity: 8,
              preferred: true,
            },
            { variantId: b, cost: { amount: 12_500 } },
          ],
        },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual(
        put
          .json()
          .items.map((i: Record<string, unknown>) => [
            i.variantId,
            i.supplierSku,
            i.cost,
            i.packSize,
            i.preferred,
            i.productTitle,
          ]),
        [
          [a, 'NL-100', { amount: 9900, currency: 'SEK' }, 4, true, 'Linen sheet'],
          [b, null, { amount: 12_500, currency: 'SEK' }, 1, false, 'Linen sheet'],
        ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      );

      const second = await newSupplier({ name: 'Baltic Weavers', currency: 'EUR' });
      await api({
        method: 'PUT',
        url: `${base}/inventory/suppliers/${second.id}/variants`,
        payload: { items: [{ variantId: a, cost: { amount: 800 }, preferred: true }] },
      });
      const nordicCatalog = (await api({ method: 'GET', url: catalogUrl })).json().items;
      assert.equal(nordicCatalog.find((i: { variantId: string }) => i.variantId === a).preferred, false);

      const locked = await api({
        method: 'PATCH',
        url: `${base}/inventory/suppliers/${nordic.id}`,
        payload: { currency: 'EUR' },
      });
      assert.deepEqual([locked.statusCode, locked.json().error.code], [409, 'supplier_currency_locked']);
      const renamed = await api({
        method: 'PATCH',
        url: `${base}/inventory/suppliers/${nordic.id}`,
        payload: { leadTimeDays: 10, email: null },
      });
      assert.deepEqual([renamed.json().supplier.leadTimeDays, renamed.json().supplier.email], [10, null]);

      assert.equal((await api({ method: 'DELETE', url: `${catalogUrl}/${b}` })).statusCode, 204);
      assert.equal((await api({ method: 'DELETE', url: `${catalogUrl}/${b}` })).statusCode, 404);
      const one = (await api({ method: 'GET', url: `${base}/inventory/suppliers/${nordic.id}` })).json();
      assert.deepEqual(
        one.variants.map((v: { variantId: string }) => v.variantId),
        [a],
      );
      const list = (await api({ method: 'GET', url: `${base}/inventory/suppliers?active=true` })).json()
        .items;
      assert.deepEqual(
        list.map((s: { name: string; variantCount: number }) => [s.name, s.variantCount]),
        [
          ['Baltic Weavers', 1],
          ['Nordic Linen', 1],
        ],
      );
      assert.deepEqual(await auditActions(nordic.id), [
        'supplier.created',
        'supplier.updated',
        'supplier.variant_removed',
        'supplier.variants_updated',
      ]);

      assert.equal(
        (await api({ method: 'DELETE', url: `${base}/inventory/suppliers/${second.id}` })).statusCode,
        204,
      );
      assert.equal(
        (await api({ method: 'GET', url: `${base}/inventory/suppliers/${second.id}` })).statusCode,
        404,
      );
    });

    test('purchase order over HTTP: draft, edit, send with a PDF by mail, two receipts, list and detail', async () => {
      const [a, b] = variants;
      const supplier = await newSupplier({
        name: 'Flax & Co',
        email: 'po@flax.example',
        currency: 'EUR',
        orderFormat: 'pdf',
      });
      await api({
        method: 'PUT',
        url: `${base}/inventory/suppliers/${supplier.id}/variants`,
        payload: {
          items: [
            { variantId: a, supplierSku: 'FX-A', cost: { amount: 1000 }, packSize: 2 },
            { variantId: b, supplierSku: 'FX-B', cost: { amount: 2500 } },
          ],
        },
      });
      const created = await api({
        method: 'POST',
        url: `${base}/inventory/purchase-orders`,
        payload: {
          supplierId: supplier.id,
          locationId: warehouse.id,
          lines: [{ variantId: a, quantity: 6 }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const po = created.json().purchaseOrder;
      assert.deepEqual(
        [po.label, po.state, po.total],
        ['PO-1001', 'draft', { amount: 6000, currency: 'EUR' }],
      );
      const url = `${base}/inventory/purchase-orders/${po.id}`;

      const edited = await api({
        method: 'PATCH',
        url,
        payload: {
          note: 'Please label each pack',
          lines: [
            { variantId: a, quantity: 6 },
            { variantId: b, quantity: 4, unitCost: { amount: 2400 } },
          ],
        },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(
        edited
          .json()
          .purchaseOrder.lines.map((l: Record<string, unknown>) => [
            l.supplierSku,
            l.quantityOrdered,
            l.unitCost,
            l.productTitle,
          ]),
        [
          ['FX-A', 6, { amount: 1000, currency: 'EUR' }, 'Linen sheet'],
          ['FX-B', 4, { amount: 2400, currency: 'EUR' }, 'Linen sheet'],
        ],
      );

      const sent = await api({ method: 'POST', url: `${url}/send` });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().purchaseOrder.state, 'sent');
      const { mailMessageId } = sent.json();
      const mailList = await api({
        method: 'GET',
        url: `${base}/mail?entityType=purchase_order&entityId=${po.id}`,
      });
      assert.deepEqual(
        mailList
          .json()
          .items.map((m: { id: string; to: string[]; attachments: { filename: string }[] }) => [
            m.id,
            m.to,
            m.attachments.map((x) => x.filename),
          ]),
        [[mailMessageId, ['po@flax.example'], ['PO-1001.pdf']]],
      );
      const pdf = await api({ method: 'GET', url: `${base}/mail/${mailMessageId}/attachments/0` });
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
      // No SMTP server configured: the development transport keeps it, readable in the admin.
      await sp.jobs.runDueJobsOnce();
      const message = (await api({ method: 'GET', url: `${base}/mail/${mailMessageId}` })).json().message;
      assert.deepEqual([message.state, message.transport], ['sent', 'development']);
      assert.match(message.text, /PO-1001/);

      const first = await operations.request({
        method: 'POST',
        url: `${url}/receipts`,
        payload: { lines: [{ variantId: a, quantity: 4 }] },
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().purchaseOrder.state, 'partially_received');
      const lineB = first.json().purchaseOrder.lines[1].id;
      const second = await operations.request({
        method: 'POST',
        url: `${url}/receipts`,
        payload: {
          lines: [
            { variantId: a, quantity: 2, unitCost: { amount: 1300 } },
            { lineId: lineB, quantity: 4 },
          ],
        },
      });
      assert.equal(second.statusCode, 201, second.body);
      // (4 × 10.00 + 2 × 13.00) / 6 = 11.00.
      assert.deepEqual(second.json().averageCosts, [
        { variantId: a, before: 1000, after: 1100 },
        { variantId: b, before: null, after: 2400 },
      ]);
      const received = second.json().purchaseOrder;
      assert.equal(received.state, 'received');
      assert.deepEqual(
        received.receipts.map((r: { quantity: number; unitCost: { amount: number } }) => [
          r.quantity,
          r.unitCost.amount,
        ]),
        [
          [4, 1000],
          [2, 1300],
          [4, 2400],
        ],
      );

      const variant = (await api({ method: 'GET', url: `${base}/inventory/variants/${a}` })).json();
      assert.equal(variant.stock.averageCostAmount, 1100);
      assert.equal(variant.stock.onHand, 6);
      assert.deepEqual(
        variant.ledger.items.map((m: { kind: string; referenceId: string }) => [m.kind, m.referenceId]),
        [
          ['receive', po.id],
          ['receive', po.id],
        ],
      );

      const byState = (
        await api({ method: 'GET', url: `${base}/inventory/purchase-orders?state=received,sent` })
      ).json();
      assert.ok(byState.items.some((o: { id: string }) => o.id === po.id));
      const row = byState.items.find((o: { id: string }) => o.id === po.id);
      assert.deepEqual(
        [row.supplier.name, row.location.id, row.lineCount, row.unitsOrdered, row.unitsReceived, row.total],
        ['Flax & Co', warehouse.id, 2, 10, 10, { amount: 6000 + 9600, currency: 'EUR' }],
      );
      const drafts = (
        await api({
          method: 'GET',
          url: `${base}/inventory/purchase-orders?state=draft&supplierId=${supplier.id}`,
        })
      ).json();
      assert.deepEqual(drafts, { items: [], total: 0 });
      const badState = await api({ method: 'GET', url: `${base}/inventory/purchase-orders?state=lost` });
      assert.equal(badState.statusCode, 400);

      assert.deepEqual(await auditActions(po.id), [
        'purchase_order.created',
        'purchase_order.receipt_recorded',
        'purchase_order.receipt_recorded',
        'purchase_order.sent',
        'purchase_order.updated',
      ]);
      const inUse = await api({ method: 'DELETE', url: `${base}/inventory/suppliers/${supplier.id}` });
      assert.deepEqual([inUse.statusCode, inUse.json().error.code], [409, 'supplier_in_use']);
    });

    test('bad input gets a 4xx with a code and writes nothing: stock levels and the ledger stay as they were', async () => {
      const [, , c] = variants;
      const supplier = await newSupplier({
        name: 'Strict Supplies',
        email: 'po@strict.example',
        currency: 'EUR',
      });
      const silent = await newSupplier({ name: 'No Mail Ltd', currency: 'EUR' });
      const order = (
        await api({
          method: 'POST',
          url: `${base}/inventory/purchase-orders`,
          payload: {
            supplierId: supplier.id,
            locationId: warehouse.id,
            lines: [{ variantId: c, quantity: 5, unitCost: { amount: 700 } }],
          },
        })
      ).json().purchaseOrder;
      await api({ method: 'POST', url: `${base}/inventory/purchase-orders/${order.id}/send` });
      const unsendable = (
        await api({
          method: 'POST',
          url: `${base}/inventory/purchase-orders`,
          payload: {
            supplierId: silent.id,
            locationId: warehouse.id,
            lines: [{ variantId: c, quantity: 1, unitCost: { amount: 1 } }],
          },
        })
      ).json().purchaseOrder;

      const stockBefore = (await api({ method: 'GET', url: `${base}/inventory/variants/${c}` })).json();
      const countsBefore = await rowCounts();
      const orders = `${base}/inventory/purchase-orders`;
      const cases: [string, string, unknown, number, string, string][] = [
        [
          'negative quantity',
          orders,
          { supplierId: supplier.id, locationId: warehouse.id, lines: [{ variantId: c, quantity: -3 }] },
          400,
          'validation_failed',
          'body.lines.0.quantity',
        ],
        [
          'unknown location',
          orders,
          {
            supplierId: supplier.id,
            locationId: 'loc_01jzzzzzzzzzzzzzzzzzzzzzzz',
            lines: [{ variantId: c, quantity: 1, unitCost: { amount: 1 } }],
          },
          422,
          'unknown_location',
          'locationId',
        ],
        [
          'unknown variant',
          orders,
          {
            supplierId: supplier.id,
            locationId: warehouse.id,
            lines: [{ variantId: 'var_01jzzzzzzzzzzzzzzzzzzzzzzz', quantity: 1, unitCost: { amount: 1 } }],
          },
          422,
          'unknown_variant',
          'lines.0.variantId',
        ],
        [
          'more than ordered',
          `${orders}/${order.id}/receipts`,
          { lines: [{ variantId: c, quantity: 6 }] },
          409,
          'over_receipt',
          'lines.0.quantity',
        ],
        [
          'a negative receipt',
          `${orders}/${order.id}/receipts`,
          { lines: [{ variantId: c, quantity: -1 }] },
          400,
          'validation_failed',
          'body.lines.0.quantity',
        ],
        [
          'a line named twice over',
          `${orders}/${order.id}/receipts`,
          { lines: [{ variantId: c, lineId: order.lines[0].id, quantity: 1 }] },
          400,
          'validation_failed',
          'body.lines.0.lineId',
        ],
        [
          'no supplier e-mail',
          `${orders}/${unsendable.id}/send`,
          undefined,
          422,
          'supplier_email_missing',
          'supplier.email',
        ],
        [
          'closing short with nothing received',
          `${orders}/${order.id}/close`,
          { note: 'x' },
          409,
          'nothing_received',
          '',
        ],
      ];
      for (const [label, url, payload, status, code, path] of cases) {
        const res = await operations.request({
          method: 'POST',
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.code, code, label);
        if (path) {
          const paths = Array.isArray(error.details)
            ? error.details.map((d: { path: string }) => d.path)
            : [error.details.path];
          assert.ok(paths.includes(path), `${label}: ${JSON.stringify(paths)}`);
        }
      }
      assert.deepEqual(await rowCounts(), countsBefore);
      const stockAfter = (await api({ method: 'GET', url: `${base}/inventory/variants/${c}` })).json();
      assert.deepEqual(stockAfter.stock, stockBefore.stock);
      assert.deepEqual(stockAfter.ledger, stockBefore.ledger);
      assert.equal(stockAfter.stock.incoming, 5);
    });

    test('permissions: operations may create orders; support may not even read them; analysts only read', async () => {
      const support = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'support')).email);
      const analyst = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'analyst')).email);
      const supplier = await newSupplier({ name: 'Permission Test', currency: 'EUR' });
      const payload = {
        supplierId: supplier.id,
        locationId: warehouse.id,
        lines: [{ variantId: variants[0], quantity: 2, unitCost: { amount: 100 } }],
      };
      const url = `${base}/inventory/purchase-orders`;
      const refused = await support.request({ method: 'POST', url, payload });
      assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'permission_denied']);
      assert.equal((await support.request({ method: 'GET', url })).statusCode, 403);
      assert.equal(
        (await support.request({ method: 'GET', url: `${base}/inventory/suppliers` })).statusCode,
        403,
      );
      assert.equal((await analyst.request({ method: 'POST', url, payload })).statusCode, 403);
      assert.equal((await analyst.request({ method: 'GET', url })).statusCode, 200);
      const allowed = await operations.request({ method: 'POST', url, payload });
      assert.equal(allowed.statusCode, 201, allowed.body);
      const [entry] = (
        await api({ method: 'GET', url: `${base}/audit?entityId=${allowed.json().purchaseOrder.id}` })
      ).json().items;
      assert.equal(entry.action, 'purchase_order.created');
      assert.match(entry.actorLabel, /^operations-/);
    });
  });
}
