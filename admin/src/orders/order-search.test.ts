/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterQueryString, isFiltered, parseOrdersSearch, viewOf } from './order-search.ts';

describe('parseOrdersSearch', () => {
  it('keeps every filter the API takes, with totals as whole minor units', () => {
    assert.deepEqual(
      parseOrdersSearch({
        q: ' #1001 ',
        status: 'open',
        financialStatus: 'paid',
        fulfilmentStatus: 'partially_fulfilled',
        from: '2026-01-01',
        to: '2026-01-31',
        tag: 'vip',
        totalMin: '1000',
        totalMax: 5000,
        sort: 'total_desc',
        page: '3',
      }),
      {
        q: '#1001',
        status: 'open',
        financialStatus: 'paid',
        fulfilmentStatus: 'partially_fulfilled',
        from: '2026-01-01',
        to: '2026-01-31',
        tag: 'vip',
        totalMin: 1000,
        totalMax: 5000,
        sort: 'total_desc',
        page: 3,
      },
    );
  });

  it('drops what the API would refuse, so a hand-edited link still shows a list', () => {
    assert.deepEqual(
      parseOrdersSearch({
        status: 'shipped',
        financialStatus: 'PAID',
        from: '01/02/2026',
        to: '2026-13-45',
        totalMin: '12.50',
        totalMax: -1,
        sort: 'newest',
        page: '1',
      }),
      {},
    );
  });
});

describe('the export link and the quick views', () => {
  it('puts the filter, not the sort or page, in the CSV address', () => {
    const search = parseOrdersSearch({ financialStatus: 'pending', tag: 'a b', sort: 'oldest', page: 2 });
    assert.equal(filterQueryString(search), '?financialStatus=pending&tag=a+b');
    assert.equal(filterQueryString({}), '');
  });

  it('marks the view whose statuses the filter has, whatever else narrows it', () => {
    assert.equal(viewOf({}), 'all');
    assert.equal(viewOf({ status: 'open', fulfilmentStatus: 'unfulfilled', q: 'ada' }), 'unfulfilled');
    assert.equal(viewOf({ financialStatus: 'pending' }), 'unpaid');
    assert.equal(viewOf({ status: 'open', financialStatus: 'paid' }), null);
    assert.equal(isFiltered({}), false);
    assert.equal(isFiltered({ totalMin: 0 }), true);
  });
});
