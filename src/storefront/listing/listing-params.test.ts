import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { changedParams, listingQuery, parseListingParams, toggledOption } from './listing-params.ts';

const parse = (query: string, currency = 'EUR') =>
  parseListingParams(Object.fromEntries(groupEntries(new URLSearchParams(query))), currency);

/** As Fastify's query parser gives them: repeated names become arrays. */
function groupEntries(search: URLSearchParams): [string, string | string[]][] {
  const grouped = new Map<string, string[]>();
  for (const [k, v] of search) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  return [...grouped].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]);
}

test('parameters are read, grouped and written back in one canonical order', () => {
  const params = parse(
    'page=2&option=Size:M&vendor=Acme&q=+linen++towel+&option=Color:Sand&option=Size:L&max_price=49.5&in_stock=1&utm_source=x',
  );
  assert.deepEqual(params, {
    q: 'linen towel',
    page: 2,
    vendors: ['Acme'],
    types: [],
    options: [
      { name: 'Size', values: ['M', 'L'] },
      { name: 'Color', values: ['Sand'] },
    ],
    maxPrice: 4950,
    inStock: true,
  });
  const query = listingQuery(params, 'EUR');
  assert.equal(
    query,
    '?q=linen+towel&vendor=Acme&option=Size%3AM&option=Size%3AL&option=Color%3ASand&max_price=49.50&in_stock=1&page=2',
  );
  assert.deepEqual(parse(query.slice(1)), params, 'reading the canonical form gives the same listing');
});

test('prices are in the store currency’s major units', () => {
  assert.equal(parse('min_price=1500', 'JPY').minPrice, 1500);
  assert.equal(parse('min_price=1.5', 'KWD').minPrice, 1500);
  assert.throws(() => parse('min_price=1.5', 'JPY'), AppError, 'JPY has no decimals');
});

test('changing a filter goes back to page 1; toggling an option value adds or drops it', () => {
  const params = parse('option=Color:Sand&page=3');
  assert.equal(changedParams(params, { inStock: true }).page, 1);
  assert.deepEqual(toggledOption(params.options, 'Color', 'Sand'), []);
  assert.deepEqual(toggledOption(params.options, 'Color', 'Slate'), [
    { name: 'Color', values: ['Sand', 'Slate'] },
  ]);
  assert.deepEqual(toggledOption(params.options, 'Size', 'M'), [
    { name: 'Color', values: ['Sand'] },
    { name: 'Size', values: ['M'] },
  ]);
});

test('malformed parameters are refused with the parameter named', () => {
  for (const [query, parameter] of [
    ['sort=cheap', 'sort'],
    ['page=-1', 'page'],
    ['option=NoColon', 'option'],
    ['min_price=3&max_price=2', 'min_price'],
    ['in_stock=sometimes', 'in_stock'],
  ] as const) {
    assert.throws(
      () => parse(query),
      (err: unknown) =>
        err instanceof AppError &&
        err.status === 400 &&
        (err.details as { parameter: string }).parameter === parameter,
      query,
    );
  }
});
