import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { systemActor } from '../access/index.ts';
import { authorisePayment, capturePayment, defaultPaymentSettings, getPaymentSettings } from './index.ts';
import { testCard } from './testing/payment-fixtures.ts';

for (const target of testDatabaseTargets()) {
  describe(`payment admin routes on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let manager: Browser;
    let viewer: Browser;
    let content: Browser;
    let otherOwner: Browser;
    let storeId: string;
    const base = '/api/admin/stores/pay-routes/payments';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      storeId = (await makeStore(database, 'pay-routes')).id;
      const other = await makeStore(database, 'pay-routes-other');
      owner = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'owner')).email);
      manager = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'manager')).email);
      viewer = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'viewer')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, storeId, 'content')).email);
      otherOwner = await Browser.signIn(sp.app, (await makeMember(database, other.id, 'owner')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const auditActions = async () =>
      (
        await database.execute<{ action: string }>(
          "select action from audit_log where entity_type = 'payment_settings' and store_id = $1 order by at, id",
          [storeId],
        )
      ).map((r) => r.action);

    test('settings: the defaults until changed; a change keeps what it leaves out and is audited', async () => {
      const first = await viewer.request({ method: 'GET', url: `${base}/settings` });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json().settings, defaultPaymentSettings);

      const changed = await owner.request({
        method: 'PUT',
        url: `${base}/settings`,
        payload: {
          captureMode: 'on_fulfilment',
          providers: { manual: { title: 'Cash on delivery', instructions: 'Pay the courier.' } },
        },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual(changed.json().settings, {
        captureMode: 'on_fulfilment',
        providers: {
          manual: { enabled: true, title: 'Cash on delivery', instructions: 'Pay the courier.' },
          test_card: { enabled: true },
        },
        webhook: { secretSet: false },
      });
      const off = await owner.request({
        method: 'PUT',
        url: `${base}/settings`,
        payload: { providers: { test_card: { enabled: false } } },
      });
      assert.equal(off.statusCode, 200, off.body);
      assert.deepEqual(await getPaymentSettings(database.db, storeId), off.json().settings);
      assert.equal(off.json().settings.captureMode, 'on_fulfilment');
      assert.equal(off.json().settings.providers.manual.title, 'Cash on delivery');
      assert.deepEqual(await auditActions(), ['payment.settings_updated', 'payment.settings_updated']);
      const [audit] = await database.execute<{ before: unknown; after: { captureMode: string } }>(
        "select before, after from audit_log where action = 'payment.settings_updated' and store_id = $1 order by at, id limit 1",
        [storeId],
      );
      assert.deepEqual(audit!.before, defaultPaymentSettings);
      assert.equal(audit!.after.captureMode, 'on_fulfilment');
      // Another store still has the defaults.
      const other = await otherOwner.request({
        method: 'GET',
        url: '/api/admin/stores/pay-routes-other/payments/settings',
      });
      assert.deepEqual(other.json().settings, defaultPaymentSettings);
    });

    test('settings: bad input is a 4xx with a code and changes nothing', async () => {
      const before = await getPaymentSettings(database.db, storeId);
      const cases: [unknown, number, string][] = [
        [{ captureMode: 'later' }, 400, 'validation_failed'],
        [{ providers: { manual: { title: '' } } }, 400, 'validation_failed'],
        [{ providers: { paypal: { enabled: true } } }, 400, 'validation_failed'],
        [{ providers: { manual: { enabled: 'yes' } } }, 400, 'validation_failed'],
        [
          { providers: { manual: { enabled: false }, test_card: { enabled: false } } },
          422,
          'payment_provider_required',
        ],
      ];
      for (const [payload, status, code] of cases) {
        const res = await owner.request({
          method: 'PUT',
          url: `${base}/settings`,
          payload: payload as object,
        });
        assert.deepEqual([res.statusCode, res.json().error.code], [status, code], JSON.stringify(payload));
      }
      assert.deepEqual(await getPaymentSettings(database.db, storeId), before);
    });

    test('permissions: changing settings needs store:write, reading a payment orders:read', async () => {
      for (const who of [viewer, manager]) {
        const res = await who.request({
          method: 'PUT',
          url: `${base}/settings`,
          payload: { captureMode: 'immediate' },
        });
        assert.deepEqual([res.statusCode, res.json().error.code], [403, 'permission_denied']);
        const rotate = await who.request({
          method: 'POST',
          url: `${base}/settings/webhook-secret`,
          payload: {},
        });
        assert.equal(rotate.statusCode, 403);
      }
      const payment = await database.db.transaction((tx) =>
        authorisePayment(tx, storeId, {
          orderId: 'ord_route',
          provider: 'test_card',
          amount: 2_500,
          currency: 'EUR',
          capture: 'on_fulfilment',
          method: testCard(),
          allowDisabledProvider: true,
        }),
      );
      const denied = await content.request({ method: 'GET', url: `${base}/${payment.id}` });
      assert.deepEqual([denied.statusCode, denied.json().error.code], [403, 'permission_denied']);
      const notTheirs = await otherOwner.request({
        method: 'GET',
        url: `/api/admin/stores/pay-routes-other/payments/${payment.id}`,
      });
      assert.equal(notTheirs.statusCode, 404);
      const unknown = await viewer.request({ method: 'GET', url: `${base}/pay_01jzzzzzzzzzzzzzzzzzzzzzzz` });
      assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'not_found']);
    });

    test('a payment with its ledger', async () => {
      const payment = await database.db.transaction(async (tx) => {
        const p = await authorisePayment(tx, storeId, {
          orderId: 'ord_ledger',
          provider: 'test_card',
          amount: 4_000,
          currency: 'EUR',
          capture: 'on_fulfilment',
          method: testCard('5555 5555 5555 4444'),
          allowDisabledProvider: true,
        });
        return capturePayment(tx, storeId, systemActor('test'), p.id, 1_500);
      });
      const res = await viewer.request({ method: 'GET', url: `${base}/${payment.id}` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(
        [body.payment.state, body.payment.capturedAmount, body.payment.card],
        ['captured', 1_500, { brand: 'mastercard', last4: '4444' }],
      );
      assert.deepEqual(
        body.transactions.map((t: { kind: string; amount: number }) => [t.kind, t.amount]),
        [
          ['authorise', 4_000],
          ['capture', 1_500],
        ],
      );
    });

    test('webhook secret: made by the owner, shown once, audited without the secret', async () => {
      const res = await owner.request({ method: 'POST', url: `${base}/settings/webhook-secret` });
      assert.equal(res.statusCode, 200, res.body);
      const { secret, webhookPath } = res.json();
      assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
      assert.equal(webhookPath, '/api/payments/:provider/webhook');
      const settings = await viewer.request({ method: 'GET', url: `${base}/settings` });
      assert.deepEqual(settings.json().settings.webhook, { secretSet: true });
      assert.doesNotMatch(settings.body, /whsec_/);
      const audit = await database.execute<{ row: string }>(
        "select t::text as row from audit_log t where action = 'payment.webhook_secret_rotated'",
      );
      assert.equal(audit.length, 1);
      assert.doesNotMatch(audit[0]!.row, /whsec_/);
      const again = await owner.request({
        method: 'POST',
        url: `${base}/settings/webhook-secret`,
        payload: {},
      });
      assert.notEqual(again.json().secret, secret);
      const bad = await owner.request({
        method: 'POST',
        url: `${base}/settings/webhook-secret`,
        payload: { x: 1 },
      });
      assert.equal(bad.statusCode, 400);
    });
  });
}
