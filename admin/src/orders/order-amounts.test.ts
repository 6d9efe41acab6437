/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  orderMoney,
  returnableOf,
  taxLineText,
  taxRateText,
  unfulfilledOf,
  unitsInReturns,
} from './order-amounts.ts';
import type { OrderLine, OrderReturn, Payment } from './order-types.ts';

const line = (over: Partial<OrderLine>): OrderLine =>
  ({
    id: 'ol_1',
    quantity: 3,
    fulfilledQuantity: 0,
    removedQuantity: 0,
    refundedQuantity: 0,
    ...over,
  }) as OrderLine;
const payment = (over: Partial<Payment>): Payment =>
  ({ amount: 0, capturedAmount: 0, refundedAmount: 0, state: 'captured', ...over }) as Payment;

describe('order amounts', () => {
  it('counts as still to ship what is neither in a parcel nor refunded before it shipped', () => {
    assert.equal(unfulfilledOf(line({})), 3);
    assert.equal(unfulfilledOf(line({ fulfilledQuantity: 1, removedQuantity: 1 })), 1);
    assert.equal(unfulfilledOf(line({ fulfilledQuantity: 3 })), 0);
  });

  it('lets shipped units be returned once: rejected and cancelled returns give them back', () => {
    const returns = [
      { status: 'approved', lines: [{ orderLineId: 'ol_1', quantity: 1 }] },
      { status: 'rejected', lines: [{ orderLineId: 'ol_1', quantity: 2 }] },
      { status: 'cancelled', lines: [{ orderLineId: 'ol_1', quantity: 2 }] },
    ] as OrderReturn[];
    assert.equal(returnableOf(line({ fulfilledQuantity: 3 }), unitsInReturns(returns)), 2);
    assert.equal(returnableOf(line({ fulfilledQuantity: 0 }), unitsInReturns(returns)), 0);
  });

  it('says what was paid, what is still authorised or awaited, and what the store keeps', () => {
    const money = orderMoney({ refundedAmount: 500 }, [
      payment({ amount: 3000, capturedAmount: 2000, refundedAmount: 500, state: 'partially_refunded' }),
      payment({ amount: 1000, state: 'authorised' }),
      payment({ amount: 700, state: 'pending' }),
    ]);
    assert.deepEqual(money, {
      paid: 2000,
      authorised: 1000,
      pending: 700,
      refunded: 500,
      net: 1500,
      refundable: 1500,
    });
  });

  it('writes tax rates as people read them', () => {
    assert.equal(taxRateText(190_000), '19 %');
    assert.equal(taxRateText(72_500), '7.25 %');
    assert.equal(taxRateText(55_000), '5.5 %');
    assert.equal(taxLineText('MwSt. 19 %', 190_000), 'MwSt. 19 %');
    assert.equal(taxLineText('TVA 5,5%', 55_000), 'TVA 5,5%');
    assert.equal(taxLineText('VAT', 200_000), 'VAT 20 %');
    assert.equal(taxLineText('Reduced 19 % items', 70_000), 'Reduced 19 % items 7 %');
    assert.equal(taxLineText('CA 7.25 %', 72_500), 'CA 7.25 %');
    assert.equal(taxLineText('Rate 119 %', 190_000), 'Rate 119 % 19 %');
  });
});
