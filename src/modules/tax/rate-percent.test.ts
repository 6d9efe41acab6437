import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { formatRatePercent, parseRatePercent } from './rate-percent.ts';
import { isSubdivisionOf } from './subdivision-codes.ts';

test('percent text ↔ millionths, exactly', () => {
  const cases: [string, number][] = [
    ['19', 190_000],
    ['7.25', 72_500],
    ['5.5', 55_000],
    ['8.875', 88_750],
    ['0', 0],
    ['100', 1_000_000],
    ['0.0001', 1],
  ];
  for (const [text, ppm] of cases) {
    assert.equal(parseRatePercent(text), ppm, text);
    assert.equal(formatRatePercent(ppm), text, text);
  }
  assert.equal(parseRatePercent('19.00'), 190_000);
});

test('rates outside 0–100 %, with more than four decimals or not plain numbers are refused', () => {
  for (const text of ['100.0001', '101', '-1', '0.00001', '1e2', '7,25', '', 'abc', '.5']) {
    assert.throws(
      () => parseRatePercent(text),
      (err) => err instanceof AppError && err.status === 400 && err.code === 'invalid_rate',
      text,
    );
  }
});

test('region codes: ISO 3166-2 of the country; US states and Canadian provinces from the published list', () => {
  for (const [country, region] of [
    ['US', 'US-CA'],
    ['US', 'US-DC'],
    ['US', 'US-PR'],
    ['CA', 'CA-QC'],
    ['ES', 'ES-CN'],
    ['DE', 'DE-BY'],
    ['FR', 'FR-75C'],
  ]) {
    assert.equal(isSubdivisionOf(country!, region!), true, region);
  }
  for (const [country, region] of [
    ['US', 'US-ZZ'],
    ['CA', 'CA-XX'],
    ['US', 'DE-BY'],
    ['DE', 'DE'],
    ['DE', 'de-by'],
    ['DE', 'DE-BAYERN'],
    ['XX', 'XX-A'],
  ]) {
    assert.equal(isSubdivisionOf(country!, region!), false, `${country} ${region}`);
  }
});
