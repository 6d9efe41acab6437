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
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { findOrCreateGuestCustomer } from './index.ts';
import { makeCustomerAccount } from './testing/customer-fixtures.ts';

const tables = ['customers', 'customer_addresses', 'audit_log', 'outbox_events'];

/** The admin API: the customer list, one customer, profile changes and their address book. */
for (const target of testDatabaseTargets()) {
  describe(`customer admin routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let viewer: Browser;
    let storeId: string;
    let ada: string;
    const base = '/api/admin/stores/people/customers';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'people');
      storeId = store.id;
      await makeStore(database, 'elsewhere');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'viewer')).email);
      ada = (await makeCustomerAccount(database, store.id, 'ada@example.test')).id;
      for (const [email, firstName, lastName] of [
        ['grace@example.test', 'Grace', 'Hopper'],
        ['alan@example.test', 'Alan', 'Turing'],
        ['edsger_d@example.test', 'Edsger', 'Dijkstra'],
      ] as const) {
        await database.db.transaction((tx) =>
          findOrCreateGuestCustomer(tx, store.id, { email, firstName, lastName }),
        );
      }
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

    test('the list: newest first, searched by e-mail or name ("%" and "_" are letters), paged, by state', async () => {
      const all = (await owner.request({ method: 'GET', url: base })).json();
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((c: { email: string }) => c.email),
        ['edsger_d@example.test', 'alan@example.test', 'grace@example.test', 'ada@example.test'],
      );
      assert.equal(all.items[0].passwordHash, undefined, 'never the password hash');
      const search = async (q: string) =>
        (await owner.request({ method: 'GET', url: `${base}?q=${encodeURIComponent(q)}` }))
          .json()
          .items.map((c: { email: string }) => c.email);
      assert.deepEqual(await search('HOPPER'), ['grace@example.test']);
      assert.deepEqual(await search('grace hop'), ['grace@example.test']);
      assert.deepEqual(await search('ada@'), ['ada@example.test']);
      assert.deepEqual(await search('_d@'), ['edsger_d@example.test']);
      assert.deepEqual(await search('%'), []);
      const page = (await owner.request({ method: 'GET', url: `${base}?limit=2&offset=2` })).json();
      assert.equal(page.total, 4);
      assert.deepEqual(
        page.items.map((c: { email: string }) => c.email),
        ['grace@example.test', 'ada@example.test'],
      );
      const enabled = (await owner.request({ method: 'GET', url: `${base}?state=enabled` })).json();
      assert.deepEqual(
        enabled.items.map((c: { email: string }) => c.email),
        ['ada@example.test'],
      );
      const bad = await owner.request({ method: 'GET', url: `${base}?limit=0` });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'validation_failed');
    });

    test('one customer with their addresses; another store’s customer is not found', async () => {
      const res = await viewer.request({ method: 'GET', url: `${base}/${ada}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().customer.email, 'ada@example.test');
      assert.deepEqual(res.json().addresses, []);
      const elsewhere = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/elsewhere/customers/${ada}`,
      });
      assert.equal(elsewhere.statusCode, 404);
      assert.equal((await owner.request({ method: 'GET', url: `${base}/cus_nothing` })).statusCode, 404);
    });

    test('changing a profile is audited (before/after) and emits customer.updated; bad input writes nothing', async () => {
      const res = await owner.request({
        method: 'PATCH',
        url: `${base}/${ada}`,
        payload: {
          lastName: 'Lovelace',
          phone: '+44 20 7946 0000',
          note: 'Prefers e-mail',
          tags: ['vip', 'vip', 'b2b'],
        },
      });
      assert.equal(res.statusCode, 200, res.body);
      const customer = res.json().customer;
      assert.equal(customer.lastName, 'Lovelace');
      assert.deepEqual(customer.tags, ['vip', 'b2b']);
      const [audit] = await database.execute<{
        action: string;
        before: { lastName: string };
        after: { note: string };
      }>("select action, before, after from audit_log where entity_id = $1 and action = 'customer.updated'", [
        ada,
      ]);
      assert.equal(audit?.before.lastName, 'Lind');
      assert.equal(audit?.after.note, 'Prefers e-mail');
      const [event] = await database.execute<{ payload: { fields: string[]; source: string } }>(
        // The account's activation (source storefront) is an update too; this is the admin's.
        "select payload from outbox_events where type = 'customer.updated' and payload->>'id' = $1 and payload->>'source' = 'admin'",
        [ada],
      );
      assert.deepEqual(event?.payload.fields.sort(), ['lastName', 'note', 'phone', 'tags']);
      assert.equal(event?.payload.source, 'admin');

      const before = await counts();
      for (const payload of [
        { tags: 'vip' },
        { email: 'new@example.test' },
        { phone: 'call me maybe' },
        { firstName: 'x'.repeat(101) },
      ]) {
        const refused = await owner.request({ method: 'PATCH', url: `${base}/${ada}`, payload });
        assert.equal(refused.statusCode, 400, JSON.stringify(payload));
        assert.equal(refused.json().error.code, 'validation_failed');
      }
      const same = await owner.request({
        method: 'PATCH',
        url: `${base}/${ada}`,
        payload: { lastName: 'Lovelace' },
      });
      assert.equal(same.statusCode, 200);
      assert.deepEqual(await counts(), before, 'a change that changes nothing records nothing');
    });

    test('viewers read, only writers change; API keys need the permission too', async () => {
      const refused = await viewer.request({
        method: 'PATCH',
        url: `${base}/${ada}`,
        payload: { note: 'x' },
      });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'permission_denied');
      const readKey = withApiKey(sp.app, await makeApiKey(database, storeId, ['customers:read']));
      assert.equal((await readKey({ method: 'GET', url: base })).statusCode, 200);
      const writeAttempt = await readKey({
        method: 'POST',
        url: `${base}/${ada}/addresses`,
        payload: { firstName: 'A', lastName: 'L', line1: 'x', city: 'y', country: 'IE' },
      });
      assert.equal(writeAttempt.statusCode, 403);
    });

    test('addresses: checked per country, one default, the default moves on when it goes; all audited', async () => {
      const url = `${base}/${ada}/addresses`;
      const home = {
        firstName: 'Ada',
        lastName: 'Lovelace',
        line1: '12 St James’s Square',
        city: 'London',
        country: 'GB',
      };

      const before = await counts();
      const noPostcode = await owner.request({ method: 'POST', url, payload: home });
      assert.equal(noPostcode.statusCode, 400);
      assert.deepEqual(
        noPostcode.json().error.details.map((d: { path: string }) => d.path),
        ['body.postalCode'],
      );
      const noState = await owner.request({
        method: 'POST',
        url,
        payload: { ...home, country: 'US', city: 'Boston', postalCode: '02108' },
      });
      assert.equal(noState.statusCode, 400);
      assert.deepEqual(
        noState.json().error.details.map((d: { path: string }) => d.path),
        ['body.region'],
      );
      assert.deepEqual(await counts(), before);

      const first = await owner.request({
        method: 'POST',
        url,
        payload: { ...home, postalCode: 'sw1y 4lg' },
      });
      assert.equal(first.statusCode, 201, first.body);
      const london = first.json().address;
      assert.equal(london.isDefault, true, 'the first address is the default');
      assert.equal(london.postalCode, 'SW1Y 4LG');
      const boston = (
        await owner.request({
          method: 'POST',
          url,
          payload: {
            ...home,
            country: 'US',
            city: 'Boston',
            postalCode: '02108',
            region: 'MA',
            isDefault: true,
          },
        })
      ).json().address;
      assert.equal(boston.region, 'US-MA');
      const cork = (
        await owner.request({ method: 'POST', url, payload: { ...home, country: 'IE', city: 'Cork' } })
      ).json().address;
      assert.equal(cork.isDefault, false);

      const list = async () =>
        (await owner.request({ method: 'GET', url }))
          .json()
          .items.map((a: { city: string; isDefault: boolean }) => `${a.city}${a.isDefault ? '*' : ''}`);
      assert.deepEqual(await list(), ['Boston*', 'Cork', 'London']);

      const moved = await owner.request({
        method: 'PATCH',
        url: `${url}/${london.id}`,
        payload: { isDefault: true },
      });
      assert.equal(moved.statusCode, 200);
      assert.deepEqual(await list(), ['London*', 'Cork', 'Boston']);

      // A change is checked as a whole: moving Cork to the US needs a state and a ZIP code.
      const toUs = await owner.request({
        method: 'PATCH',
        url: `${url}/${cork.id}`,
        payload: { country: 'US' },
      });
      assert.equal(toUs.statusCode, 400);
      const refusedPaths = toUs
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort();
      assert.deepEqual(refusedPaths, ['postalCode', 'region']);
      const renamed = await owner.request({
        method: 'PATCH',
        url: `${url}/${cork.id}`,
        payload: { line2: 'Flat 2' },
      });
      assert.equal(renamed.json().address.line2, 'Flat 2');

      assert.equal((await owner.request({ method: 'DELETE', url: `${url}/${london.id}` })).statusCode, 204);
      assert.deepEqual(await list(), ['Cork*', 'Boston'], 'the newest remaining address became the default');
      assert.equal((await owner.request({ method: 'DELETE', url: `${url}/${london.id}` })).statusCode, 404);

      const actions = await database.execute<{ action: string }>(
        "select action from audit_log where entity_type = 'customer_address' order by at, id",
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        [
          'customer_address.created',
          'customer_address.created',
          'customer_address.created',
          'customer_address.updated',
          'customer_address.updated',
          'customer_address.deleted',
        ],
      );
      const detail = (await owner.request({ method: 'GET', url: `${base}/${ada}` })).json();
      assert.equal(detail.addresses.length, 2);
    });
  });
}
