import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { captureTargetOf, fulfilmentStatusOf, unitsShare } from './fulfilment-status.ts';

const line = (quantity: number, fulfilledQuantity: number, removedQuantity = 0, total = 1000 * quantity) => ({
  quantity,
  fulfilledQuantity,
  removedQuantity,
  total,
});

describe('fulfilment status and capture on fulfilment', () => {
  test('the status follows the units shipped, the units taken off by refunds and the parcels delivered', () => {
    assert.equal(fulfilmentStatusOf([line(2, 0), line(1, 0)], []), 'unfulfilled');
    assert.equal(
      fulfilmentStatusOf([line(2, 1), line(1, 0)], [{ status: 'shipped' }]),
      'partially_fulfilled',
    );
    assert.equal(
      fulfilmentStatusOf([line(2, 2), line(1, 1)], [{ status: 'shipped' }, { status: 'delivered' }]),
      'fulfilled',
    );
    assert.equal(
      fulfilmentStatusOf(
        [line(2, 2), line(1, 1)],
        [{ status: 'delivered' }, { status: 'cancelled' }, { status: 'delivered' }],
      ),
      'delivered',
    );
    // The second line's unit was refunded before it shipped: nothing is left to ship.
    assert.equal(fulfilmentStatusOf([line(2, 2), line(1, 0, 1)], [{ status: 'shipped' }]), 'fulfilled');
    assert.equal(fulfilmentStatusOf([line(1, 0, 1)], []), 'unfulfilled');
  });

  test('a unit share is allocated so that all units make the line total', () => {
    const l = { quantity: 3, total: 1000 };
    assert.deepEqual(
      [0, 1, 2, 3].map((u) => unitsShare(l, u)),
      [0, 333, 667, 1000],
    );
  });

  test('capture targets: shipped units plus shipping with the first parcel, the whole total with the last', () => {
    const order = { total: 3 * 333 + 2 * 500 + 490, shippingTotal: 490 };
    const lines = [line(3, 0, 0, 999), line(2, 0, 0, 1000)];
    assert.equal(captureTargetOf(order, lines), 0);
    assert.equal(captureTargetOf(order, [line(3, 1, 0, 999), line(2, 0, 0, 1000)]), 333 + 490);
    assert.equal(captureTargetOf(order, [line(3, 3, 0, 999), line(2, 1, 0, 1000)]), 999 + 500 + 490);
    assert.equal(captureTargetOf(order, [line(3, 3, 0, 999), line(2, 2, 0, 1000)]), order.total);
  });
});
