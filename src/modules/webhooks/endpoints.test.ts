import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from './index.ts';

const isError = (status: number, code: string) => (err: unknown) =>
  err instanceof AppError && err.status === status && err.code === code;

for (const target of testDatabaseTargets()) {
  describe(`webhook endpoints (${target.label})`, () => {
    let database: Database;
    let n = 0;
    const store = () => `store_ep${++n}`;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    test('create returns the endpoint with a Standard Webhooks secret, shown only then', async () => {
      const storeId = store();
      const created = await createEndpoint(database.db, storeId, {
        url: 'https://hooks.example.com/storepilot',
        description: 'ERP sync',
        eventTypes: ['product.*', 'order.placed', 'order.placed'],
      });
      assert.match(created.id, /^whep_/);
      assert.equal(created.url, 'https://hooks.example.com/storepilot');
      assert.equal(created.description, 'ERP sync');
      assert.deepEqual(created.eventTypes, ['order.placed', 'product.*']);
      assert.equal(created.enabled, true);
      assert.match(created.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
      assert.ok(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length >= 24);

      const fetched = await getEndpoint(database.db, storeId, created.id);
      assert.equal('secret' in fetched, false);
      assert.equal('previousSecret' in fetched, false);
      const listed = await listEndpoints(database.db, storeId);
      assert.deepEqual(
        listed.map((e) => e.id),
        [created.id],
      );
      assert.equal('secret' in listed[0]!, false);
      const second = await createEndpoint(database.db, storeId, { url: 'http://localhost:9000/hook' });
      assert.notEqual(second.secret, created.secret);
      assert.deepEqual(second.eventTypes, []);
    });

    test('rejects URLs that are not http(s) and malformed event types', async () => {
      const storeId = store();
      for (const url of [
        'not a url',
        'ftp://files.example.com/x',
        'javascript:alert(1)',
        'https://user:pw@x.example',
      ]) {
        await assert.rejects(createEndpoint(database.db, storeId, { url }), isError(400, 'invalid_url'), url);
      }
      await assert.rejects(
        createEndpoint(database.db, storeId, { url: 'https://x.example', eventTypes: ['Product Created'] }),
        isError(400, 'invalid_event_type'),
      );
      await assert.rejects(
        createEndpoint(database.db, storeId, { url: 'https://x.example', eventTypes: ['*.created'] }),
        isError(400, 'invalid_event_type'),
      );
      assert.deepEqual(await listEndpoints(database.db, storeId), [], 'nothing written');
    });

    test('another store sees 404 for an endpoint that is not its own', async () => {
      const owner = store();
      const other = store();
      const endpoint = await createEndpoint(database.db, owner, { url: 'https://x.example/hook' });
      const notFound = isError(404, 'not_found');
      await assert.rejects(getEndpoint(database.db, other, endpoint.id), notFound);
      await assert.rejects(updateEndpoint(database.db, other, endpoint.id, { enabled: false }), notFound);
      await assert.rejects(rotateSecret(database.db, other, endpoint.id), notFound);
      await assert.rejects(deleteEndpoint(database.db, other, endpoint.id), notFound);
      await assert.rejects(
        listDeliveries(database.db, other, endpoint.id, { limit: 10, offset: 0 }),
        notFound,
      );
      assert.equal((await getEndpoint(database.db, owner, endpoint.id)).enabled, true);
      assert.deepEqual(await listEndpoints(database.db, other), []);
    });

    test('update changes only the fields given and validates them', async () => {
      const storeId = store();
      const endpoint = await createEndpoint(database.db, storeId, {
        url: 'https://x.example/a',
        description: 'first',
        eventTypes: ['order.*'],
      });
      const disabled = await updateEndpoint(database.db, storeId, endpoint.id, { enabled: false });
      assert.equal(disabled.enabled, false);
      assert.equal(disabled.url, 'https://x.example/a');
      assert.deepEqual(disabled.eventTypes, ['order.*']);
      const moved = await updateEndpoint(database.db, storeId, endpoint.id, {
        url: 'https://y.example/b',
        eventTypes: [],
        enabled: true,
      });
      assert.equal(moved.url, 'https://y.example/b');
      assert.deepEqual(moved.eventTypes, []);
      assert.equal(moved.enabled, true);
      assert.equal(moved.description, 'first');
      assert.ok(moved.updatedAt >= endpoint.updatedAt);
      await assert.rejects(
        updateEndpoint(database.db, storeId, endpoint.id, { url: 'gopher://z' }),
        isError(400, 'invalid_url'),
      );
      assert.equal((await getEndpoint(database.db, storeId, endpoint.id)).url, 'https://y.example/b');
    });

    test('rotateSecret issues a new secret; delete removes the endpoint', async () => {
      const storeId = store();
      const endpoint = await createEndpoint(database.db, storeId, { url: 'https://x.example/hook' });
      const rotated = await rotateSecret(database.db, storeId, endpoint.id);
      assert.match(rotated.secret, /^whsec_/);
      assert.notEqual(rotated.secret, endpoint.secret);
      const deleted = await deleteEndpoint(database.db, storeId, endpoint.id);
      assert.equal(deleted.id, endpoint.id);
      assert.equal('secret' in deleted, false);
      await assert.rejects(getEndpoint(database.db, storeId, endpoint.id), isError(404, 'not_found'));
    });
  });
}
