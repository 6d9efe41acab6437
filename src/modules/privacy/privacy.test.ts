// A customer's privacy requests end to end: the export holds everything the store has about them,
// every table that names a customer is accounted for (exported and erased, or listed as not
// personal with a reason), and erasure leaves no identifier in any text or JSON column of any table
// while order totals and revenue rollups stay as they were. On PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeApiKey, permissionsOf, withApiKey } from '../../../test/support/app-harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { LocalDiskBlobStorage } from '../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createStore, type Store, systemActor } from '../access/index.ts';
import { rebuildRollups, rollUpDirtyDays } from '../analytics/index.ts';
import { type EuShop, makeEuShop } from '../checkout/testing/placement-setup.ts';
import { customerDataSources } from './customer-data-sources.ts';
import { tablesWithoutPersonalData } from './personal-data-map.ts';
import {
  type CustomerEverywhere,
  makeCustomerEverywhere,
  type TestPerson,
  testPerson,
} from './testing/customer-everywhere.ts';

const actor = systemActor('privacy test');

/** Columns that name a customer by id or e-mail, by their names. */
const customerColumn =
  /(^|_)(customer_id|customer_key|email|email_key|to_addresses|requester_email|from_email|author_email)$/;

/** Every table of the schema (partitions stand for their parent), with its text-like columns. */
async function schemaTables(database: Database) {
  const rows = await database.execute<{ table_name: string; column_name: string; data_type: string }>(`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join pg_catalog.pg_class k on k.relname = c.table_name
    join pg_catalog.pg_namespace n on n.oid = k.relnamespace and n.nspname = c.table_schema
    where c.table_schema = 'public' and not k.relispartition and k.relkind in ('r', 'p')
    order by c.table_name, c.ordinal_position`);
  const tables = new Map<string, Array<{ column: string; type: string }>>();
  for (const r of rows) {
    const list = tables.get(r.table_name) ?? [];
    list.push({ column: r.column_name, type: r.data_type });
    tables.set(r.table_name, list);
  }
  return tables;
}

const textLike = new Set(['text', 'character varying', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED']);
const regexOf = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where (table.column) any of `needles` appears, case-insensitively, in any text, JSON or array column. */
async function findEverywhere(database: Database, needles: readonly string[]): Promise<string[]> {
  const pattern = needles.map(regexOf).join('|').replaceAll("'", "''");
  const found: string[] = [];
  for (const [table, columns] of await schemaTables(database)) {
    for (const { column, type } of columns) {
      if (!textLike.has(type) || type === 'USER-DEFINED') continue;
      const [row] = await database.execute<{ n: number }>(
        `select count(*)::int as n from "${table}" where "${column}"::text ~* '${pattern}'`,
      );
      if (Number(row!.n) > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}

const coveredTables = new Set(customerDataSources.flatMap((s) => s.tables));

for (const target of testDatabaseTargets()) {
  describe(`privacy requests on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let dataDir: string;
    let store: Store;
    let shop: EuShop;
    let key: string;
    let api: ReturnType<typeof withApiKey>;
    let base: string;
    let person: TestPerson;
    let made: CustomerEverywhere;
    const dispatch = async () => {
      for (let i = 0; i < 20; i++) if ((await sp.dispatcher.dispatchOnce()).dispatched === 0) return;
    };

    before(async () => {
      database = await target.create();
      dataDir = await mkdtemp(path.join(tmpdir(), 'privacy-test-'));
      const config = {
        ...loadConfig({ dataDir, logLevel: 'silent' }, {}),
        jobs: false,
        mailFrom: 'shop@mail.test',
        supportMailDomain: 'support.test',
      };
      sp = await buildApp({ config, database, supportStorage: new LocalDiskBlobStorage({ dataDir }) });
      store = await createStore(database.db, actor, {
        handle: `privacy-${process.pid}`,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
      });
      shop = await makeEuShop(database, store);
      key = await makeApiKey(database, store.id, permissionsOf('owner'));
      api = withApiKey(sp.app, key);
      base = `/api/admin/stores/${store.id}/privacy`;
      person = testPerson('alpha');
      made = await makeCustomerEverywhere(database, sp.app, {
        store,
        shop,
        person,
        apiKey: key,
        supportStorage: sp.supportStorage,
        reviewPhotos: sp.reviewPhotos,
        dispatch,
      });
    });
    after(async () => {
      await sp?.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('every table that can name a customer is exported and erased, or listed as not personal with a reason', async () => {
      const tables = await schemaTables(database);
      const naming = [...tables]
        .filter(([, columns]) => columns.some((c) => customerColumn.test(c.column)))
        .map(([table]) => table);
      assert.ok(naming.includes('orders') && naming.includes('support_tickets'), 'the scan sees the tables');
      const unaccounted = naming.filter((t) => !coveredTables.has(t) && !(t in tablesWithoutPersonalData));
      assert.deepEqual(
        unaccounted,
        [],
        'tables naming a customer that the privacy module does not account for',
      );
      for (const [table, reason] of Object.entries(tablesWithoutPersonalData)) {
        assert.ok(tables.has(table), `${table} is listed but does not exist`);
        assert.ok(reason.length > 20, `${table} has a reason`);
      }
      for (const table of coveredTables)
        assert.ok(tables.has(table), `${table} is covered but does not exist`);

      // And by content: wherever the customer's id or e-mail actually is, the table is accounted for.
      const holding = await findEverywhere(database, [made.customerId, person.email]);
      const unaccountedByData = [...new Set(holding.map((h) => h.split('.')[0]!))].filter(
        (t) => !coveredTables.has(t) && !(t in tablesWithoutPersonalData),
      );
      assert.deepEqual(
        unaccountedByData,
        [],
        `tables holding the customer's id or e-mail: ${holding.join(', ')}`,
      );
    });

    test('an export from the admin holds everything about the customer, is logged, audited and downloadable', async () => {
      const res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'export', customerId: made.customerId },
      });
      assert.equal(res.statusCode, 201, res.body);
      const logged = res.json();
      assert.equal(logged.kind, 'export');
      assert.equal(logged.status, 'ready');
      assert.equal(logged.customerLabel, person.email);
      const download = await api({ method: 'GET', url: logged.downloadUrl });
      assert.equal(download.statusCode, 200);
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="customer-data-/);
      const doc = download.json();
      assert.equal(doc.format, 'storepilot.customer-data/1');
      const { data } = doc;
      assert.equal(data.customer.customers[0].email, person.email);
      assert.equal(data.customer.customers[0].phone, person.phone);
      assert.equal(data.customer.customers[0].passwordHash, undefined, 'never the password hash');
      assert.equal(data.customer.customer_addresses[0].line1, person.street);
      assert.equal(data.customer.customer_marketing_consents[0].ip, '203.0.113.77');
      assert.equal(data.customer.customer_sessions.length, 1);
      assert.equal(data.customer.customer_sessions[0].tokenHash, undefined, 'never a session secret');
      assert.deepEqual(
        data.orders.orders.map((o: { id: string }) => o.id).sort(),
        [...made.orderIds].sort(),
        'both orders, the one typed in capitals too',
      );
      assert.equal(data.orders.order_lines.length, 4);
      assert.equal(data.orders.fulfilments.length, 1);
      assert.equal(data.orders.refunds.length, 1);
      assert.equal(data.orders.order_returns.length, 1);
      assert.match(data.orders.order_returns[0].customerComment, new RegExp(person.street));
      assert.equal(data.carts.carts.length, 2);
      assert.equal(data.support.support_tickets[0].id, made.ticketId);
      assert.equal(data.support.support_messages.length, 2, 'the customer’s message and the answer');
      assert.match(data.support.support_messages[0].bodyText, new RegExp(person.street));
      assert.equal(data.support.support_attachments[0].filename, 'receipt.txt');
      assert.equal(data.reviews.reviews[0].id, made.reviewId);
      assert.equal(data.reviews.review_photos.length, 1);
      assert.ok(data.analytics.analytics_visitor_ids.includes(made.visitorId));
      assert.ok(data.analytics.analytics_events.some((e: { pagePath: string }) => e.pagePath === '/account'));
      assert.ok(data.mail.mail_messages.length >= 3, 'order confirmations and the support answer');
      assert.ok(data.mail.mail_messages.some((m: { text: string }) => m.text.includes(person.phone)));
      assert.ok(data.auditLog.audit_log.some((a: { action: string }) => a.action === 'customer.updated'));

      const log = (await api({ method: 'GET', url: `${base}/requests` })).json().items;
      assert.equal(log[0].id, logged.id);
      assert.match(log[0].requestedBy.label, /test key/);
      const audit = await database.execute<{ action: string }>(
        `select action from audit_log where store_id = '${store.id}' and action = 'privacy.exported'`,
      );
      assert.equal(audit.length, 1);
    });

    test('“Download my data” on the account page gives a signed-in customer their file, without script', async () => {
      const cookie = `sp_customer=${made.sessionToken}`;
      const account = `/s/${store.handle}/account`;
      const page = await sp.app.inject({ method: 'GET', url: account, headers: { cookie } });
      assert.equal(page.statusCode, 200);
      const form = page.body.split('<form').find((f) => f.includes(`action="${account}/data-export"`));
      assert.ok(form, 'the account page has the form');
      assert.match(page.body, /Download my data/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form!)![1]!;
      const post = (fields: Record<string, string>, headers: Record<string, string> = { cookie }) =>
        sp.app.inject({
          method: 'POST',
          url: `${account}/data-export`,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        });
      const forged = await post({ _csrf: 'not-the-token' });
      assert.equal(forged.statusCode, 303, 'a cross-site form gets the account page, not the data');
      const anonymous = await post({ _csrf: csrf }, {});
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /\/account\/login$/);

      const res = await post({ _csrf: csrf });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="my-data-/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const doc = res.json();
      assert.equal(doc.customerId, made.customerId);
      assert.equal(doc.data.orders.orders.length, 2);
      const log = (await api({ method: 'GET', url: `${base}/requests?customerId=${made.customerId}` })).json()
        .items;
      assert.equal(log[0].source, 'customer');
      assert.equal(log[0].status, 'ready');
    });

    test('bad requests: unknown customer 404, wrong confirmation 422, malformed 400; nothing is erased', async () => {
      let res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'export', customerId: 'cus_nope' },
      });
      assert.equal(res.statusCode, 404);
      res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'erasure', customerId: 'cus_nope', confirmation: 'x@example.com' },
      });
      assert.equal(res.statusCode, 404);
      res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'erasure', customerId: made.customerId, confirmation: 'someone.else@example.com' },
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'confirmation_mismatch');
      res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'erasure', customerId: made.customerId },
      });
      assert.equal(res.statusCode, 400);
      res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: { type: 'forget', customerId: made.customerId },
      });
      assert.equal(res.statusCode, 400);
      res = await api({ method: 'GET', url: `${base}/requests/prq_nope/download` });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(
        await findEverywhere(database, [person.email]).then((f) => f.includes('customers.email')),
        true,
      );
    });

    test('erasure leaves no identifier in any column of any table; totals, rollups and the log stay', async () => {
      await rollUpDirtyDays(database.db);
      const totals = `select id, subtotal, discount_total, shipping_total, tax_total, total, refunded_amount, placed_at, shipping_address->>'country' as country
        from orders where store_id = '${store.id}' order by id`;
      const rollups = `select * from analytics_daily where store_id = '${store.id}' order by day, dimension, value`;
      const productRollups = `select * from analytics_daily_products where store_id = '${store.id}' order by day, product_id`;
      const ordersBefore = await database.execute(totals);
      const rollupsBefore = await database.execute(rollups);
      const productRollupsBefore = await database.execute(productRollups);
      const reviewStatsBefore = await database.execute(
        `select * from product_review_stats where store_id = '${store.id}'`,
      );
      const earlierExport = (await api({ method: 'GET', url: `${base}/requests` })).json().items[0];
      for (const k of made.attachmentKeys) assert.ok(await sp.supportStorage.exists(k));
      for (const k of made.photoKeys) assert.ok(await sp.reviewPhotos.exists(k));

      const res = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: {
          type: 'erasure',
          customerId: made.customerId,
          confirmation: ` ${person.email.toUpperCase()} `,
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().kind, 'erasure');
      await dispatch();

      const identifiers = [
        person.email,
        person.firstName,
        person.lastName,
        person.phone,
        person.street,
        person.postalCode,
        '203.0.113.77',
        made.visitorId,
      ];
      assert.deepEqual(await findEverywhere(database, identifiers), [], 'identifiers left after erasure');

      assert.deepEqual(
        await database.execute(totals),
        ordersBefore,
        'order amounts, dates and countries unchanged',
      );
      assert.deepEqual(
        await database.execute(
          `select count(*)::int as n from order_lines where order_id in ('${made.orderIds.join("','")}')`,
        ),
        [{ n: 4 }],
      );
      assert.deepEqual(
        await database.execute(`select * from product_review_stats where store_id = '${store.id}'`),
        reviewStatsBefore,
        'the rating still counts',
      );
      // Rollups rebuilt from the erased raw events and facts come out the same.
      await rebuildRollups(database.db, store);
      assert.deepEqual(await database.execute(rollups), rollupsBefore);
      assert.deepEqual(await database.execute(productRollups), productRollupsBefore);

      const [customer] = await database.execute<{ email: string; state: string; first_name: string | null }>(
        `select email, state, first_name from customers where id = '${made.customerId}'`,
      );
      assert.deepEqual(customer, {
        email: `erased-${made.customerId}@invalid`,
        state: 'disabled',
        first_name: null,
      });
      assert.deepEqual(
        await database.execute(
          `select count(*)::int as n from customer_sessions where customer_id = '${made.customerId}'`,
        ),
        [{ n: 0 }],
      );
      for (const k of made.attachmentKeys)
        assert.equal(await sp.supportStorage.exists(k), false, 'attachment file deleted');
      for (const k of made.photoKeys)
        assert.equal(await sp.reviewPhotos.exists(k), false, 'photo file deleted');

      const log = (await api({ method: 'GET', url: `${base}/requests` })).json().items;
      assert.equal(log[0].kind, 'erasure');
      assert.match(log[0].requestedBy.label, /test key/);
      const exported = log.find((r: { id: string }) => r.id === earlierExport.id);
      assert.equal(exported.status, 'expired', 'the earlier export’s document is gone');
      assert.equal((await api({ method: 'GET', url: earlierExport.downloadUrl })).statusCode, 404);
      const audit = await database.execute<{ action: string; after: unknown }>(
        `select action, after from audit_log where store_id = '${store.id}' and action = 'privacy.erased'`,
      );
      assert.equal(audit.length, 1, 'the erasure itself is audited');

      const again = await api({
        method: 'POST',
        url: `${base}/requests`,
        payload: {
          type: 'erasure',
          customerId: made.customerId,
          confirmation: `erased-${made.customerId}@invalid`,
        },
      });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'customer_already_erased');
    });
  });
}
