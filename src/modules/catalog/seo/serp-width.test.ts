import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SNIPPET_FONT_PX,
  SNIPPET_MAX_PX,
  TITLE_FONT_PX,
  TITLE_MAX_PX,
  textWidthPx,
  truncateToWidth,
} from './serp-width.ts';

test('wide letters take more room than narrow ones; accents measure as their base letter', () => {
  assert.equal(textWidthPx('W', 20), 19);
  assert.equal(textWidthPx('i', 20), 4);
  assert.ok(textWidthPx('W'.repeat(30), 20) > textWidthPx('i'.repeat(60), 20) * 2);
  assert.equal(textWidthPx('é', 20), textWidthPx('e', 20));
  assert.equal(textWidthPx('毛', 20), 20, 'a CJK character is a full em');
});

test('text that fits is returned whole', () => {
  const fits = truncateToWidth('Merino Sweater for Men', TITLE_MAX_PX, TITLE_FONT_PX);
  assert.deepEqual(fits, {
    text: 'Merino Sweater for Men',
    truncated: false,
    widthPx: textWidthPx('Merino Sweater for Men', 20),
  });
});

test('text that does not fit is cut at a word and ends in an ellipsis within the limit', () => {
  const title = 'Merino Wool Crew Neck Sweater for Men – Soft, Warm and Breathable Knitwear | Demo Store';
  const cut = truncateToWidth(title, TITLE_MAX_PX, TITLE_FONT_PX);
  assert.equal(cut.truncated, true);
  assert.ok(cut.widthPx <= TITLE_MAX_PX, String(cut.widthPx));
  assert.ok(cut.text.endsWith('…'));
  assert.ok(title.startsWith(cut.text.slice(0, -1)), 'the shown part is a prefix of the title');
  assert.ok(/\w…$/.test(cut.text), 'no trailing space or punctuation before the ellipsis');

  const description = 'Warm merino. '.repeat(30);
  const snippet = truncateToWidth(description, SNIPPET_MAX_PX, SNIPPET_FONT_PX);
  assert.ok(snippet.truncated && snippet.widthPx <= SNIPPET_MAX_PX);
  assert.ok(snippet.text.length > 120 && snippet.text.length < 170, String(snippet.text.length));
});

test('a single word wider than the limit is cut inside the word', () => {
  const cut = truncateToWidth('W'.repeat(80), TITLE_MAX_PX, TITLE_FONT_PX);
  assert.ok(cut.text.startsWith('WWWW') && cut.text.endsWith('…'));
  assert.ok(cut.widthPx <= TITLE_MAX_PX);
});
