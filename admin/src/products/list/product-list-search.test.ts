import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  definitionOf,
  filterOf,
  filterParams,
  narrowingCount,
  parseProductsSearch,
  sameDefinition,
  searchForView,
} from './product-list-search.ts';

test('the address is read leniently: malformed parts are left out, lists come back sorted once', () => {
  const search = parseProductsSearch({
    q: 42,
    status: 'gone',
    vendor: ['Lenz', 'Acme', 'Lenz', 7, ''],
    productType: 'Ceramics',
    tag: [],
    priceMin: '1200',
    priceMax: -5,
    missing: ['image', 'price', 'description'],
    columns: ['vendor', 'margin', 'sku'],
    sort: 'random',
    page: '3',
    view: 'pview_1',
  });
  assert.deepEqual(search, {
    q: '42',
    vendor: ['7', 'Acme', 'Lenz'],
    productType: ['Ceramics'],
    priceMin: 1200,
    missing: ['description', 'image'],
    columns: ['vendor', 'sku'],
    page: 3,
    view: 'pview_1',
  });
  assert.deepEqual(
    parseProductsSearch({ columns: ['sku', 'status', 'price', 'updated'] }),
    {},
    'default columns',
  );
});

test('the filter goes to the API as repeated parameters, without the page, order or view', () => {
  const filter = filterOf(parseProductsSearch({ vendor: ['B', 'A'], priceMax: 500, page: 2, sort: 'title' }));
  assert.equal(filterParams(filter).toString(), 'vendor=A&vendor=B&priceMax=500');
  assert.equal(narrowingCount(filter), 2);
  assert.equal(narrowingCount({ q: 'mug', status: 'draft', priceMin: 1, priceMax: 2 }), 1);
});

test('the briefing’s link to changes waiting for review opens the list filtered; other values are left out', () => {
  const filter = filterOf(parseProductsSearch({ review: 'waiting' }));
  assert.deepEqual(filter, { review: 'waiting' });
  assert.equal(filterParams(filter).toString(), 'review=waiting');
  assert.equal(narrowingCount(filter), 1);
  assert.deepEqual(parseProductsSearch({ review: 'approved' }), {});
  assert.deepEqual(parseProductsSearch({ review: ['waiting', 'waiting'] }), {});
});

test('a view opened is unchanged until its filters, order or columns change', () => {
  const view = {
    id: 'pview_1',
    filters: { vendor: ['Lenz'], missing: ['image' as const] },
    sort: 'title' as const,
    columns: null,
  };
  const opened = searchForView(view);
  assert.equal(opened.view, 'pview_1');
  assert.ok(sameDefinition(definitionOf(opened), view));
  assert.ok(sameDefinition(definitionOf({ ...opened, page: 4 }), view), 'the page is not part of a view');
  assert.equal(sameDefinition(definitionOf({ ...opened, tag: ['x'] }), view), false);
  assert.equal(sameDefinition(definitionOf({ ...opened, sort: undefined }), view), false);
  assert.equal(sameDefinition(definitionOf({ ...opened, columns: ['sku'] }), view), false);
  assert.ok(sameDefinition(definitionOf({}), { filters: {}, sort: null, columns: null }));
});
