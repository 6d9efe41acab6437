import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createOutboxDispatcher } from '../../platform/events/dispatcher.ts';
import { emitEvent } from '../../platform/events/outbox.ts';
import { createJobRunner } from '../../platform/jobs/index.ts';
import { registerWebhookJobs, webhooksConsumer } from './index.ts';

const ROUTE = '/api/admin/stores/:store/webhooks';

for (const target of testDatabaseTargets()) {
  describe(`webhook routes (${target.label})`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let operations: Browser;
    let content: Browser;
    let storeId: string;
    const base = '/api/admin/stores/hooks/webhooks';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      assert.ok(sp.app.hasRoute({ method: 'GET', url: ROUTE }), 'the app mounts the webhook routes');
      const store = await makeStore(database, 'hooks');
      storeId = store.id;
      await makeStore(database, 'other');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      operations = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'operations')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const auditOf = async (entityId: string) =>
      (
        await owner.request({ method: 'GET', url: `/api/admin/stores/hooks/audit?entityId=${entityId}` })
      ).json().items as { action: string; before: unknown; after: unknown }[];

    test('create returns the secret once, audits without it, and lists the endpoint', async () => {
      const res = await owner.request({
        method: 'POST',
        url: base,
        payload: { url: 'https://erp.example.com/hooks', description: 'ERP', eventTypes: ['order.*'] },
      });
      assert.equal(res.statusCode, 201, res.body);
      const { endpoint, secret } = res.json();
      assert.match(secret, /^whsec_/);
      assert.equal(endpoint.url, 'https://erp.example.com/hooks');
      assert.deepEqual(endpoint.eventTypes, ['order.*']);
      assert.equal(endpoint.secret, undefined);

      const list = await owner.request({ method: 'GET', url: base });
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json().items.map((e: { id: string }) => e.id),
        [endpoint.id],
      );
      assert.ok(!list.body.includes(secret));
      const one = await owner.request({ method: 'GET', url: `${base}/${endpoint.id}` });
      assert.equal(one.json().endpoint.description, 'ERP');
      assert.ok(!one.body.includes(secret));

      const [entry] = await auditOf(endpoint.id);
      assert.equal(entry!.action, 'webhook_endpoint.created');
      assert.equal((entry!.after as { url: string }).url, 'https://erp.example.com/hooks');
      assert.ok(!JSON.stringify(entry).includes(secret), 'the audit log never holds the secret');
    });

    test('bad input gets a 400 with a machine-readable code and writes nothing', async () => {
      const badUrl = await owner.request({
        method: 'POST',
        url: base,
        payload: { url: 'ftp://x.example/a' },
      });
      assert.equal(badUrl.statusCode, 400);
      assert.equal(badUrl.json().error.code, 'invalid_url');
      const badType = await owner.request({
        method: 'POST',
        url: base,
        payload: { url: 'https://x.example/a', eventTypes: ['NOT VALID'] },
      });
      assert.equal(badType.json().error.code, 'invalid_event_type');
      const extra = await owner.request({
        method: 'POST',
        url: base,
        payload: { url: 'https://x.example', secret: 'x' },
      });
      assert.equal(extra.statusCode, 400);
      assert.equal(extra.json().error.code, 'validation_failed');
      const list = await owner.request({ method: 'GET', url: base });
      assert.ok(!list.body.includes('x.example'));
    });

    test('reading needs webhooks:read, changing needs webhooks:write', async () => {
      assert.equal((await operations.request({ method: 'GET', url: base })).statusCode, 200);
      const denied = await operations.request({
        method: 'POST',
        url: base,
        payload: { url: 'https://x.example' },
      });
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json().error.code, 'permission_denied');
      assert.equal((await content.request({ method: 'GET', url: base })).statusCode, 403);
    });

    test('update, rotate and delete are audited; another store cannot reach the endpoint', async () => {
      const created = (
        await owner.request({ method: 'POST', url: base, payload: { url: 'https://a.example/hook' } })
      ).json();
      const id = created.endpoint.id;

      const patched = await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { enabled: false },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().endpoint.enabled, false);

      const rotated = await owner.request({ method: 'POST', url: `${base}/${id}/rotate-secret` });
      assert.equal(rotated.statusCode, 200);
      assert.match(rotated.json().secret, /^whsec_/);
      assert.notEqual(rotated.json().secret, created.secret);

      const elsewhere = await owner.request({ method: 'GET', url: `/api/admin/stores/other/webhooks/${id}` });
      assert.equal(elsewhere.statusCode, 404);

      assert.equal((await owner.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode, 204);
      const gone = await owner.request({ method: 'GET', url: `${base}/${id}` });
      assert.equal(gone.statusCode, 404);
      assert.equal(gone.json().error.code, 'not_found');

      const actions = (await auditOf(id)).map((e) => e.action).sort();
      assert.deepEqual(actions, [
        'webhook_endpoint.created',
        'webhook_endpoint.deleted',
        'webhook_endpoint.secret_rotated',
        'webhook_endpoint.updated',
      ]);
      const update = (await auditOf(id)).find((e) => e.action === 'webhook_endpoint.updated')!;
      assert.equal((update.before as { enabled: boolean }).enabled, true);
      assert.equal((update.after as { enabled: boolean }).enabled, false);
    });

    test('the delivery log shows each attempt of a real delivery', async () => {
      let calls = 0;
      const server = createServer((_req, res) => {
        calls++;
        res.writeHead(calls === 1 ? 500 : 200).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
        // Its own event type, so events from the other tests' set-up and endpoints stay out of it.
        const payload = { url, eventTypes: ['return.requested'] };
        const { endpoint } = (await owner.request({ method: 'POST', url: base, payload })).json();
        const logger = pino({ level: 'silent' });
        const dispatcher = createOutboxDispatcher({ database, logger, consumers: [webhooksConsumer] });
        const runner = createJobRunner({ database, logger, retry: { baseMs: 5, maxMs: 20 } });
        registerWebhookJobs(runner);
        await database.db.transaction((tx) =>
          emitEvent(tx, { storeId, type: 'return.requested', payload: { id: 'ret_1' } }),
        );
        await dispatcher.dispatchOnce();
        const deadline = Date.now() + 10_000;
        let log: { items: { status: string; attemptLog: { statusCode: number }[] }[]; total: number };
        for (;;) {
          await runner.runDueJobsOnce();
          log = (
            await operations.request({ method: 'GET', url: `${base}/${endpoint.id}/deliveries` })
          ).json();
          if (log.items[0]?.status === 'delivered') break;
          assert.ok(Date.now() < deadline, 'delivered in time');
          await new Promise((r) => setTimeout(r, 10));
        }
        assert.equal(log.total, 1);
        assert.deepEqual(
          log.items[0]!.attemptLog.map((a) => a.statusCode),
          [500, 200],
        );
        const failedOnly = await owner.request({
          method: 'GET',
          url: `${base}/${endpoint.id}/deliveries?status=failed`,
        });
        assert.deepEqual(failedOnly.json(), { items: [], total: 0 });
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });
  });
}
