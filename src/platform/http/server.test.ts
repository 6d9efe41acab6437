import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { Browser, makeMember, makeStore } from '../../../test/support/app-harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { createLogger } from '../logging.ts';

for (const target of testDatabaseTargets()) {
  describe(`operations endpoints and logs on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    const logLines: string[] = [];

    before(async () => {
      database = await target.create();
      const sink = new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      const config = { ...loadConfig({ dataDir: '/nonexistent' }, {}), jobs: false };
      sp = await buildApp({ config, database, logger: createLogger('debug', sink) });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('/health, /ready and /metrics answer', async () => {
      assert.equal((await sp.app.inject('/health')).json().status, 'ok');
      assert.equal((await sp.app.inject('/ready')).statusCode, 200);
      const metrics = await sp.app.inject('/metrics');
      assert.match(metrics.headers['content-type'] as string, /text\/plain/);
      assert.match(metrics.body, /process_resident_memory_bytes/);
      assert.match(metrics.body, /storepilot_http_request_duration_seconds_bucket/);
    });

    test('OpenAPI 3.1 documents every admin route with its permission; docs page is served', async () => {
      const spec = (await sp.app.inject('/api/openapi.json')).json();
      assert.equal(spec.openapi, '3.1.0');
      const op = spec.paths['/api/admin/stores/{store}/products'].post;
      assert.match(op.description, /catalog:write/);
      assert.equal(op['x-permission'], 'catalog:write');
      for (const r of sp.app.declaredRoutes) {
        const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
        assert.ok(spec.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} is documented`);
      }
      const docs = await sp.app.inject('/api/docs/');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    test('logs carry no e-mails, passwords, cookies or tokens', async () => {
      const store = await makeStore(database, 'log-shop');
      const member = await makeMember(database, store.id, 'owner');
      const browser = await Browser.signIn(sp.app, member.email);
      await browser.request({
        method: 'GET',
        url: `/api/admin/stores/log-shop/products?q=${encodeURIComponent(member.email)}`,
      });
      await sp.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: member.email, password: 'wrong password!' },
      });
      const all = logLines.join('');
      assert.ok(logLines.length > 0, 'something was logged at debug level');
      assert.ok(!all.includes(member.email), 'no e-mail in logs');
      assert.ok(!all.includes(browser.cookie.split('=')[1]!), 'no session token in logs');
      assert.ok(!all.includes('wrong password!'), 'no password in logs');
    });
  });
}
