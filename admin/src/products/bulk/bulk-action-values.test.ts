import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bulkActionFrom, initialBulkActionValues } from './bulk-action-values.ts';

const values = (changes: Partial<typeof initialBulkActionValues>) => ({
  ...initialBulkActionValues,
  ...changes,
});

test('a 15% cut to .99 endings becomes a negative percent with an ending in minor units', () => {
  const built = bulkActionFrom(
    values({
      type: 'change_price',
      priceBy: 'percent',
      direction: 'down',
      priceText: '15',
      rounding: 'ending',
      endingText: '0.99',
    }),
    2,
    false,
  );
  assert.deepEqual(built, {
    ok: true,
    action: {
      type: 'change_price',
      change: { by: 'percent', percent: -15 },
      rounding: { mode: 'ending', ending: 99 },
    },
  });
});

test('an amount is typed in the currency and sent in minor units; yen endings need a step', () => {
  const up = bulkActionFrom(
    values({ type: 'change_price', priceBy: 'amount', direction: 'up', priceText: '2.50' }),
    2,
    false,
  );
  assert.deepEqual(up.ok && up.action, {
    type: 'change_price',
    change: { by: 'amount', amount: 250 },
    rounding: { mode: 'none' },
  });
  const yen = bulkActionFrom(
    values({ type: 'change_price', priceText: '5', rounding: 'ending', endingText: '980', stepText: '1000' }),
    0,
    false,
  );
  assert.deepEqual(yen.ok && yen.action, {
    type: 'change_price',
    change: { by: 'percent', percent: -5 },
    rounding: { mode: 'ending', ending: 980, step: 1000 },
  });
  assert.equal(
    bulkActionFrom(
      values({ type: 'change_price', priceText: '5', rounding: 'ending', endingText: '1.20' }),
      2,
      false,
    ).ok,
    false,
  );
});

test('refused before sending: a 100% cut, an empty tag list, publishing without the permission', () => {
  assert.equal(bulkActionFrom(values({ type: 'change_price', priceText: '100' }), 2, true).ok, false);
  assert.equal(bulkActionFrom(values({ type: 'add_tags', tags: [] }), 2, true).ok, false);
  assert.equal(bulkActionFrom(values({ type: 'set_status', status: 'active' }), 2, false).ok, false);
  assert.equal(bulkActionFrom(values({ type: 'set_status', status: 'active' }), 2, true).ok, true);
});
