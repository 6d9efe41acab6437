import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { cardBrandOf, isLuhnValid, parseCardDetails } from './card-details.ts';

const now = new Date('2030-06-15T12:00:00Z');
const card = { cardNumber: '4242 4242 4242 4242', expiry: '06/30', cvc: '123' };

function refusal(fn: () => unknown): { code: string; path: string } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.status, 422);
    return { code: err.code, path: (err.details as { path: string }).path };
  }
  assert.fail('expected a refusal');
}

describe('card details', () => {
  test('Luhn: the test cards pass, a changed digit fails', () => {
    for (const n of ['4242424242424242', '4000000000003220', '5555555555554444', '378282246310005']) {
      assert.ok(isLuhnValid(n), n);
    }
    assert.equal(isLuhnValid('4242424242424241'), false);
    assert.equal(isLuhnValid('4000000000000003'), false);
  });

  test('brand from the leading digits', () => {
    assert.deepEqual(
      [
        '4242424242424242',
        '5555555555554444',
        '2223003122003222',
        '378282246310005',
        '6011111111111117',
        '3056930009020004',
        '3566002020360505',
        '6200000000000005',
        '9999999999999995',
      ].map(cardBrandOf),
      ['visa', 'mastercard', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'unknown'],
    );
  });

  test('a good card: spaces dropped, last four and brand kept, good through its expiry month', () => {
    const details = parseCardDetails(card, now);
    assert.deepEqual(
      [
        details.number,
        details.last4,
        details.brand,
        details.expiryMonth,
        details.expiryYear,
        details.holderName,
      ],
      ['4242424242424242', '4242', 'visa', 6, 2030, null],
    );
    assert.equal(
      parseCardDetails({ ...card, expiry: '06/30' }, new Date('2030-06-30T23:59:59Z')).last4,
      '4242',
    );
  });

  test('each malformed field is refused with 422 invalid_card naming it', () => {
    const cases: [Partial<typeof card> | undefined, string][] = [
      [undefined, 'method'],
      [{ cardNumber: '4242424242424241' }, 'method.cardNumber'],
      [{ cardNumber: '4242' }, 'method.cardNumber'],
      [{ cardNumber: '4242x42424242424' }, 'method.cardNumber'],
      [{ expiry: '6/30' }, 'method.expiry'],
      [{ expiry: '13/30' }, 'method.expiry'],
      [{ expiry: '00/30' }, 'method.expiry'],
      [{ expiry: '2030-06' }, 'method.expiry'],
      [{ expiry: '05/30' }, 'method.expiry'],
      [{ cvc: '12' }, 'method.cvc'],
      [{ cvc: '1234' }, 'method.cvc'],
      [{ cardNumber: '378282246310005', cvc: '123' }, 'method.cvc'],
    ];
    for (const [change, path] of cases) {
      const input = change === undefined ? undefined : { ...card, ...change };
      assert.deepEqual(
        refusal(() => parseCardDetails(input, now)),
        { code: 'invalid_card', path },
        JSON.stringify(change),
      );
    }
    assert.equal(
      parseCardDetails({ ...card, cardNumber: '378282246310005', cvc: '1234' }, now).brand,
      'amex',
    );
  });

  test('the refusal never repeats the number', () => {
    try {
      parseCardDetails({ ...card, cardNumber: '4242424242424241' }, now);
    } catch (err) {
      assert.doesNotMatch(
        JSON.stringify({ ...(err as AppError), message: (err as Error).message }),
        /424242/,
      );
    }
  });
});
