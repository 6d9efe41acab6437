/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupLines, quantityProblem } from './reorder-draft-lines.ts';
import type { ReorderGroup, ReorderSuggestion } from './reorder-queries.ts';

const line = (variantId: string, quantity: number, packSize: number, minimumOrderQuantity: number) =>
  ({ variantId, quantity, calculation: { packSize, minimumOrderQuantity } }) as ReorderSuggestion;

describe('bulk reorder lines', () => {
  it('accepts whole packs at the minimum or above, and 0 or blank to leave a line out', () => {
    const mug = line('var_mug', 66, 6, 12);
    assert.equal(quantityProblem(66, mug), null);
    assert.equal(quantityProblem(0, mug), null);
    assert.equal(quantityProblem('', mug), null);
    assert.equal(quantityProblem(64, mug), 'Packs of 6: 60 or 66.');
    assert.equal(quantityProblem(4, mug), 'Packs of 6: 6.');
    assert.equal(quantityProblem(6, mug), 'At least 12.');
    assert.equal(quantityProblem(2.5, mug), 'A whole number of units.');
    assert.equal(quantityProblem(-6, mug), 'A whole number of units.');
  });

  it("takes a group's lines with their edited quantities, leaving out those set to 0", () => {
    const group = { variantIds: ['a', 'b', 'c'] } as ReorderGroup;
    const byId = new Map([
      ['a', line('a', 12, 6, 1)],
      ['b', line('b', 5, 1, 1)],
      ['c', line('c', 8, 1, 1)],
    ]);
    assert.deepEqual(groupLines(group, { a: 18, c: 0 }, byId), [
      { variantId: 'a', quantity: 18 },
      { variantId: 'b', quantity: 5 },
    ]);
  });
});
