import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formatWeight,
  parseBooleanCell,
  parseIntegerCell,
  parseMoneyCell,
  parseWeightCell,
  parseWeightUnit,
  type WeightUnit,
} from './cell-parsers.ts';

const at = { row: 7, column: 'Variant Price' };

describe('cell parsers', () => {
  it('reads amounts as minor units of the store currency', () => {
    assert.deepEqual(parseMoneyCell('19.99', 'USD', at), { ok: true, value: 1999 });
    assert.deepEqual(parseMoneyCell(' 25 ', 'USD', at), { ok: true, value: 2500 });
    assert.deepEqual(parseMoneyCell('.5', 'EUR', at), { ok: true, value: 50 });
    assert.deepEqual(parseMoneyCell('1500.00', 'JPY', at), { ok: true, value: 1500 });
    assert.deepEqual(parseMoneyCell('1.234', 'KWD', at), { ok: true, value: 1234 });
    assert.deepEqual(parseMoneyCell('19.990', 'EUR', at), { ok: true, value: 1999 });
    assert.deepEqual(parseMoneyCell('', 'EUR', at), { ok: true, value: null });
  });

  it('rejects amounts a locale could read two ways, with the row and column', () => {
    for (const text of ['19,99', '1,299.00', '$5', '19.995', '-5', 'abc']) {
      const result = parseMoneyCell(text, 'USD', at);
      assert.equal(result.ok, false, text);
      if (!result.ok) {
        assert.equal(result.issue.code, 'invalid_price');
        assert.equal(result.issue.row, 7);
        assert.equal(result.issue.column, 'Variant Price');
        assert.match(result.issue.message, /Variant Price/);
      }
    }
    const yen = parseMoneyCell('12.5', 'JPY', at);
    assert.ok(!yen.ok && /no decimal places/.test(yen.issue.message));
  });

  it('reads booleans the ways spreadsheets and platforms write them', () => {
    for (const yes of ['TRUE', 'true', '1', 'yes', 'Yes'])
      assert.deepEqual(parseBooleanCell(yes, at), { ok: true, value: true });
    for (const no of ['FALSE', 'false', '0', 'no'])
      assert.deepEqual(parseBooleanCell(no, at), { ok: true, value: false });
    assert.deepEqual(parseBooleanCell('', at), { ok: true, value: null });
    const bad = parseBooleanCell('maybe', at);
    assert.ok(!bad.ok && bad.issue.code === 'invalid_boolean');
  });

  it('reads whole numbers, including negative stock and "12.0"', () => {
    assert.deepEqual(parseIntegerCell('-3', at), { ok: true, value: -3 });
    assert.deepEqual(parseIntegerCell('12.0', at), { ok: true, value: 12 });
    const bad = parseIntegerCell('12.5', at);
    assert.ok(!bad.ok && bad.issue.code === 'invalid_integer');
  });

  it('converts weights to whole grams', () => {
    assert.deepEqual(parseWeightCell('.5', 'lb', at), { ok: true, value: 227 });
    assert.deepEqual(parseWeightCell('1.5', 'kg', at), { ok: true, value: 1500 });
    assert.deepEqual(parseWeightCell('8', 'oz', at), { ok: true, value: 227 });
    assert.deepEqual(parseWeightCell('226.796185', 'g', at), { ok: true, value: 227 });
    const bad = parseWeightCell('3 kg', 'kg', at);
    assert.ok(!bad.ok && bad.issue.code === 'invalid_weight');
    assert.equal(parseWeightUnit('lbs'), 'lb');
    assert.equal(parseWeightUnit('stone'), null);
  });

  it('writes weights that read back as the same grams in every unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom<WeightUnit>('g', 'kg', 'lb', 'oz'),
        (grams, unit) => {
          const read = parseWeightCell(formatWeight(grams, unit), unit, at);
          assert.deepEqual(read, { ok: true, value: grams });
        },
      ),
    );
  });
});
