import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allCombinations,
  fullCombinationCount,
  missingCombinations,
  type OptionDraft,
  reconcileVariants,
  withMissingCombinations,
} from './variant-combinations.ts';

interface Row {
  optionValues: string[];
  id: string | null;
  price: number;
  sku: string | null;
}

/** New rows copy the price of the variant they are made from, never its id or SKU. */
const create = (optionValues: string[], template: Row): Row => ({
  optionValues,
  id: null,
  price: template.price,
  sku: null,
});

const colour = (...values: string[]): OptionDraft => ({ key: 'colour', name: 'Colour', values });
const size = (...values: string[]): OptionDraft => ({ key: 'size', name: 'Size', values });
const row = (id: string, price: number, ...optionValues: string[]): Row => ({
  optionValues,
  id,
  price,
  sku: id.toUpperCase(),
});
const grid = (rows: Row[]) => rows.map((r) => `${r.optionValues.join('/')}:${r.id ?? 'new'}:${r.price}`);

describe('reconcileVariants', () => {
  const apron = [
    row('sand-s', 3900, 'Sand', 'S'),
    row('sand-l', 4200, 'Sand', 'L'),
    row('charcoal-s', 3900, 'Charcoal', 'S'),
    row('charcoal-l', 4200, 'Charcoal', 'L'),
  ];
  const options = [colour('Sand', 'Charcoal'), size('S', 'L')];

  it('turns a single-variant product into the first combination of its first option', () => {
    const single = [row('only', 2500)];
    const next = reconcileVariants([], [colour('Red', 'Blue')], single, create);
    assert.deepEqual(grid(next), ['Red:only:2500', 'Blue:new:2500']);
    assert.equal(next[0]!.sku, 'ONLY', 'the single variant keeps its SKU');
  });

  it('an option still without values changes nothing', () => {
    const single = [row('only', 2500)];
    const next = reconcileVariants([], [{ key: 'size', name: 'Size', values: [] }], single, create);
    assert.deepEqual(next, single);
  });

  it('a new value adds its combinations and keeps every existing variant with its id and data', () => {
    const next = reconcileVariants(
      options,
      [colour('Sand', 'Charcoal'), size('S', 'L', 'XL')],
      apron,
      create,
    );
    assert.deepEqual(grid(next), [
      'Sand/S:sand-s:3900',
      'Sand/L:sand-l:4200',
      'Sand/XL:new:3900',
      'Charcoal/S:charcoal-s:3900',
      'Charcoal/L:charcoal-l:4200',
      'Charcoal/XL:new:3900',
    ]);
    for (const kept of apron) assert.ok(next.includes(kept), `${kept.id} is the very same row`);
  });

  it('a new value of the first option copies prices along the other options', () => {
    const next = reconcileVariants(
      options,
      [colour('Sand', 'Charcoal', 'Moss'), size('S', 'L')],
      apron,
      create,
    );
    assert.deepEqual(grid(next).slice(4), ['Moss/S:new:3900', 'Moss/L:new:4200']);
  });

  it('several values added at once make every new combination once', () => {
    const next = reconcileVariants(
      options,
      [colour('Sand', 'Charcoal'), size('S', 'L', 'XL', 'XXL')],
      apron,
      create,
    );
    assert.equal(next.length, 8);
    assert.equal(new Set(next.map((r) => r.optionValues.join('/'))).size, 8);
  });

  it('a removed value drops its variants', () => {
    const next = reconcileVariants(options, [colour('Charcoal'), size('S', 'L')], apron, create);
    assert.deepEqual(grid(next), ['Charcoal/S:charcoal-s:3900', 'Charcoal/L:charcoal-l:4200']);
  });

  it('a renamed value carries its variants along', () => {
    const next = reconcileVariants(options, [colour('Sand', 'Graphite'), size('S', 'L')], apron, create);
    assert.deepEqual(grid(next).slice(2), ['Graphite/S:charcoal-s:3900', 'Graphite/L:charcoal-l:4200']);
    assert.equal(next[2]!.sku, 'CHARCOAL-S');
  });

  it('a value spelt differently is the same value, in its new spelling', () => {
    const next = reconcileVariants(options, [colour('sand', 'Charcoal'), size('S', 'L')], apron, create);
    assert.deepEqual(next[0]!.optionValues, ['sand', 'S']);
    assert.equal(next[0]!.id, 'sand-s');
  });

  it('reordered values reorder the variants', () => {
    const next = reconcileVariants(options, [colour('Charcoal', 'Sand'), size('S', 'L')], apron, create);
    assert.deepEqual(
      next.map((r) => r.id),
      ['charcoal-s', 'charcoal-l', 'sand-s', 'sand-l'],
    );
  });

  it('a renamed option is the same option', () => {
    const renamed = [{ ...colour('Sand', 'Charcoal'), name: 'Color' }, size('S', 'L')];
    assert.deepEqual(reconcileVariants(options, renamed, apron, create), apron);
  });

  it('a third option gives the existing variants its first value and adds the rest', () => {
    const material: OptionDraft = { key: 'material', name: 'Material', values: ['Linen', 'Cotton'] };
    const next = reconcileVariants(options, [...options, material], apron, create);
    assert.equal(next.length, 8);
    assert.deepEqual(
      next.filter((r) => r.id).map((r) => r.optionValues),
      [
        ['Sand', 'S', 'Linen'],
        ['Sand', 'L', 'Linen'],
        ['Charcoal', 'S', 'Linen'],
        ['Charcoal', 'L', 'Linen'],
      ],
    );
    assert.deepEqual(next[1], { optionValues: ['Sand', 'S', 'Cotton'], id: null, price: 3900, sku: null });
  });

  it('a removed option merges variants that differed only in it into the first of them', () => {
    const next = reconcileVariants(options, [size('S', 'L')], apron, create);
    assert.deepEqual(grid(next), ['S:sand-s:3900', 'L:sand-l:4200']);
  });

  it('removing every option leaves the first variant as the single one', () => {
    assert.deepEqual(grid(reconcileVariants(options, [], apron, create)), [':sand-s:3900']);
  });

  it('combinations the product does not offer stay left out when a value is added', () => {
    const sparse = apron.filter((r) => r.id !== 'charcoal-l');
    const next = reconcileVariants(
      options,
      [colour('Sand', 'Charcoal'), size('S', 'L', 'XL')],
      sparse,
      create,
    );
    assert.deepEqual(
      next.map((r) => r.optionValues.join('/')),
      ['Sand/S', 'Sand/L', 'Sand/XL', 'Charcoal/S', 'Charcoal/XL'],
    );
  });
});

describe('combinations', () => {
  it('lists every combination, first option slowest', () => {
    assert.deepEqual(allCombinations([colour('Red', 'Blue'), size('S', 'M')]), [
      ['Red', 'S'],
      ['Red', 'M'],
      ['Blue', 'S'],
      ['Blue', 'M'],
    ]);
    assert.deepEqual(allCombinations([]), [[]], 'no options: the one default variant');
  });

  it('counts combinations, ignoring options without values', () => {
    assert.equal(fullCombinationCount([colour('Red', 'Blue'), size('S', 'M', 'L')]), 6);
    assert.equal(fullCombinationCount([colour('Red', 'Blue'), size()]), 2);
    assert.equal(fullCombinationCount([]), 1);
  });

  it('finds and adds the combinations no variant offers, from the closest variant', () => {
    const options = [colour('Red', 'Blue'), size('S', 'M')];
    const rows = [
      row('red-s', 1000, 'Red', 'S'),
      row('red-m', 1200, 'Red', 'M'),
      row('blue-s', 1100, 'Blue', 'S'),
    ];
    assert.deepEqual(missingCombinations(options, rows), [['Blue', 'M']]);
    const full = withMissingCombinations(options, rows, create);
    assert.deepEqual(grid(full), [
      'Red/S:red-s:1000',
      'Red/M:red-m:1200',
      'Blue/S:blue-s:1100',
      'Blue/M:new:1200',
    ]);
  });
});
