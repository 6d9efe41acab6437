import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertSnippet, subjectSnippet } from './insert-snippet.ts';

test('a variable goes where the cursor is, replacing a selection, and the cursor follows it', () => {
  assert.deepEqual(insertSnippet('<p>Hi </p>', 6, 6, '{{ customer.first_name }}'), {
    text: '<p>Hi {{ customer.first_name }}</p>',
    cursor: 31,
  });
  assert.deepEqual(insertSnippet('Order NUMBER', 6, 12, '{{ order.number }}'), {
    text: 'Order {{ order.number }}',
    cursor: 24,
  });
  // A cursor past the end (the text changed meanwhile) appends.
  assert.equal(insertSnippet('ab', 10, 12, 'X').text, 'abX');
});

test('a one-line subject takes single values, not a loop over a list', () => {
  assert.equal(subjectSnippet('{{ order.number }}'), '{{ order.number }}');
  assert.equal(subjectSnippet('{% for line in order.lines %}\n  {{ line }}\n{% endfor %}'), null);
});
