import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { rfmReport } from '../../analytics/index.ts';
import { customersInSegment, findOrCreateGuestCustomer, recordMarketingConsent } from '../index.ts';
import { insertOrderRows } from '../testing/order-rows.ts';

const tables = [
  'customers',
  'customer_segments',
  'customer_groups',
  'customer_group_members',
  'customer_marketing_consents',
  'audit_log',
  'outbox_events',
];

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** The admin API of figures, segments, groups and consent, over HTTP. */
for (const target of testDatabaseTargets()) {
  describe(`customer segments and groups over HTTP on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let storeId: string;
    const ids: Record<string, string> = {};
    const api = '/api/admin/stores/seg';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'seg', 'EUR');
      storeId = store.id;
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      for (const name of ['big', 'lapsed', 'new', 'never']) {
        const c = await database.db.transaction((tx) =>
          findOrCreateGuestCustomer(tx, store.id, { email: `${name}@example.test`, firstName: name }),
        );
        ids[name] = c.id;
      }
      await insertOrderRows(database, store.id, [
        { customerId: ids.big!, total: 50_000, currency: 'EUR', placedAt: daysAgo(10) },
        { customerId: ids.big!, total: 30_000, refunded: 5_000, currency: 'EUR', placedAt: daysAgo(200) },
        { customerId: ids.big!, total: 9_999, currency: 'USD', placedAt: daysAgo(5) },
        { customerId: ids.lapsed!, total: 4_000, currency: 'EUR', placedAt: daysAgo(400) },
        { customerId: ids.lapsed!, total: 8_000, currency: 'EUR', placedAt: daysAgo(3), status: 'cancelled' },
        { customerId: ids.new!, total: 2_500, currency: 'EUR', placedAt: daysAgo(1) },
        { customerId: ids.new!, total: 7_000, currency: 'EUR', placedAt: null, status: 'draft' },
      ]);
      // 1 EUR = 1.25 USD from a year ago: the USD order counts in the amount spent at that rate.
      await database.execute(
        `insert into exchange_rates (id, store_id, base_currency, quote_currency, rate, effective_on)
         values ('fx_seg_usd', $1, 'EUR', 'USD', '1.25', $2)`,
        [store.id, daysAgo(365).toISOString().slice(0, 10)],
      );
      await database.db.transaction((tx) =>
        recordMarketingConsent(tx, store.id, ids.big!, { source: 'checkout_checkbox', ip: '192.0.2.1' }),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const counts = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        out[t] = Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n);
      }
      return out;
    };
    const emails = (items: { email: string }[]) => items.map((c) => c.email);

    test('the list carries each customer’s figures, sorts and filters by them', async () => {
      const res = await viewer.request({ method: 'GET', url: `${api}/customers?sort=total_spent_desc` });
      assert.equal(res.statusCode, 200, res.body);
      const { items, total } = res.json();
      assert.equal(total, 4);
      assert.deepEqual(emails(items), [
        'big@example.test',
        'lapsed@example.test',
        'new@example.test',
        'never@example.test',
      ]);
      const big = items[0];
      // 500.00 + 300.00 − 50.00 refunded + 99.99 USD at 1.25 (79.992 → 79.99 EUR).
      assert.equal(big.totalSpent, 82_999);
      assert.equal(big.orderCount, 3);
      assert.ok(new Date(big.lastOrderAt) > daysAgo(6));
      assert.ok(new Date(big.firstOrderAt) < daysAgo(199));
      // The cancelled order and the draft count for nothing.
      assert.equal(items[1].totalSpent, 4_000);
      assert.equal(items[1].orderCount, 1);
      assert.equal(items[2].orderCount, 1);
      assert.equal(items[3].orderCount, 0);
      assert.equal(items[3].lastOrderAt, null);

      const filtered = async (query: string) =>
        emails((await viewer.request({ method: 'GET', url: `${api}/customers?${query}` })).json().items);
      assert.deepEqual(await filtered('totalSpentMin=3000&sort=total_spent_asc'), [
        'lapsed@example.test',
        'big@example.test',
      ]);
      assert.deepEqual(await filtered('ordersMin=2'), ['big@example.test']);
      assert.deepEqual(await filtered('acceptsMarketing=true'), ['big@example.test']);
      assert.deepEqual(await filtered(`lastOrderTo=${daysAgo(300).toISOString().slice(0, 10)}`), [
        'lapsed@example.test',
      ]);
      assert.deepEqual((await filtered('sort=last_order_desc')).at(-1), 'never@example.test');
      const bad = await viewer.request({ method: 'GET', url: `${api}/customers?sort=loudest` });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'validation_failed');
    });

    test('a segment: created (audited, customer_segment.created), previewed, its members listed and streamed', async () => {
      const rules = [
        { field: 'total_spent', operator: 'gt', value: 3_000 },
        { field: 'last_order_at', operator: 'more_than_days_ago', value: 90 },
      ];
      const preview = await viewer.request({
        method: 'POST',
        url: `${api}/customer-segments/preview`,
        payload: { match: 'all', rules },
      });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().total, 1);
      assert.deepEqual(emails(preview.json().items), ['lapsed@example.test']);

      const denied = await viewer.request({
        method: 'POST',
        url: `${api}/customer-segments`,
        payload: { name: 'Lapsed', rules },
      });
      assert.equal(denied.statusCode, 403);

      const created = await owner.request({
        method: 'POST',
        url: `${api}/customer-segments`,
        payload: { name: 'Lapsed spenders', rules },
      });
      assert.equal(created.statusCode, 201, created.body);
      const segment = created.json().segment;
      const [audit] = await database.execute<{ action: string }>(
        'select action from audit_log where entity_id = $1',
        [segment.id],
      );
      assert.equal(audit?.action, 'customer_segment.created');
      const [event] = await database.execute<{ type: string }>(
        "select type from outbox_events where payload->>'segmentId' = $1",
        [segment.id],
      );
      assert.equal(event?.type, 'customer_segment.created');

      const members = await viewer.request({
        method: 'GET',
        url: `${api}/customer-segments/${segment.id}/members`,
      });
      assert.deepEqual(emails(members.json().items), ['lapsed@example.test']);

      // Live: the rules change and so do the members; "any" widens them.
      const widened = await owner.request({
        method: 'PATCH',
        url: `${api}/customer-segments/${segment.id}`,
        payload: { match: 'any' },
      });
      assert.equal(widened.statusCode, 200, widened.body);
      const streamed: string[] = [];
      for await (const c of customersInSegment(database.db, storeId, segment.id, { batchSize: 1 }))
        streamed.push(c.email);
      assert.deepEqual(streamed.sort(), ['big@example.test', 'lapsed@example.test']);
      const consenting: string[] = [];
      for await (const c of customersInSegment(database.db, storeId, segment.id, {
        onlyWithMarketingConsent: true,
      })) {
        consenting.push(c.email);
      }
      assert.deepEqual(consenting, ['big@example.test']);
      const listed = await viewer.request({
        method: 'GET',
        url: `${api}/customers?segmentId=${segment.id}&sort=oldest`,
      });
      assert.deepEqual(emails(listed.json().items), ['big@example.test', 'lapsed@example.test']);

      const deleted = await owner.request({
        method: 'DELETE',
        url: `${api}/customer-segments/${segment.id}`,
      });
      assert.equal(deleted.statusCode, 204);
      assert.equal(
        (await viewer.request({ method: 'GET', url: `${api}/customer-segments/${segment.id}` })).statusCode,
        404,
      );
    });

    test('bad rules are 400 with details and write nothing', async () => {
      const before = await counts();
      const attempt = async (payload: Record<string, unknown>) => {
        const res = await owner.request({ method: 'POST', url: `${api}/customer-segments`, payload });
        return { status: res.statusCode, body: res.json() };
      };
      const unknownField = await attempt({
        name: 'X',
        rules: [{ field: 'shoe_size', operator: 'gt', value: 40 }],
      });
      assert.equal(unknownField.status, 400);
      assert.equal(unknownField.body.error.code, 'validation_failed');
      assert.ok(unknownField.body.error.details, 'says which rule');
      const badOperator = await attempt({
        name: 'X',
        rules: [{ field: 'total_spent', operator: 'like', value: 1 }],
      });
      assert.equal(badOperator.status, 400);
      const badValue = await attempt({
        name: 'X',
        rules: [{ field: 'last_order_at', operator: 'before', value: 'yesterday' }],
      });
      assert.equal(badValue.status, 400);
      const noRules = await attempt({ name: 'X', rules: [] });
      assert.equal(noRules.status, 400);
      const unknownGroup = await attempt({
        name: 'X',
        rules: [{ field: 'group', operator: 'in', value: 'cgrp_nope' }],
      });
      assert.equal(unknownGroup.status, 400);
      assert.equal(unknownGroup.body.error.code, 'unknown_group');
      assert.deepEqual(unknownGroup.body.error.details, { groups: ['cgrp_nope'] });
      const unknownRfm = await attempt({
        name: 'X',
        rules: [{ field: 'rfm_segment', operator: 'in', value: 'big_spenders' }],
      });
      assert.equal(unknownRfm.status, 400);
      assert.equal(unknownRfm.body.error.code, 'unknown_rfm_segment');
      assert.ok(unknownRfm.body.error.details.known.includes('champions'));
      const preview = await owner.request({
        method: 'POST',
        url: `${api}/customer-segments/preview`,
        payload: { rules: [{ field: 'country', operator: 'equals', value: 'Germany' }] },
      });
      assert.equal(preview.statusCode, 400);
      assert.deepEqual(await counts(), before);
    });

    test('an RFM segment rule takes the analytics’ verdict: in and not in, live', async () => {
      // The analytics reads order facts: the same three customers' orders as it records them.
      const facts = [
        [ids.big!, 10, 50_000],
        [ids.big!, 200, 30_000],
        [ids.lapsed!, 400, 4_000],
        [ids.new!, 1, 2_500],
      ] as const;
      for (const [i, [customerId, ago, amount]] of facts.entries()) {
        const placedAt = daysAgo(ago);
        await database.execute(
          `insert into analytics_order_facts (store_id, order_id, placed_at, day, customer_id, currency,
             gross_sales, discounts, shipping, tax, total, tax_included, units, origin)
           values ($1, $2, $3, $4, $5, 'EUR', $6, 0, 0, 0, $6, true, 1, 'storefront')`,
          [storeId, `ord_rfm_${i}`, placedAt, placedAt.toISOString().slice(0, 10), customerId, amount],
        );
      }
      const { scored } = await rfmReport(database.db, { id: storeId, baseCurrency: 'EUR' });
      const segmentOf = new Map(scored.map((c) => [c.customerId, c.segment]));
      assert.equal(segmentOf.size, 3, 'every customer with an order is scored');
      for (const segment of new Set(segmentOf.values())) {
        for (const operator of ['in', 'not_in'] as const) {
          const res = await owner.request({
            method: 'POST',
            url: `${api}/customer-segments/preview`,
            payload: { rules: [{ field: 'rfm_segment', operator, value: segment }] },
          });
          assert.equal(res.statusCode, 200, res.body);
          const expected = Object.values(ids)
            .filter((id) => (segmentOf.get(id) === segment) === (operator === 'in'))
            .sort();
          const got = (res.json().items as { id: string }[]).map((c) => c.id).sort();
          assert.deepEqual(got, expected, `${operator} ${segment}`);
        }
      }
    });

    test('groups: created, filled, used by a segment rule, not deletable while used', async () => {
      const created = await owner.request({
        method: 'POST',
        url: `${api}/customer-groups`,
        payload: { name: 'Wholesale' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const group = created.json().group;
      const taken = await owner.request({
        method: 'POST',
        url: `${api}/customer-groups`,
        payload: { name: 'wholesale' },
      });
      assert.equal(taken.statusCode, 409);
      const before = await counts();
      const stranger = await owner.request({
        method: 'POST',
        url: `${api}/customer-groups/${group.id}/members`,
        payload: { customerIds: [ids.never, 'cus_elsewhere'] },
      });
      assert.equal(stranger.statusCode, 400);
      assert.equal(stranger.json().error.code, 'unknown_customer');
      assert.deepEqual(await counts(), before);
      const added = await owner.request({
        method: 'POST',
        url: `${api}/customer-groups/${group.id}/members`,
        payload: { customerIds: [ids.never, ids.new] },
      });
      assert.deepEqual(added.json(), { added: 2 });
      const listed = (await viewer.request({ method: 'GET', url: `${api}/customer-groups` })).json().items;
      assert.equal(listed[0].memberCount, 2);
      const inGroup = await viewer.request({
        method: 'POST',
        url: `${api}/customer-segments/preview`,
        payload: {
          rules: [
            { field: 'group', operator: 'in', value: group.id },
            { field: 'order_count', operator: 'equals', value: 0 },
          ],
        },
      });
      assert.deepEqual(emails(inGroup.json().items), ['never@example.test']);
      const segment = await owner.request({
        method: 'POST',
        url: `${api}/customer-segments`,
        payload: { name: 'Wholesale', rules: [{ field: 'group', operator: 'in', value: group.id }] },
      });
      assert.equal(segment.statusCode, 201);
      const refused = await owner.request({ method: 'DELETE', url: `${api}/customer-groups/${group.id}` });
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(refused.json().error.details, { segments: [segment.json().segment.id] });
      const profile = (await viewer.request({ method: 'GET', url: `${api}/customers/${ids.new}` })).json();
      assert.deepEqual(profile.groups, [{ id: group.id, name: 'Wholesale' }]);
    });

    test('consent: the admin grants or withdraws only through the log (source admin, audited); PATCH cannot', async () => {
      const sneaky = await owner.request({
        method: 'PATCH',
        url: `${api}/customers/${ids.never}`,
        payload: { acceptsMarketing: true },
      });
      assert.equal(sneaky.statusCode, 400);
      const denied = await viewer.request({
        method: 'PUT',
        url: `${api}/customers/${ids.never}/marketing-consent`,
        payload: { acceptsMarketing: true },
      });
      assert.equal(denied.statusCode, 403);
      const granted = await owner.request({
        method: 'PUT',
        url: `${api}/customers/${ids.never}/marketing-consent`,
        payload: { acceptsMarketing: true },
      });
      assert.equal(granted.statusCode, 200, granted.body);
      assert.equal(granted.json().customer.acceptsMarketing, true);
      assert.equal(granted.json().customer.marketingConsentSource, 'admin');
      const withdrawn = await owner.request({
        method: 'PUT',
        url: `${api}/customers/${ids.never}/marketing-consent`,
        payload: { acceptsMarketing: false },
      });
      assert.equal(withdrawn.json().customer.acceptsMarketing, false);
      const profile = (await viewer.request({ method: 'GET', url: `${api}/customers/${ids.never}` })).json();
      assert.deepEqual(
        profile.consentHistory.map((e: { status: string; source: string }) => `${e.status}:${e.source}`),
        ['withdrawn:admin', 'granted:admin'],
      );
      const audits = await database.execute<{ action: string }>(
        "select action from audit_log where entity_id = $1 and action = 'customer.marketing_consent_changed'",
        [ids.never],
      );
      assert.equal(audits.length, 2);
      const big = (await viewer.request({ method: 'GET', url: `${api}/customers/${ids.big}` })).json();
      assert.equal(big.customer.totalSpent, 82_999);
      assert.equal(big.recentOrders.length, 3);
      assert.equal(big.consentHistory[0].source, 'checkout_checkbox');
      assert.equal(big.consentHistory[0].ip, '192.0.2.1');
    });
  });
}
