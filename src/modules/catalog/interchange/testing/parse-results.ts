import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type ParseProductCsvOptions, parseProductCsv } from '../product-csv.ts';
import type { ParsedProduct, ProductRecord, RowIssue } from '../product-record.ts';

/** Test support: run the parser to the end and gather what it yielded. */

export interface ParseResults {
  products: ParsedProduct[];
  fileIssues: RowIssue[];
}

export const catalogFixture = (name: string) =>
  fileURLToPath(new URL(`../../../../../test/fixtures/catalog/${name}`, import.meta.url));

export async function parseAll(input: Readable, options: ParseProductCsvOptions): Promise<ParseResults> {
  const results: ParseResults = { products: [], fileIssues: [] };
  for await (const event of parseProductCsv(input, options)) {
    if (event.kind === 'product') results.products.push(event.product);
    else if (event.kind === 'file_issue') results.fileIssues.push(event.issue);
  }
  return results;
}

export const parseFixture = (name: string, options: ParseProductCsvOptions) =>
  parseAll(createReadStream(catalogFixture(name)), options);

/** Parses text or bytes, delivered in chunks of `chunkSize` bytes to exercise chunk boundaries. */
export function parseBytes(bytes: string | Buffer, options: ParseProductCsvOptions, chunkSize = 64 * 1024) {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunkSize) chunks.push(buffer.subarray(i, i + chunkSize));
  return parseAll(Readable.from(chunks), options);
}

export async function readText(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

export const recordsOf = (results: ParseResults): ProductRecord[] => results.products.map((p) => p.record);

export const errorsOf = (results: ParseResults): RowIssue[] => [
  ...results.fileIssues.filter((i) => i.severity === 'error'),
  ...results.products.flatMap((p) => p.issues.filter((i) => i.severity === 'error')),
];

/** The first issue with `code` anywhere in the results. */
export function issueWithCode(results: ParseResults, code: string): RowIssue | undefined {
  return [...results.fileIssues, ...results.products.flatMap((p) => p.issues)].find((i) => i.code === code);
}
