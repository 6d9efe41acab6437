import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatWeight, kgText, parseKgText } from './weight-text.ts';

test('kilograms as typed become whole grams, exactly', () => {
  assert.deepEqual(parseKgText('1.25'), { ok: true, grams: 1250 });
  assert.deepEqual(parseKgText('20'), { ok: true, grams: 20_000 });
  assert.deepEqual(parseKgText('0,8'), { ok: true, grams: 800 });
  assert.deepEqual(parseKgText('', { optional: true }), { ok: true, grams: null });
  assert.equal(parseKgText('').ok, false);
  assert.equal(parseKgText('-1').ok, false);
  assert.deepEqual(parseKgText('1.2345'), { ok: false, message: 'Use at most 3 decimals (whole grams).' });
});

test('grams read back as kilograms or grams', () => {
  assert.equal(kgText(1250), '1.25');
  assert.equal(kgText(20_000), '20');
  assert.equal(kgText(null), '');
  assert.equal(formatWeight(800), '800 g');
  assert.equal(formatWeight(10_001), '10.001 kg');
});
