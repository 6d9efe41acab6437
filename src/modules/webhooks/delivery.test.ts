import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { createOutboxDispatcher } from '../../platform/events/dispatcher.ts';
import { emitEvent, findEvent } from '../../platform/events/outbox.ts';
import { createJobRunner, type JobRunner } from '../../platform/jobs/index.ts';
import { jobs } from '../../platform/jobs/schema.ts';
import {
  createEndpoint,
  createWebhooksConsumer,
  DELIVER_JOB,
  listDeliveries,
  registerWebhookJobs,
  rotateSecret,
  updateEndpoint,
  type WebhookDelivery,
} from './index.ts';

const logger = pino({ level: 'silent' });

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on a free local port; `answer` decides each response from the call number. */
async function startReceiver(
  answer: (call: number) => { status: number; body?: string; location?: string } | 'hang',
) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = answer(received.length);
      if (reply === 'hang') return;
      res.writeHead(reply.status, reply.location ? { location: reply.location } : {});
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/storepilot`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a receiver does with a request: verify it with the library integrators use. */
function verify(secret: string, request: Received) {
  return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
}

for (const target of testDatabaseTargets()) {
  describe(`webhook delivery (${target.label})`, () => {
    let database: Database;
    let runner: JobRunner;
    let receivers: { close(): Promise<void> }[] = [];
    const storeId = 'store_hooks';

    async function setup(options: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [createWebhooksConsumer({ maxAttempts: options.maxAttempts })],
      });
      runner = createJobRunner({ database, logger, retry: { baseMs: 5, maxMs: 50 } });
      registerWebhookJobs(runner, { requestTimeoutMs: options.requestTimeoutMs });
      return dispatcher;
    }
    const receiver = async (answer: Parameters<typeof startReceiver>[0]) => {
      const r = await startReceiver(answer);
      receivers.push(r);
      return r;
    };
    const emit = (type: string, payload: Record<string, unknown>, store = storeId) =>
      database.db.transaction((tx) => emitEvent(tx, { storeId: store, type, payload }));
    const deliveriesOf = async (endpointId: string, store = storeId) =>
      (await listDeliveries(database.db, store, endpointId, { limit: 50, offset: 0 })).items;
    /** Runs due jobs until the delivery settles or the deadline passes; retries are due within ms. */
    async function runUntilSettled(endpointId: string): Promise<WebhookDelivery> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        await runner.runDueJobsOnce();
        const [delivery] = await deliveriesOf(endpointId);
        if (delivery && delivery.status !== 'pending') return delivery;
        assert.ok(Date.now() < deadline, `delivery still ${delivery?.status ?? 'missing'}`);
        await sleep(10);
      }
    }

    beforeEach(async () => {
      database = await target.create();
    });
    afterEach(async () => {
      await runner?.stop();
      await Promise.all(receivers.map((r) => r.close()));
      receivers = [];
      await database.close();
    });

    test('delivers a signed event, retries after a 500, and logs both attempts', async () => {
      const hooks = await receiver((call) =>
        call === 1 ? { status: 500, body: 'database down' } : { status: 204 },
      );
      const dispatcher = await setup();
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      const eventId = await emit('product.created', { id: 'prod_1', title: 'Linen shirt' });

      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 1, failed: 0 });
      assert.equal(await runner.runDueJobsOnce(), 1);
      assert.equal(hooks.received.length, 1);
      let [delivery] = await deliveriesOf(endpoint.id);
      assert.equal(delivery!.status, 'pending');
      assert.equal(delivery!.attempts, 1);
      assert.equal(delivery!.lastStatusCode, 500);

      delivery = await runUntilSettled(endpoint.id);
      assert.equal(hooks.received.length, 2);
      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.eventId, eventId);
      assert.equal(delivery.eventType, 'product.created');
      assert.equal(delivery.attempts, 2);
      assert.equal(delivery.lastStatusCode, 204);
      assert.equal(delivery.lastError, null);
      assert.ok(delivery.deliveredAt);
      assert.deepEqual(
        delivery.attemptLog.map((a) => [a.attempt, a.statusCode, a.error, a.responseBody]),
        [
          [1, 500, 'receiver answered HTTP 500', 'database down'],
          [2, 204, null, ''],
        ],
      );

      for (const request of hooks.received) {
        assert.equal(request.headers['webhook-id'], eventId, 'the same id on every attempt');
        assert.equal(request.headers['content-type'], 'application/json');
        const payload = verify(endpoint.secret, request) as {
          type: string;
          timestamp: string;
          data: unknown;
        };
        assert.equal(payload.type, 'product.created');
        assert.deepEqual(payload.data, { id: 'prod_1', title: 'Linen shirt' });
        assert.ok(!Number.isNaN(Date.parse(payload.timestamp)));
      }
      assert.equal(hooks.received[0]!.body, hooks.received[1]!.body, 'the same body on every attempt');
      const tampered = { ...hooks.received[1]!, body: hooks.received[1]!.body.replace('Linen', 'Silk') };
      assert.throws(() => verify(endpoint.secret, tampered), /signature/i);

      // Dispatched once, delivered once: nothing more to send.
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 0, failed: 0 });
      await runner.runDueJobsOnce();
      assert.equal(hooks.received.length, 2);
    });

    test('sends each event only to enabled endpoints of its store that want its type', async () => {
      const hooks = await receiver(() => ({ status: 200 }));
      const dispatcher = await setup();
      const all = await createEndpoint(database.db, storeId, { url: hooks.url });
      const products = await createEndpoint(database.db, storeId, {
        url: hooks.url,
        eventTypes: ['product.*'],
      });
      const orders = await createEndpoint(database.db, storeId, {
        url: hooks.url,
        eventTypes: ['order.placed'],
      });
      const off = await createEndpoint(database.db, storeId, { url: hooks.url });
      await updateEndpoint(database.db, storeId, off.id, { enabled: false });
      const elsewhere = await createEndpoint(database.db, 'store_other', { url: hooks.url });

      await emit('product.updated', { id: 'prod_1' });
      await emit('order.placed', { id: 'ord_1' });
      await dispatcher.dispatchOnce();
      while ((await runner.runDueJobsOnce()) > 0);

      const types = async (endpointId: string, store = storeId) =>
        (await deliveriesOf(endpointId, store)).map((d) => `${d.eventType}:${d.status}`).sort();
      assert.deepEqual(await types(all.id), ['order.placed:delivered', 'product.updated:delivered']);
      assert.deepEqual(await types(products.id), ['product.updated:delivered']);
      assert.deepEqual(await types(orders.id), ['order.placed:delivered']);
      assert.deepEqual(await types(off.id), []);
      assert.deepEqual(await types(elsewhere.id, 'store_other'), []);
      assert.equal(hooks.received.length, 4);
    });

    test('an event handed to the consumer twice is delivered once', async () => {
      const hooks = await receiver(() => ({ status: 200 }));
      await setup();
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      const consumer = createWebhooksConsumer();
      const event = (await findEvent(database.db, await emit('product.created', { id: 'prod_1' })))!;
      await database.db.transaction((tx) => consumer.handle(tx, event));
      await database.db.transaction((tx) => consumer.handle(tx, event));
      assert.equal((await database.db.select().from(jobs).where(eq(jobs.name, DELIVER_JOB))).length, 1);
      while ((await runner.runDueJobsOnce()) > 0);
      assert.equal((await deliveriesOf(endpoint.id)).length, 1);
      assert.equal(hooks.received.length, 1);
    });

    test('gives up after the last attempt and marks the delivery failed', async () => {
      const hooks = await receiver(() => ({ status: 503, body: 'maintenance' }));
      const dispatcher = await setup({ maxAttempts: 3 });
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      await emit('order.placed', { id: 'ord_1' });
      await dispatcher.dispatchOnce();
      const delivery = await runUntilSettled(endpoint.id);
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts, 3);
      assert.deepEqual(
        delivery.attemptLog.map((a) => a.statusCode),
        [503, 503, 503],
      );
      await sleep(60);
      await runner.runDueJobsOnce();
      assert.equal(hooks.received.length, 3, 'no attempt after giving up');
    });

    test('after a rotation both the new and the old secret verify', async () => {
      const hooks = await receiver(() => ({ status: 200 }));
      const dispatcher = await setup();
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      const rotated = await rotateSecret(database.db, storeId, endpoint.id);
      await emit('product.created', { id: 'prod_1' });
      await dispatcher.dispatchOnce();
      await runUntilSettled(endpoint.id);
      const [request] = hooks.received;
      assert.equal(String(request!.headers['webhook-signature']).split(' ').length, 2);
      assert.ok(verify(rotated.secret, request!));
      assert.ok(verify(endpoint.secret, request!));
      assert.throws(() => verify(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, request!));
    });

    test('a receiver that does not answer in time is a failed attempt', async () => {
      const hooks = await receiver(() => 'hang');
      const dispatcher = await setup({ maxAttempts: 1, requestTimeoutMs: 150 });
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      await emit('product.created', { id: 'prod_1' });
      await dispatcher.dispatchOnce();
      const delivery = await runUntilSettled(endpoint.id);
      assert.equal(delivery.status, 'failed');
      const [attempt] = delivery.attemptLog;
      assert.equal(attempt!.statusCode, null);
      assert.equal(attempt!.error, 'no answer within 150 ms');
      assert.ok(attempt!.durationMs >= 140);
    });

    test('a redirect is not followed and counts as a failure; a refused connection is logged', async () => {
      const hooks = await receiver(() => ({ status: 302, location: 'http://127.0.0.1:1/elsewhere' }));
      const dispatcher = await setup({ maxAttempts: 1 });
      const moved = await createEndpoint(database.db, storeId, { url: hooks.url });
      const closed = await startReceiver(() => ({ status: 200 }));
      const unreachable = await createEndpoint(database.db, storeId, { url: closed.url });
      await closed.close();
      await emit('product.created', { id: 'prod_1' });
      await dispatcher.dispatchOnce();
      const redirected = await runUntilSettled(moved.id);
      assert.equal(redirected.status, 'failed');
      assert.equal(redirected.lastStatusCode, 302);
      assert.equal(redirected.lastError, 'receiver answered HTTP 302');
      const refused = await runUntilSettled(unreachable.id);
      assert.equal(refused.status, 'failed');
      assert.equal(refused.lastStatusCode, null);
      assert.equal(refused.lastError, 'could not connect (ECONNREFUSED)');
    });

    test('disabling an endpoint cancels its pending deliveries', async () => {
      const hooks = await receiver(() => ({ status: 200 }));
      const dispatcher = await setup();
      const endpoint = await createEndpoint(database.db, storeId, { url: hooks.url });
      await emit('product.created', { id: 'prod_1' });
      await dispatcher.dispatchOnce();
      await updateEndpoint(database.db, storeId, endpoint.id, { enabled: false });
      const delivery = await runUntilSettled(endpoint.id);
      assert.equal(delivery.status, 'cancelled');
      assert.equal(hooks.received.length, 0);
    });
  });
}
