import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { type CsvRecord, CsvSyntaxError, readCsvRecords } from './csv-source.ts';

async function records(bytes: string | Buffer, chunkSize = 1 << 16): Promise<CsvRecord[]> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) chunks.push(buffer.subarray(i, i + chunkSize));
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(Readable.from(chunks))) out.push(record);
  return out;
}

describe('reading CSV records', () => {
  it('numbers each record by the line it starts on, across quoted line breaks and blank lines', async () => {
    const read = await records('a,b\n\n1,"x\ny\r\nz"\n2,3\n\n\n4,5\n,,\n6,7');
    assert.deepEqual(
      read.map((r) => [r.line, r.cells[0]]),
      [
        [1, 'a'],
        [3, '1'],
        [6, '2'],
        [9, '4'],
        [11, '6'],
      ],
    );
    assert.equal(read[1]!.cells[1], 'x\ny\r\nz');
  });

  it('drops a UTF-8 byte-order mark, even when it arrives one byte at a time', async () => {
    const read = await records('\uFEFFHandle,Title\nx,y\n', 1);
    assert.deepEqual(read[0]!.cells, ['Handle', 'Title']);
  });

  it('keeps characters split across chunks intact and does not call them invalid', async () => {
    const read = await records('a\n€ 😀 é\n', 1);
    assert.equal(read[1]!.cells[0], '€ 😀 é');
    assert.equal(read[1]!.invalidUtf8, false);
  });

  it('flags exactly the records with invalid UTF-8 and keeps reading', async () => {
    const bytes = Buffer.concat([
      Buffer.from('name,price\nok,1\ncaf'),
      Buffer.from([0xe9]), // "é" in Latin-1, not UTF-8
      Buffer.from(',2\nalso ok \uFFFD,3\n'),
    ]);
    const read = await records(bytes, 8);
    assert.deepEqual(
      read.map((r) => [r.line, r.invalidUtf8]),
      [
        [1, false],
        [2, false],
        [3, true],
        [4, false],
      ],
    );
    assert.equal(read[2]!.cells[0], 'caf\uFFFD');
  });

  it('reports a quote that is never closed at the row where it opens, after the rows before it', async () => {
    const read: CsvRecord[] = [];
    await assert.rejects(
      async () => {
        for await (const record of readCsvRecords(Readable.from([Buffer.from('a,b\n1,2\n3,"open\n4,5\n')]))) {
          read.push(record);
        }
      },
      (err: unknown) => err instanceof CsvSyntaxError && err.line === 3,
    );
    assert.deepEqual(
      read.map((r) => r.line),
      [1, 2],
    );
  });
});
