import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExchangeRate } from './market-types.ts';
import { rateState, ratesByCurrency, storeToday } from './rate-history.ts';

const rate = (id: string, quoteCurrency: string, value: string, effectiveOn: string): ExchangeRate => ({
  id,
  baseCurrency: 'EUR',
  quoteCurrency,
  rate: value,
  source: 'manual',
  effectiveOn,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
});

test('the rate in use is the latest on or before the day; a later one is scheduled', () => {
  const history = [
    rate('r4', 'USD', '1.10', '2025-04-01'),
    rate('r3', 'USD', '1.0856', '2025-03-10'),
    rate('r2', 'JPY', '162.37', '2025-03-10'),
    rate('r1', 'USD', '1.07', '2025-02-01'),
  ];
  const inUse = ratesByCurrency(history, '2025-03-10');
  assert.equal(inUse.get('USD')?.current?.id, 'r3');
  assert.equal(inUse.get('USD')?.next?.id, 'r4');
  assert.equal(inUse.get('JPY')?.current?.id, 'r2');
  assert.equal(inUse.get('JPY')?.next, null);
  assert.deepEqual(
    history.map((r) => rateState(r, inUse, '2025-03-10')),
    ['scheduled', 'in_use', 'in_use', 'replaced'],
  );
  // Before any rate of the pair: nothing applies yet.
  assert.equal(ratesByCurrency(history, '2025-01-31').get('USD')?.current, null);
});

test('today is the store’s calendar day, not the browser’s', () => {
  const lateUtc = new Date('2025-03-10T23:30:00Z');
  assert.equal(storeToday('UTC', lateUtc), '2025-03-10');
  assert.equal(storeToday('Asia/Tokyo', lateUtc), '2025-03-11');
  assert.equal(storeToday('America/New_York', lateUtc), '2025-03-10');
});
