import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeReport } from './report-text.ts';

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => utf16le(text).swap16();

describe('decodeReport', () => {
  it('follows a byte-order mark', () => {
    assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Día,€')])), {
      text: 'Día,€',
      encoding: 'utf-8',
    });
    assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Campaign\tCost')])), {
      text: 'Campaign\tCost',
      encoding: 'utf-16le',
    });
    assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Kampagne')])), {
      text: 'Kampagne',
      encoding: 'utf-16be',
    });
  });

  it('recognises UTF-16 without a mark by its zero bytes', () => {
    assert.deepEqual(decodeReport(utf16le('Campaign,Day,Cost')), {
      text: 'Campaign,Day,Cost',
      encoding: 'utf-16le',
    });
    assert.deepEqual(decodeReport(utf16be('Campaign,Day,Cost')), {
      text: 'Campaign,Day,Cost',
      encoding: 'utf-16be',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, typographic characters included', () => {
    // "Été – “soldes” €5" in Windows-1252.
    const bytes = Buffer.from([
      0xc9, 0x74, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x73, 0x6f, 0x6c, 0x64, 0x65, 0x73, 0x94, 0x20, 0x80, 0x35,
    ]);
    assert.deepEqual(decodeReport(bytes), { text: 'Été – “soldes” €5', encoding: 'windows-1252' });
  });

  it('drops a mark from text given as a string', () => {
    assert.deepEqual(decodeReport('\ufeffdate'), { text: 'date', encoding: 'utf-8' });
  });
});
