/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMailSearch } from './mail-search.ts';

describe('parseMailSearch', () => {
  it('keeps a known state and a message id', () => {
    assert.deepEqual(parseMailSearch({ state: 'failed', message: 'mail_01jzzzzzzzzzzzzzzzzzzzzzzz' }), {
      state: 'failed',
      message: 'mail_01jzzzzzzzzzzzzzzzzzzzzzzz',
    });
  });

  it('drops what the screen would not understand, so a hand-edited address never reaches the API', () => {
    assert.deepEqual(parseMailSearch({ state: 'bounced', message: 'po_01jzzzzzzzzzzzzzzzzzzzzzzz' }), {});
    assert.deepEqual(parseMailSearch({ state: ['sent'], message: 42 }), {});
    assert.deepEqual(parseMailSearch({ message: 'mail_<script>' }), {});
  });
});
