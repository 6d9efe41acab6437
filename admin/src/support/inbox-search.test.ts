import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInboxSearch, statusFilterOf } from './inbox-search.ts';
import { macroFormValues, macroInputOf } from './macro-form.ts';

test('the inbox address keeps what the screen understands and drops the rest', () => {
  assert.deepEqual(
    parseInboxSearch({
      tab: 'pending',
      assignee: 'mine',
      priority: 'urgent',
      tag: ' vip ',
      sla: 'breached',
      q: '#12',
      ticket: 'tkt_1',
    }),
    {
      tab: 'pending',
      assignee: 'mine',
      priority: 'urgent',
      tag: 'vip',
      sla: 'breached',
      q: '#12',
      ticket: 'tkt_1',
    },
  );
  assert.deepEqual(
    parseInboxSearch({ tab: 'unsolved', assignee: 'bob', priority: 'asap', sla: 'late', q: '  ', page: 3 }),
    {},
  );
  assert.equal(statusFilterOf('unsolved'), 'new,open,pending');
  assert.equal(statusFilterOf('solved'), 'solved');
});

test('the macro editor sends keywords and tags as lists, empty languages and actions left out', () => {
  const values = {
    ...macroFormValues(null),
    name: 'Where is my order',
    body: 'Hi',
    localeBodies: { de: 'Hallo', fr: '  ' },
    keywords: 'where is my order, , tracking',
    status: 'pending' as const,
    addTags: '',
  };
  assert.deepEqual(macroInputOf(values), {
    name: 'Where is my order',
    body: 'Hi',
    localeBodies: { de: 'Hallo' },
    keywords: ['where is my order', 'tracking'],
    actions: { status: 'pending' },
  });
  assert.deepEqual(macroInputOf({ ...values, status: '', addTags: 'return, damaged' }).actions, {
    addTags: ['return', 'damaged'],
  });
});
