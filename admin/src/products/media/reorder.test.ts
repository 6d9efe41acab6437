import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropIndex, moveItem } from './reorder.ts';

test('moving an image keeps the others in order', () => {
  assert.deepEqual(moveItem(['a', 'b', 'c', 'd'], 0, 2), ['b', 'c', 'a', 'd']);
  assert.deepEqual(moveItem(['a', 'b', 'c', 'd'], 3, 0), ['d', 'a', 'b', 'c']);
  assert.deepEqual(moveItem(['a', 'b', 'c'], 1, 99), ['a', 'c', 'b'], 'the target is clamped');
  assert.deepEqual(moveItem(['a', 'b'], 5, 0), ['a', 'b'], 'an unknown source changes nothing');
});

test('dropping before or after a thumbnail lands on the right position', () => {
  assert.equal(dropIndex(0, 2, false), 1, 'before the third, dragged from the front');
  assert.equal(dropIndex(0, 2, true), 2, 'after the third');
  assert.equal(dropIndex(3, 0, false), 0, 'to the very front');
  assert.equal(dropIndex(1, 1, true), 1, 'onto itself: no move');
  assert.deepEqual(moveItem(['a', 'b', 'c', 'd'], 0, dropIndex(0, 3, true)), ['b', 'c', 'd', 'a']);
});
