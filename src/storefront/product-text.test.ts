import assert from 'node:assert/strict';
import { test } from 'node:test';
import { descriptionParagraphs, summarise } from './product-text.ts';

test('paragraphs are split on blank lines, whatever the line endings; single breaks stay inside', () => {
  assert.deepEqual(descriptionParagraphs('One\r\nline two\r\n\r\nTwo\n \t\n\n\nThree  '), [
    'One\nline two',
    'Two',
    'Three',
  ]);
  assert.deepEqual(descriptionParagraphs('  \n\n '), []);
});

test('summaries collapse whitespace and cut at a word boundary within the limit', () => {
  assert.equal(summarise('Short   and\nsweet.'), 'Short and sweet.');
  const long = `${'word '.repeat(60)}end`;
  const cut = summarise(long, 155);
  assert.ok(cut.length <= 155, String(cut.length));
  assert.ok(cut.endsWith('word…'));
  assert.equal(
    summarise(`${'x'.repeat(200)}`, 20),
    `${'x'.repeat(19)}…`,
    'one long word is cut where it must be',
  );
  assert.equal(summarise('Ends with a comma, and then more words that go past', 20), 'Ends with a comma…');
});
