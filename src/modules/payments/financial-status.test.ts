import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FinancialStatus, financialStatusOf } from './financial-status.ts';
import type { Payment } from './payments.ts';
import type { PaymentState } from './schema.ts';

let seq = 0;
function payment(
  state: PaymentState,
  amounts: { amount?: number; captured?: number; refunded?: number } = {},
): Payment {
  seq += 1;
  return {
    id: `pay_${String(seq).padStart(4, '0')}`,
    storeId: 'store_1',
    orderId: 'ord_1',
    provider: 'test_card',
    state,
    captureMode: 'immediate',
    currency: 'EUR',
    amount: amounts.amount ?? 10_000,
    capturedAmount: amounts.captured ?? 0,
    refundedAmount: amounts.refunded ?? 0,
    declineCode: null,
    card: null,
    providerReference: null,
    actionUrl: null,
    createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, seq)),
    updatedAt: new Date(Date.UTC(2030, 0, 1, 0, 0, seq)),
  };
}

describe('financialStatusOf: the order’s payment status from its payments', () => {
  const total = 10_000;
  const table: [string, () => Payment[], FinancialStatus][] = [
    ['no payment yet', () => [], 'pending'],
    ['manual, awaiting the transfer', () => [payment('pending')], 'pending'],
    ['3-D Secure step open', () => [payment('requires_action')], 'requires_action'],
    ['authorised, to capture on fulfilment', () => [payment('authorised')], 'authorised'],
    [
      'a declined attempt, then an authorised one',
      () => [payment('failed'), payment('authorised')],
      'authorised',
    ],
    ['captured in full', () => [payment('captured', { captured: 10_000 })], 'paid'],
    ['first parcel captured', () => [payment('captured', { captured: 4_000 })], 'partially_paid'],
    [
      'two payments covering the total',
      () => [
        payment('captured', { amount: 6_000, captured: 6_000 }),
        payment('captured', { amount: 4_000, captured: 4_000 }),
      ],
      'paid',
    ],
    ['part of a transfer received', () => [payment('captured', { captured: 2_500 })], 'partially_paid'],
    [
      'partly refunded',
      () => [payment('partially_refunded', { captured: 10_000, refunded: 3_000 })],
      'partially_refunded',
    ],
    ['refunded in full', () => [payment('refunded', { captured: 10_000, refunded: 10_000 })], 'refunded'],
    [
      'all of a partial capture refunded',
      () => [payment('refunded', { captured: 4_000, refunded: 4_000 })],
      'refunded',
    ],
    [
      'one of two captured payments refunded',
      () => [
        payment('refunded', { amount: 6_000, captured: 6_000, refunded: 6_000 }),
        payment('captured', { amount: 4_000, captured: 4_000 }),
      ],
      'partially_refunded',
    ],
    ['voided before capture', () => [payment('voided')], 'voided'],
    ['declined', () => [payment('failed')], 'failed'],
    ['declined, then voided: the latest tells', () => [payment('failed'), payment('voided')], 'voided'],
    ['voided, then declined: the latest tells', () => [payment('voided'), payment('failed')], 'failed'],
    ['a failed attempt and a pending transfer', () => [payment('failed'), payment('pending')], 'pending'],
  ];
  for (const [label, payments, expected] of table) {
    test(`${label} → ${expected}`, () => {
      assert.equal(financialStatusOf(payments(), total), expected);
    });
  }

  test('the latest is found whatever the order of the list', () => {
    const older = payment('voided');
    const newer = payment('failed');
    assert.equal(financialStatusOf([newer, older], total), 'failed');
  });
});
