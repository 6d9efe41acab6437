import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkGtin, gtinCheckDigit } from './gtin.ts';

test('published GTINs of every length pass', () => {
  for (const gtin of ['96385074', '036000291452', '4006381333931', '9780306406157', '00012345600012']) {
    assert.deepEqual(checkGtin(gtin), { valid: true, gtin }, gtin);
  }
});

test('spaces and dashes are removed before checking', () => {
  assert.deepEqual(checkGtin(' 978-0-306-40615-7 '), { valid: true, gtin: '9780306406157' });
  assert.deepEqual(checkGtin('4 006381 333931'), { valid: true, gtin: '4006381333931' });
});

test('a wrong check digit is caught and the right one named', () => {
  assert.deepEqual(checkGtin('4006381333932'), {
    valid: false,
    reason: 'bad_check_digit',
    expectedCheckDigit: 1,
  });
  assert.deepEqual(checkGtin('036000291453'), {
    valid: false,
    reason: 'bad_check_digit',
    expectedCheckDigit: 2,
  });
  assert.deepEqual(checkGtin('96385070'), { valid: false, reason: 'bad_check_digit', expectedCheckDigit: 4 });
  // Two swapped neighbours change the weighted sum, so a typical typing slip is caught.
  assert.equal(checkGtin('4006383133931').valid, false);
});

test('wrong lengths, letters and all-zero codes are not GTINs', () => {
  assert.deepEqual(checkGtin('03600029145'), { valid: false, reason: 'wrong_length' });
  assert.deepEqual(checkGtin('123456789012345'), { valid: false, reason: 'wrong_length' });
  assert.deepEqual(checkGtin('ABC123456789'), { valid: false, reason: 'not_digits' });
  assert.deepEqual(checkGtin(''), { valid: false, reason: 'not_digits' });
  assert.deepEqual(checkGtin('00000000'), { valid: false, reason: 'all_zeros' });
});

test('the check digit uses weights 3 and 1 from the right', () => {
  assert.equal(gtinCheckDigit('400638133393'), 1);
  assert.equal(gtinCheckDigit('9638507'), 4);
  assert.equal(gtinCheckDigit('0000000'), 0);
});
