import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRateText, rateText } from './exchange-rate-text.ts';

test('a typed rate becomes exact decimal text; a comma is a decimal point', () => {
  assert.deepEqual(checkRateText(' 1.0856 '), { ok: true, rate: '1.0856' });
  assert.deepEqual(checkRateText('162,37'), { ok: true, rate: '162.37' });
  assert.deepEqual(checkRateText('0.3315000'), { ok: true, rate: '0.3315' });
  assert.deepEqual(checkRateText('.92'), { ok: true, rate: '0.92' });
  assert.deepEqual(checkRateText('007'), { ok: true, rate: '7' });
});

test('nothing, zero, words, two points and too many digits are refused with a reason', () => {
  for (const text of ['', '0', '0.000', 'abc', '1.2.3', '-1', '.', '1234567890123', '0.1234567890123']) {
    const checked = checkRateText(text);
    assert.equal(checked.ok, false, text);
  }
  assert.deepEqual(checkRateText('0'), { ok: false, message: 'The rate must be more than 0.' });
});

test('a rate reads as one unit of the base currency in the other', () => {
  assert.equal(rateText('EUR', 'USD', '1.0856'), '1 EUR = 1.0856 USD');
});
