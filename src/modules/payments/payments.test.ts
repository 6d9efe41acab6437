import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { mapError } from '../../platform/http/error-handler.ts';
import { systemActor } from '../access/index.ts';
import {
  type AuthorisePaymentInput,
  authorisePayment,
  capturePayment,
  confirmPaymentAction,
  getPayment,
  markPaymentReceived,
  type Payment,
  paymentsOfOrder,
  paymentTransactionsOf,
  refundPayment,
  updatePaymentSettings,
  voidPayment,
} from './index.ts';
import { testCard, testCardNumbers } from './testing/payment-fixtures.ts';

const staff = systemActor('payments test');

/** How a refusal reaches a client (the HTTP layer's mapping): status, code, details. */
async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    const mapped = mapError(err);
    assert.ok(mapped.status < 500, String(err));
    return {
      status: mapped.status,
      code: mapped.code,
      details: (mapped.details ?? {}) as Record<string, unknown>,
    };
  }
  assert.fail('expected a refusal');
}

for (const target of testDatabaseTargets()) {
  describe(`payments on ${target.label}`, () => {
    let database: Database;
    let storeId: string;
    let otherStoreId: string;
    let orderCounter = 0;

    before(async () => {
      database = await target.create();
      storeId = (await makeStore(database, 'pay-shop')).id;
      otherStoreId = (await makeStore(database, 'pay-other')).id;
    });
    after(async () => {
      await database.close();
    });

    const inTx = <T>(fn: (tx: Database['db']) => Promise<T>) => database.db.transaction(fn);
    const authorise = (input: Partial<AuthorisePaymentInput> = {}) =>
      inTx((tx) =>
        authorisePayment(tx, storeId, {
          orderId: `ord_test_${++orderCounter}`,
          provider: 'test_card',
          amount: 10_000,
          currency: 'EUR',
          capture: 'immediate',
          method: testCard(),
          ...input,
        }),
      );
    const card = (number: string, input: Partial<AuthorisePaymentInput> = {}) =>
      authorise({ method: testCard(number), ...input });
    const manual = (input: Partial<AuthorisePaymentInput> = {}) =>
      authorise({ provider: 'manual', method: undefined, ...input });
    const capture = (p: Payment, amount?: number) =>
      inTx((tx) => capturePayment(tx, storeId, staff, p.id, amount));
    const refund = (p: Payment, amount: number, extra: { reason?: string; refundId?: string } = {}) =>
      inTx((tx) => refundPayment(tx, storeId, staff, p.id, { amount, ...extra }));
    const voidIt = (p: Payment) => inTx((tx) => voidPayment(tx, storeId, staff, p.id));
    const receive = (p: Payment, input: { amount?: number; reference?: string } = {}) =>
      inTx((tx) => markPaymentReceived(tx, storeId, staff, p.id, input));
    const confirm = (p: Payment, approve: boolean) =>
      inTx((tx) => confirmPaymentAction(tx, storeId, p.id, { approve }));
    const ledger = async (p: Payment) =>
      (await paymentTransactionsOf(database.db, storeId, p.id)).map(
        (t) => `${t.kind}:${t.amount}:${t.outcome}${t.errorCode ? `:${t.errorCode}` : ''}`,
      );
    const events = async (p: Payment) =>
      (
        await database.execute<{ payload: { state: string; previousState: string | null; orderId: string } }>(
          "select payload from outbox_events where type = 'payment.updated' and payload->>'paymentId' = $1 order by created_at, id",
          [p.id],
        )
      ).map((r) => `${r.payload.previousState ?? 'new'}→${r.payload.state}`);
    const audits = async (p: Payment) =>
      (
        await database.execute<{ action: string }>(
          'select action from audit_log where entity_id = $1 order by at, id',
          [p.id],
        )
      ).map((r) => r.action);

    test('test cards: each number gives its outcome; declines do not throw', async () => {
      const cases: [string, string, string | null][] = [
        [testCardNumbers.success, 'captured', null],
        [testCardNumbers.cardDeclined, 'failed', 'card_declined'],
        [testCardNumbers.insufficientFunds, 'failed', 'insufficient_funds'],
        [testCardNumbers.expiredCard, 'failed', 'expired_card'],
        [testCardNumbers.incorrectCvc, 'failed', 'incorrect_cvc'],
        [testCardNumbers.requiresAction, 'requires_action', null],
        // Any other Luhn-valid number succeeds (a Mastercard test number here).
        ['5555555555554444', 'captured', null],
      ];
      for (const [number, state, declineCode] of cases) {
        const p = await card(number);
        assert.deepEqual([p.state, p.declineCode], [state, declineCode], number);
        assert.deepEqual(p.card, {
          brand: number.startsWith('5') ? 'mastercard' : 'visa',
          last4: number.slice(-4),
        });
        assert.match(p.id, /^pay_/);
        assert.match(p.providerReference ?? '', /^tc_[0-9a-f]{24}$/);
        assert.equal(p.capturedAmount, state === 'captured' ? 10_000 : 0);
      }
      const declined = await card(testCardNumbers.insufficientFunds);
      assert.deepEqual(await ledger(declined), ['authorise:10000:failed:insufficient_funds']);
      assert.deepEqual(await events(declined), ['new→failed']);
      assert.deepEqual(await audits(declined), ['payment.created']);
      const captured = await card(testCardNumbers.success);
      assert.deepEqual(await ledger(captured), ['authorise:10000:succeeded', 'capture:10000:succeeded']);
    });

    test('capture on fulfilment: authorised only, nothing captured yet', async () => {
      const p = await card(testCardNumbers.success, { capture: 'on_fulfilment' });
      assert.deepEqual([p.state, p.capturedAmount, p.captureMode], ['authorised', 0, 'on_fulfilment']);
      assert.deepEqual(await ledger(p), ['authorise:10000:succeeded']);
    });

    test('the 3-D Secure-style step: its address names the payment; approving follows the capture mode, refusing fails', async () => {
      const own = await card(testCardNumbers.requiresAction, {
        returnUrl: '/s/pay-shop/checkout/payment/{paymentId}/verify',
      });
      assert.equal(own.actionUrl, `/s/pay-shop/checkout/payment/${own.id}/verify`);
      const byDefault = await card(testCardNumbers.requiresAction, { capture: 'on_fulfilment' });
      assert.equal(byDefault.actionUrl, `/checkout/payment/${byDefault.id}/verify`);

      const captured = await confirm(own, true);
      assert.deepEqual(
        [captured.state, captured.capturedAmount, captured.actionUrl],
        ['captured', 10_000, null],
      );
      assert.deepEqual(await ledger(own), [
        'authorise:10000:succeeded',
        'action:10000:succeeded',
        'capture:10000:succeeded',
      ]);
      const authorised = await confirm(byDefault, true);
      assert.deepEqual([authorised.state, authorised.capturedAmount], ['authorised', 0]);

      const refused = await confirm(await card(testCardNumbers.requiresAction), false);
      assert.deepEqual(
        [refused.state, refused.declineCode, refused.actionUrl],
        ['failed', 'authentication_failed', null],
      );
      assert.deepEqual(await events(refused), ['new→requires_action', 'requires_action→failed']);
      assert.deepEqual((await refusal(confirm(captured, true))).details, {
        machine: 'payment',
        from: 'captured',
        to: 'captured',
        action: 'confirm_action',
      });
    });

    test('malformed card details: 422 invalid_card naming the field, nothing written', async () => {
      const count = async () =>
        (await database.execute<{ n: number }>('select count(*)::int as n from payments'))[0]!.n;
      const before = await count();
      const cases: [object | undefined, string][] = [
        [undefined, 'method'],
        [testCard('4242424242424241'), 'method.cardNumber'],
        [testCard(testCardNumbers.success, { expiry: '1/30' }), 'method.expiry'],
        [testCard(testCardNumbers.success, { expiry: '01/20' }), 'method.expiry'],
        [testCard(testCardNumbers.success, { cvc: 'abc' }), 'method.cvc'],
      ];
      for (const [method, path] of cases) {
        const res = await refusal(authorise({ method: method as AuthorisePaymentInput['method'] }));
        assert.deepEqual([res.status, res.code, res.details.path], [422, 'invalid_card', path]);
      }
      assert.equal(await count(), before);
    });

    test('bad amounts, currencies and return addresses are refused', async () => {
      for (const input of [
        { amount: 0 },
        { amount: 12.5 },
        { currency: 'EURO' },
        { currency: 'XXX' },
        { returnUrl: '//evil.example/x' },
        { orderId: '' },
      ]) {
        const res = await refusal(authorise(input as Partial<AuthorisePaymentInput>));
        assert.ok(res.status >= 400 && res.status < 500, JSON.stringify(input));
      }
      const lower = await authorise({ currency: 'jpy', amount: 1200 });
      assert.equal(lower.currency, 'JPY');
    });

    test('no card number or CVC is stored anywhere', async () => {
      const p = await card('5555555555554444', { method: testCard('5555555555554444', { cvc: '987' }) });
      for (const table of ['payments', 'payment_transactions', 'audit_log', 'outbox_events']) {
        const rows = await database.execute<{ row: string }>(`select t::text as row from ${table} t`);
        for (const { row } of rows) {
          assert.doesNotMatch(row, /5555555555554444|4242424242424242/, table);
        }
      }
      // Every stored value but ids and times (random text and milliseconds may hold any three digits).
      const stored = await database.execute<{ row: string }>(
        `select (to_jsonb(t) - 'id' - 'store_id' - 'order_id' - 'provider_reference' - 'created_at' - 'updated_at')::text as row
         from payments t where id = $1`,
        [p.id],
      );
      assert.doesNotMatch(stored[0]!.row, /987/);
    });

    test('partial captures add up to at most the authorised amount', async () => {
      const p = await card(testCardNumbers.success, { capture: 'on_fulfilment' });
      const first = await capture(p, 3_000);
      assert.deepEqual([first.state, first.capturedAmount], ['captured', 3_000]);
      const second = await capture(p, 5_000);
      assert.equal(second.capturedAmount, 8_000);
      const tooMuch = await refusal(capture(p, 2_001));
      assert.deepEqual(
        [tooMuch.status, tooMuch.code, tooMuch.details],
        [409, 'capture_exceeds_authorised', { capturable: 2_000 }],
      );
      const rest = await capture(p);
      assert.equal(rest.capturedAmount, 10_000);
      const nothingLeft = await refusal(capture(p));
      assert.deepEqual(
        [nothingLeft.code, nothingLeft.details],
        ['capture_exceeds_authorised', { capturable: 0 }],
      );
      for (const amount of [0, -5, 1.5]) {
        const res = await refusal(
          capture(await card(testCardNumbers.success, { capture: 'on_fulfilment' }), amount),
        );
        assert.deepEqual([res.status, res.code], [422, 'invalid_amount']);
      }
      assert.deepEqual(await ledger(p), [
        'authorise:10000:succeeded',
        'capture:3000:succeeded',
        'capture:5000:succeeded',
        'capture:2000:succeeded',
      ]);
      assert.deepEqual(await events(p), [
        'new→authorised',
        'authorised→captured',
        'captured→captured',
        'captured→captured',
      ]);
      const audit = await database.execute<{
        before: { capturedAmount: number };
        after: { capturedAmount: number };
      }>(
        "select before, after from audit_log where entity_id = $1 and action = 'payment.captured' order by at, id",
        [p.id],
      );
      assert.deepEqual(
        audit.map((a) => [a.before.capturedAmount, a.after.capturedAmount]),
        [
          [0, 3_000],
          [3_000, 8_000],
          [8_000, 10_000],
        ],
      );
    });

    test('refunds never exceed what was captured; a part refund leaves the rest refundable', async () => {
      const p = await card(testCardNumbers.success, { capture: 'on_fulfilment' });
      await capture(p, 6_000);
      const tooMuch = await refusal(refund(p, 6_001));
      assert.deepEqual(
        [tooMuch.status, tooMuch.code, tooMuch.details],
        [409, 'refund_exceeds_captured', { refundable: 6_000 }],
      );
      const part = await refund(p, 1_000, { reason: 'damaged', refundId: 'rfd_1' });
      assert.deepEqual([part.state, part.refundedAmount], ['partially_refunded', 1_000]);
      // The rest of the authorisation can still be captured after a refund.
      const more = await capture(p, 4_000);
      assert.deepEqual([more.state, more.capturedAmount], ['partially_refunded', 10_000]);
      const all = await refund(p, 9_000);
      assert.deepEqual([all.state, all.refundedAmount], ['refunded', 10_000]);
      const again = await refusal(refund(p, 1));
      assert.deepEqual([again.code, again.details], ['refund_exceeds_captured', { refundable: 0 }]);
      const [refundRow] = (await paymentTransactionsOf(database.db, storeId, p.id)).filter(
        (t) => t.kind === 'refund',
      );
      assert.deepEqual([refundRow!.refundId, refundRow!.note], ['rfd_1', 'damaged']);
      const nothingCaptured = await refusal(
        refund(await card(testCardNumbers.success, { capture: 'on_fulfilment' }), 100),
      );
      assert.deepEqual(
        [nothingCaptured.code, nothingCaptured.details.from],
        ['illegal_transition', 'authorised'],
      );
      assert.deepEqual((await refusal(refund(p, 0))).code, 'invalid_amount');
    });

    test('two refunds racing for the last amount: exactly one wins', async () => {
      for (const [amounts, loserCode] of [
        [[250, 250], 'refund_exceeds_captured'],
        [[400, 400], 'refund_exceeds_captured'],
      ] as const) {
        const p = await card(testCardNumbers.success, { amount: 1_000 });
        await refund(p, 600);
        const results = await Promise.allSettled(amounts.map((a) => refund(p, a)));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        assert.equal(won.length, 1, JSON.stringify(results.map((r) => r.status)));
        assert.equal(lost.length, 1);
        assert.equal((lost[0]!.reason as AppError).code, loserCode);
        const after = await getPayment(database.db, storeId, p.id);
        assert.equal(after.refundedAmount, 600 + amounts[0]);
        const refunds = (await paymentTransactionsOf(database.db, storeId, p.id)).filter(
          (t) => t.kind === 'refund',
        );
        assert.equal(
          refunds.reduce((s, t) => s + t.amount, 0),
          after.refundedAmount,
          'the ledger adds up to the payment',
        );
      }
    });

    test('manual payments: pending until staff mark the money received; part payments add up', async () => {
      const p = await manual({ amount: 5_000 });
      assert.deepEqual([p.state, p.provider, p.card, p.providerReference], ['pending', 'manual', null, null]);
      assert.deepEqual((await refusal(capture(p))).code, 'capture_not_supported');
      const part = await receive(p, { amount: 2_000, reference: 'BANK-2024-001' });
      assert.deepEqual(
        [part.state, part.capturedAmount, part.providerReference],
        ['captured', 2_000, 'BANK-2024-001'],
      );
      const over = await refusal(receive(p, { amount: 3_001 }));
      assert.deepEqual([over.code, over.details], ['capture_exceeds_authorised', { capturable: 3_000 }]);
      const rest = await receive(p);
      assert.deepEqual([rest.state, rest.capturedAmount], ['captured', 5_000]);
      assert.deepEqual(await audits(p), ['payment.created', 'payment.received', 'payment.received']);
      const back = await refund(p, 5_000);
      assert.equal(back.state, 'refunded');
      const cardPayment = await card(testCardNumbers.success, { capture: 'on_fulfilment' });
      assert.equal((await refusal(receive(cardPayment))).code, 'manual_payments_only');
    });

    test('void: only money not captured; captured money goes back by refund', async () => {
      const pending = await voidIt(await manual());
      const stepOpen = await voidIt(await card(testCardNumbers.requiresAction));
      const authorised = await voidIt(await card(testCardNumbers.success, { capture: 'on_fulfilment' }));
      assert.deepEqual(
        [pending.state, stepOpen.state, stepOpen.actionUrl, authorised.state],
        ['voided', 'voided', null, 'voided'],
      );
      assert.deepEqual(await ledger(authorised), ['authorise:10000:succeeded', 'void:10000:succeeded']);
      const partlyCaptured = await card(testCardNumbers.success, { capture: 'on_fulfilment' });
      await capture(partlyCaptured, 1_000);
      for (const p of [partlyCaptured, await card(testCardNumbers.success)]) {
        const res = await refusal(voidIt(p));
        assert.deepEqual(
          [res.code, res.details],
          ['illegal_transition', { machine: 'payment', from: 'captured', to: 'voided', action: 'void' }],
        );
      }
    });

    test('every operation from every state: allowed exactly where the table says, refused otherwise with nothing changed', async () => {
      // A fresh payment in each state (card payments unless named manual).
      const makers: Record<string, () => Promise<Payment>> = {
        'manual pending': () => manual(),
        'manual captured (part)': async () => receive(await manual(), { amount: 4_000 }),
        'manual voided': async () => voidIt(await manual()),
        requires_action: () => card(testCardNumbers.requiresAction, { capture: 'on_fulfilment' }),
        authorised: () => card(testCardNumbers.success, { capture: 'on_fulfilment' }),
        'captured (part)': async () =>
          capture(await card(testCardNumbers.success, { capture: 'on_fulfilment' }), 6_000),
        partially_refunded: async () => {
          const p = await capture(await card(testCardNumbers.success, { capture: 'on_fulfilment' }), 6_000);
          return refund(p, 1_000);
        },
        refunded: async () => refund(await card(testCardNumbers.success), 10_000),
        voided: async () => voidIt(await card(testCardNumbers.success, { capture: 'on_fulfilment' })),
        failed: () => card(testCardNumbers.cardDeclined),
      };
      const operations: Record<string, (p: Payment) => Promise<Payment>> = {
        confirm: (p) => confirm(p, true),
        capture: (p) => capture(p, 500),
        receive: (p) => receive(p, { amount: 500 }),
        void: (p) => voidIt(p),
        refund: (p) => refund(p, 500),
      };
      const ok = 'ok';
      const illegal = 'illegal_transition';
      // biome-ignore format: one row per state reads as the table in docs/payments.md.
      const expected: Record<string, Record<string, string>> = {
        'manual pending':         { confirm: illegal, capture: 'capture_not_supported', receive: ok, void: ok, refund: illegal },
        'manual captured (part)': { confirm: illegal, capture: 'capture_not_supported', receive: ok, void: illegal, refund: ok },
        'manual voided':          { confirm: illegal, capture: 'capture_not_supported', receive: illegal, void: illegal, refund: illegal },
        requires_action:          { confirm: ok, capture: illegal, receive: 'manual_payments_only', void: ok, refund: illegal },
        authorised:               { confirm: illegal, capture: ok, receive: 'manual_payments_only', void: ok, refund: illegal },
        'captured (part)':        { confirm: illegal, capture: ok, receive: 'manual_payments_only', void: illegal, refund: ok },
        partially_refunded:       { confirm: illegal, capture: ok, receive: 'manual_payments_only', void: illegal, refund: ok },
        refunded:                 { confirm: illegal, capture: illegal, receive: 'manual_payments_only', void: illegal, refund: 'refund_exceeds_captured' },
        voided:                   { confirm: illegal, capture: illegal, receive: 'manual_payments_only', void: illegal, refund: illegal },
        failed:                   { confirm: illegal, capture: illegal, receive: 'manual_payments_only', void: illegal, refund: illegal },
      };
      for (const [stateLabel, make] of Object.entries(makers)) {
        for (const [operation, run] of Object.entries(operations)) {
          const p = await make();
          const want = expected[stateLabel]![operation]!;
          const label = `${operation} from ${stateLabel}`;
          const result = await run(p).then(
            () => ok,
            (err: unknown) => {
              assert.ok(err instanceof AppError, `${label}: ${err}`);
              assert.equal(err.status, 409, label);
              if (err.code === illegal) {
                const details = err.details as { machine: string; from: string };
                assert.deepEqual([details.machine, details.from], ['payment', p.state], label);
              }
              return err.code;
            },
          );
          assert.equal(result, want, label);
          if (result !== ok) {
            const now = await getPayment(database.db, storeId, p.id);
            assert.deepEqual(
              [now.state, now.capturedAmount, now.refundedAmount, now.updatedAt],
              [p.state, p.capturedAmount, p.refundedAmount, p.updatedAt],
              `${label} changed nothing`,
            );
          }
        }
      }
    });

    test('a disabled provider is refused unless staff record the payment', async () => {
      await inTx((tx) =>
        updatePaymentSettings(tx, storeId, staff, { providers: { manual: { enabled: false } } }),
      );
      const res = await refusal(manual());
      assert.deepEqual(
        [res.status, res.code, res.details.path],
        [422, 'payment_provider_disabled', 'provider'],
      );
      const byStaff = await manual({ allowDisabledProvider: true, actor: staff });
      assert.equal(byStaff.state, 'pending');
      await inTx((tx) =>
        updatePaymentSettings(tx, storeId, staff, { providers: { manual: { enabled: true } } }),
      );
    });

    test("an order's payments, oldest first; another store's payment is not found", async () => {
      const orderId = 'ord_two_attempts';
      const first = await card(testCardNumbers.cardDeclined, { orderId });
      const second = await card(testCardNumbers.success, { orderId });
      assert.deepEqual(
        (await paymentsOfOrder(database.db, storeId, orderId)).map((p) => p.id),
        [first.id, second.id],
      );
      assert.deepEqual(await paymentsOfOrder(database.db, otherStoreId, orderId), []);
      assert.equal((await refusal(getPayment(database.db, otherStoreId, second.id))).status, 404);
      assert.equal(
        (await refusal(inTx((tx) => refundPayment(tx, otherStoreId, staff, second.id, { amount: 1 }))))
          .status,
        404,
      );
    });
  });
}
