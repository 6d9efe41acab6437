/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestHandle } from './suggest-handle.ts';

describe('suggestHandle', () => {
  it('turns titles into URL handles', () => {
    assert.equal(suggestHandle('Crème Brûlée Mug (350 ml)'), 'creme-brulee-mug-350-ml');
    assert.equal(suggestHandle('  Salt & Pepper  '), 'salt-and-pepper');
    assert.equal(suggestHandle('---'), '');
    assert.equal(suggestHandle('日本'), '');
  });

  it('never ends on a hyphen after cutting to length', () => {
    assert.equal(suggestHandle('abc def', 4), 'abc');
  });
});
