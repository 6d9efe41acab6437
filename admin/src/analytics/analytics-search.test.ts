/// <reference types="node" />
// The analytics screen's address: what a shared link keeps, and what a hand-edited one drops.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnalyticsSearch } from './analytics-search.ts';

test('an explorer link keeps its metric, breakdown, granularity and funnel breakdown', () => {
  assert.deepEqual(
    parseAnalyticsSearch({
      view: 'explore',
      metric: 'conversionRate',
      breakdown: 'device',
      granularity: 'week',
      funnelBy: 'country',
      range: '90d',
      compare: 'previous_year',
    }),
    {
      view: 'explore',
      metric: 'conversionRate',
      breakdown: 'device',
      granularity: 'week',
      funnelBy: 'country',
      range: '90d',
      compare: 'previous_year',
    },
  );
  assert.deepEqual(parseAnalyticsSearch({ view: 'explore', breakdown: 'none' }), {
    view: 'explore',
    breakdown: 'none',
  });
});

test('unknown values are dropped, so the screen falls back to its defaults', () => {
  assert.deepEqual(
    parseAnalyticsSearch({
      view: 'everything',
      metric: 'toString',
      breakdown: 'planet',
      granularity: 'hour',
      funnelBy: 'none',
    }),
    {},
  );
});
