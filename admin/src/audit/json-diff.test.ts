/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeValue, diffJson } from './json-diff.ts';

describe('diffJson', () => {
  it('lists changed, added and removed fields with nested paths', () => {
    const before = { title: 'Mug', price: { amount: 1200, currency: 'EUR' }, sku: 'M-1', tags: ['a'] };
    const after = {
      title: 'Big mug',
      price: { amount: 1500, currency: 'EUR' },
      vendor: 'Alder',
      tags: ['a'],
    };
    assert.deepEqual(diffJson(before, after), [
      { path: 'title', kind: 'changed', before: 'Mug', after: 'Big mug' },
      { path: 'price.amount', kind: 'changed', before: 1200, after: 1500 },
      { path: 'sku', kind: 'removed', before: 'M-1' },
      { path: 'vendor', kind: 'added', after: 'Alder' },
    ]);
  });

  it('treats a creation as every field added and a deletion as every field removed', () => {
    assert.deepEqual(diffJson(null, { a: 1 }), [{ path: 'a', kind: 'added', after: 1 }]);
    assert.deepEqual(diffJson({ a: 1 }, null), [{ path: 'a', kind: 'removed', before: 1 }]);
  });

  it('reports nothing when nothing changed', () => {
    assert.deepEqual(diffJson({ a: { b: [1, 2] } }, { a: { b: [1, 2] } }), []);
  });

  it('compares scalar snapshots at the root', () => {
    assert.deepEqual(diffJson('draft', 'active'), [
      { path: '', kind: 'changed', before: 'draft', after: 'active' },
    ]);
  });
});

describe('describeValue', () => {
  it('shortens long values', () => {
    assert.equal(describeValue('x'.repeat(10), 5), 'xxxx…');
    assert.equal(describeValue({ a: 1 }), '{"a":1}');
    assert.equal(describeValue(null), 'null');
  });
});
