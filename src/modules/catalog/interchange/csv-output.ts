import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

export type RecordSource<T> = AsyncIterable<T> | Iterable<T>;

/**
 * CSV text as a byte stream: the header, then the rows `rowsOf` gives for each item, produced one
 * item at a time as the consumer reads (so an export of any size streams with back-pressure).
 * `bom` starts the file with a UTF-8 byte-order mark, which spreadsheet programs need to read
 * UTF-8 correctly.
 */
export function csvTextStream<T>(
  header: readonly string[],
  items: RecordSource<T>,
  rowsOf: (item: T) => string[][],
  options: { bom: boolean },
): Readable {
  async function* text(): AsyncGenerator<string> {
    yield (options.bom ? '\uFEFF' : '') + stringify([header as string[]]);
    for await (const item of items) yield stringify(rowsOf(item));
  }
  return Readable.from(text(), { objectMode: false, encoding: 'utf8' });
}
