import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldText, keywordTokens, prepareKeyword, textContainsKeyword } from './keyword-match.ts';

function contains(text: string, keyword: string): boolean {
  const prepared = prepareKeyword(keyword);
  assert.ok(prepared, `keyword ${keyword} is usable`);
  return textContainsKeyword(text, prepared);
}

test('case and accents do not matter', () => {
  assert.equal(foldText('Crème BRÛLÉE Straße Ærø'), 'creme brulee strasse aero');
  assert.ok(contains('Hand-made CRÈME brûlée set', 'creme brulee'));
  assert.ok(contains('creme brulee set', 'Crème Brûlée'));
});

test('whole words only, in order and next to each other', () => {
  assert.equal(contains('A smartwatch for runners', 'art'), false);
  assert.equal(contains('Wool, merino and more', 'merino wool'), false);
  assert.equal(contains('A sweater in merino', 'merino sweater'), false);
  assert.ok(contains('Our merino—sweater!', 'merino sweater'), 'punctuation between the words is fine');
});

test('simple plurals match their singular both ways', () => {
  assert.ok(contains('Running shoes for trails', 'running shoe'));
  assert.ok(contains('A running shoe', 'running shoes'));
  assert.ok(contains('Reading glasses', 'reading glass'));
  assert.ok(contains('Fresh berries', 'berry'));
  assert.equal(contains('Shoelaces', 'shoe'), false);
  assert.deepEqual(keywordTokens("Men's boxes"), ['men', 'box']);
});

test('handles are matched word by word', () => {
  assert.ok(contains('merino-sweater-crew-neck', 'Merino Sweater'));
  assert.equal(contains('merinosweater', 'merino sweater'), false);
  assert.ok(contains('creme-brulee-set', 'crème brûlée'));
});

test('scripts without spaces match by substring; a blank keyword is no keyword', () => {
  assert.ok(contains('柔软的羊毛衫，冬季保暖', '羊毛衫'));
  assert.equal(contains('柔软的棉衫', '羊毛衫'), false);
  assert.equal(prepareKeyword('   '), null);
  assert.equal(prepareKeyword('—'), null);
});
