import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore, startTestApp, type TestApp } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { systemActor } from '../access/index.ts';
import {
  type AuthorisePaymentInput,
  authorisePayment,
  getPayment,
  type Payment,
  paymentTransactionsOf,
  rotatePaymentWebhookSecret,
} from './index.ts';
import { signedTestCardEvent, testCard } from './testing/payment-fixtures.ts';

const url = '/api/payments/test_card/webhook';

for (const target of testDatabaseTargets()) {
  describe(`payment webhook on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let storeId: string;
    let secret: string;
    let otherSecret: string;
    let orders = 0;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      storeId = (await makeStore(database, 'hook-pay')).id;
      const other = await makeStore(database, 'hook-pay-other');
      secret = await database.db.transaction((tx) =>
        rotatePaymentWebhookSecret(tx, storeId, systemActor('test')),
      );
      otherSecret = await database.db.transaction((tx) =>
        rotatePaymentWebhookSecret(tx, other.id, systemActor('test')),
      );
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const pay = (input: Partial<AuthorisePaymentInput> = {}, store = storeId) =>
      database.db.transaction((tx) =>
        authorisePayment(tx, store, {
          orderId: `ord_hook_${++orders}`,
          provider: 'test_card',
          amount: 8_000,
          currency: 'EUR',
          capture: 'on_fulfilment',
          method: testCard(),
          ...input,
        }),
      );
    const post = (signed: { body: string; headers: Record<string, string> }, path = url) =>
      sp.app.inject({ method: 'POST', url: path, payload: signed.body, headers: signed.headers });
    const ledger = async (p: Payment) =>
      (await paymentTransactionsOf(database.db, storeId, p.id)).map(
        (t) => `${t.kind}:${t.amount}:${t.outcome}:${t.source}${t.errorCode ? `:${t.errorCode}` : ''}`,
      );
    const eventStates = async (p: Payment) =>
      (
        await database.execute<{ state: string }>(
          "select payload->>'state' as state from outbox_events where type = 'payment.updated' and payload->>'paymentId' = $1 order by created_at, id",
          [p.id],
        )
      ).map((r) => r.state);

    test('a capture made at the provider is applied once, however often it is delivered', async () => {
      const p = await pay();
      const event = signedTestCardEvent(secret, {
        type: 'payment.captured',
        reference: p.providerReference!,
        amount: 3_000,
      });
      const first = await post(event);
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), {
        received: true,
        applied: true,
        duplicate: false,
        paymentId: p.id,
        state: 'captured',
      });
      const replay = await post(event);
      assert.equal(replay.statusCode, 200, replay.body);
      assert.deepEqual([replay.json().applied, replay.json().duplicate], [false, true]);
      // Two deliveries at once: still applied once.
      const twins = signedTestCardEvent(secret, {
        type: 'payment.captured',
        reference: p.providerReference!,
        amount: 1_000,
      });
      const answers = await Promise.all([post(twins), post(twins)]);
      assert.deepEqual(
        answers.map((a) => a.statusCode),
        [200, 200],
      );
      assert.deepEqual(answers.map((a) => a.json().applied).sort(), [false, true]);
      const after = await getPayment(database.db, storeId, p.id);
      assert.equal(after.capturedAmount, 4_000);
      assert.deepEqual(await ledger(p), [
        'authorise:8000:succeeded:api',
        'capture:3000:succeeded:webhook',
        'capture:1000:succeeded:webhook',
      ]);
      assert.deepEqual(await eventStates(p), ['authorised', 'captured', 'captured']);
      const [audit] = await database.execute<{ actor_label: string }>(
        "select actor_label from audit_log where entity_id = $1 and action = 'payment.captured' order by at limit 1",
        [p.id],
      );
      assert.equal(audit!.actor_label, 'test_card webhook');
    });

    test('refunds and failures reported by the provider; one that does not fit is recorded, not applied', async () => {
      const p = await pay({ capture: 'immediate' });
      const refunded = await post(
        signedTestCardEvent(secret, {
          type: 'payment.refunded',
          reference: p.providerReference!,
          amount: 2_000,
        }),
      );
      assert.deepEqual([refunded.json().applied, refunded.json().state], [true, 'partially_refunded']);
      const tooMuch = await post(
        signedTestCardEvent(secret, {
          type: 'payment.refunded',
          reference: p.providerReference!,
          amount: 6_001,
        }),
      );
      assert.equal(tooMuch.statusCode, 200, tooMuch.body);
      assert.deepEqual([tooMuch.json().applied, tooMuch.json().error], [false, 'refund_exceeds_captured']);
      const failCaptured = await post(
        signedTestCardEvent(secret, {
          type: 'payment.failed',
          reference: p.providerReference!,
          code: 'card_declined',
        }),
      );
      assert.deepEqual(
        [failCaptured.json().applied, failCaptured.json().error],
        [false, 'illegal_transition'],
      );
      assert.deepEqual(await ledger(p), [
        'authorise:8000:succeeded:api',
        'capture:8000:succeeded:api',
        'refund:2000:succeeded:webhook',
        'refund:6001:failed:webhook:refund_exceeds_captured',
        'failure:0:failed:webhook:illegal_transition',
      ]);
      assert.equal((await getPayment(database.db, storeId, p.id)).refundedAmount, 2_000);

      const authorised = await pay();
      const failed = await post(
        signedTestCardEvent(secret, {
          type: 'payment.failed',
          reference: authorised.providerReference!,
          code: 'card_declined',
        }),
      );
      assert.deepEqual([failed.json().applied, failed.json().state], [true, 'failed']);
      assert.equal((await getPayment(database.db, storeId, authorised.id)).declineCode, 'card_declined');
    });

    test('bad signatures, stale timestamps, other stores’ secrets: 401 invalid_webhook_signature, nothing applied', async () => {
      const p = await pay();
      const event = { type: 'payment.captured' as const, reference: p.providerReference!, amount: 100 };
      const good = signedTestCardEvent(secret, event);
      const cases: [string, { body: string; headers: Record<string, string> }][] = [
        ['tampered body', { ...good, body: good.body.replace('"amount":100', '"amount":8000') }],
        ['wrong secret', signedTestCardEvent(otherSecret, event)],
        ['old timestamp', signedTestCardEvent(secret, event, { at: new Date(Date.now() - 10 * 60_000) })],
        [
          'no signature',
          {
            body: good.body,
            headers: {
              'content-type': 'application/json',
              'webhook-id': 'msg_x',
              'webhook-timestamp': good.headers['webhook-timestamp']!,
            },
          },
        ],
        ['no id', { body: good.body, headers: { ...good.headers, 'webhook-id': '' } }],
      ];
      for (const [label, signed] of cases) {
        const res = await post(signed);
        assert.deepEqual([res.statusCode, res.json().error?.code], [401, 'invalid_webhook_signature'], label);
      }
      assert.deepEqual(await ledger(p), ['authorise:8000:succeeded:api']);
      assert.equal((await getPayment(database.db, storeId, p.id)).state, 'authorised');
    });

    test('a store without a secret accepts no events', async () => {
      const bare = await makeStore(database, 'hook-pay-bare');
      const p = await pay({}, bare.id);
      const res = await post(
        signedTestCardEvent(secret, {
          type: 'payment.captured',
          reference: p.providerReference!,
          amount: 100,
        }),
      );
      assert.deepEqual([res.statusCode, res.json().error.code], [401, 'invalid_webhook_signature']);
    });

    test('malformed bodies, unknown payments and providers: 4xx with a code', async () => {
      const p = await pay();
      const send = (body: string, path = url, contentType = 'application/json') =>
        sp.app.inject({ method: 'POST', url: path, payload: body, headers: { 'content-type': contentType } });
      const cases: [
        string,
        () => Promise<{ statusCode: number; json(): { error?: { code: string } } }>,
        number,
        string,
      ][] = [
        ['not JSON', () => send('{"type":'), 400, 'invalid_webhook_payload'],
        [
          'unknown event type',
          () => send(JSON.stringify({ type: 'payment.exploded', data: { reference: p.providerReference } })),
          400,
          'invalid_webhook_payload',
        ],
        [
          'no reference',
          () => send(JSON.stringify({ type: 'payment.captured', data: {} })),
          400,
          'invalid_webhook_payload',
        ],
        [
          'unknown payment',
          () =>
            post(
              signedTestCardEvent(secret, {
                type: 'payment.captured',
                reference: 'tc_000000000000000000000000',
              }),
            ),
          404,
          'not_found',
        ],
        ['unknown provider', () => send('{}', '/api/payments/paypal/webhook'), 404, 'not_found'],
        [
          'manual sends no events',
          () => send('{}', '/api/payments/manual/webhook'),
          404,
          'webhook_not_supported',
        ],
        ['not JSON at all', () => send('hello', url, 'text/plain'), 415, 'unsupported_media_type'],
      ];
      for (const [label, run, status, code] of cases) {
        const res = await run();
        assert.deepEqual([res.statusCode, res.json().error?.code], [status, code], label);
      }
      assert.deepEqual(await ledger(p), ['authorise:8000:succeeded:api']);
    });
  });
}
