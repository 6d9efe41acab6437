import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clipText, escapeXml, tsvField, withoutUnusableCharacters } from './feed-text.ts';

test('the five XML specials are escaped', () => {
  assert.equal(
    escapeXml(`Tom & Jerry's <"best"> mug`),
    'Tom &amp; Jerry&apos;s &lt;&quot;best&quot;&gt; mug',
  );
  assert.equal(escapeXml('&amp;'), '&amp;amp;', 'already-escaped text is escaped again, not trusted');
});

test('characters XML 1.0 cannot carry are removed; tab, newline, CR and astral characters stay', () => {
  const text = 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\u007Fg\u0085h\uFFFEi\uFFFFj\uD800k\uDC00l';
  assert.equal(withoutUnusableCharacters(text), 'abcdefghijkl');
  assert.equal(withoutUnusableCharacters('tab\there\nline\r\n'), 'tab\there\nline\r\n');
  assert.equal(escapeXml('wool 🐑 & ü'), 'wool 🐑 &amp; ü');
});

test('TSV fields lose tabs and line breaks but keep everything else', () => {
  assert.equal(tsvField('Line one\r\nLine\ttwo\n'), 'Line one Line two');
  assert.equal(tsvField('"quoted", comma; 5 < 6 & more\u0007'), '"quoted", comma; 5 < 6 & more');
});

test('clipping stays within the limit, prefers a word boundary and never splits a surrogate pair', () => {
  assert.equal(clipText('short', 10), 'short');
  assert.equal(clipText('one two three four five', 13), 'one two three');
  assert.equal(clipText('abcdefghij', 5), 'abcde');
  const clipped = clipText(`${'x'.repeat(9)}🐑🐑`, 10);
  assert.equal(clipped, 'x'.repeat(9));
});
