import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentToPpm, ppmToPercentText } from './rate-percent.ts';

test('a percent as typed becomes millionths, exactly', () => {
  assert.deepEqual(percentToPpm('19'), { ok: true, ratePpm: 190_000 });
  assert.deepEqual(percentToPpm(' 7.25 '), { ok: true, ratePpm: 72_500 });
  assert.deepEqual(percentToPpm('5,5'), { ok: true, ratePpm: 55_000 });
  assert.deepEqual(percentToPpm('8.875 %'), { ok: true, ratePpm: 88_750 });
  assert.deepEqual(percentToPpm('0'), { ok: true, ratePpm: 0 });
});

test('empty, negative, above 100 or too precise is refused with a reason', () => {
  for (const text of ['', '-1', '101', '7.12345', 'nineteen']) {
    const parsed = percentToPpm(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) assert.ok(parsed.message.length > 0);
  }
});

test('millionths read back as the shortest percent', () => {
  assert.equal(ppmToPercentText(190_000), '19 %');
  assert.equal(ppmToPercentText(55_000), '5.5 %');
  assert.equal(ppmToPercentText(88_750), '8.875 %');
});
