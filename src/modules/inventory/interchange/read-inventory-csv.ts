import type { Readable } from 'node:stream';
import { CsvError, type Parser, parse } from 'csv-parse';
import { AppError, badRequest, unprocessable } from '../../../platform/errors.ts';
import { unguardFormula } from '../../catalog/index.ts';
import {
  type InventoryColumns,
  type InventoryCsvFormat,
  inventoryColumns,
  notStocked,
  shopifyInventoryHeader,
  storepilotInventoryHeader,
} from './inventory-csv-formats.ts';

/** A problem with one row, named the way the file names it. */
export interface InventoryRowError {
  /** Line of the file the row starts on (the header is line 1). */
  row: number;
  column: string;
  code: string;
  message: string;
}

/** One row of an inventory file, as read (matching to variants and locations comes later). */
export interface InventoryFileRow {
  row: number;
  sku: string;
  variantId: string;
  handle: string;
  /** Shopify: Option1–3 Value as written ('' when absent). */
  optionValues: string[];
  location: string;
  /** The on-hand quantity to set; null leaves the level as it is ("not stocked" or blank). */
  onHand: number | null;
}

export interface InventoryFile {
  format: InventoryCsvFormat;
  columns: InventoryColumns;
  rows: InventoryFileRow[];
  /** Rows whose cells cannot be read (a quantity that is not a whole number, a missing location). */
  errors: InventoryRowError[];
}

/** Rows held at once: an inventory file has one per variant and location. */
export const maxInventoryRows = 500_000;
const maxOnHand = 1_000_000_000;

const fileTooLarge = (maxBytes: number) =>
  new AppError(413, 'file_too_large', `The file is larger than ${maxBytes} bytes.`, { maxBytes });

/** Resolves when the parser wants more, or is gone. */
function roomIn(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

/**
 * Feeds the parser from the input with back-pressure, refusing more than `maxBytes`. Read with
 * async iteration rather than pipe(): a multipart file stream reports a cut-off upload to its
 * reader this way, where a pipe would wait for the rest forever. Stops quietly once the parser is
 * gone (the reader gave up on the file); the input is left alone (it may be the request itself).
 */
async function feed(input: Readable, parser: Parser, maxBytes: number): Promise<void> {
  let seen = 0;
  try {
    for await (const chunk of input.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      if (parser.destroyed) break;
      seen += chunk.length;
      if (seen > maxBytes) throw fileTooLarge(maxBytes);
      if (!parser.write(chunk)) await roomIn(parser);
    }
    if (!parser.destroyed) parser.end();
  } catch (err) {
    parser.destroy(err as Error);
  }
  // What the reader did not want is read and dropped, so the upload does not stall its connection.
  if (!input.readableEnded) input.resume();
}

/** Line breaks inside a record's quoted cells, to tell the line it starts on from the one it ends on. */
function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

function parseOnHand(
  text: string,
  row: number,
  column: string,
): { value: number | null } | { error: InventoryRowError } {
  const cell = text.trim();
  if (cell === '' || cell.toLowerCase() === notStocked) return { value: null };
  const error = (code: string, message: string) => ({ error: { row, column, code, message } });
  if (/^-\s*\d+$/.test(cell)) return error('negative', `On hand cannot be negative (${cell}).`);
  if (!/^\+?\d+$/.test(cell)) {
    return error('not_whole_number', `On hand must be a whole number of units, not "${cell.slice(0, 40)}".`);
  }
  const value = Number(cell);
  if (value > maxOnHand) return error('too_large', `On hand is at most ${maxOnHand.toLocaleString('en')}.`);
  return { value };
}

function requireColumns(columns: InventoryColumns): void {
  const missing: string[] = [];
  if (columns.location === undefined) missing.push('Location');
  if (columns.onHand === undefined) missing.push('On hand');
  if (columns.format === 'shopify' && columns.sku === undefined && columns.handle === undefined) {
    missing.push('SKU or Handle');
  }
  if (columns.format === 'storepilot' && columns.sku === undefined && columns.variantId === undefined) {
    missing.push('SKU or Variant ID');
  }
  if (missing.length > 0) {
    const expected = columns.format === 'shopify' ? shopifyInventoryHeader : storepilotInventoryHeader;
    throw unprocessable(
      'missing_column',
      `The header has no ${missing.join(', ')} column. A ${columns.format === 'shopify' ? 'Shopify' : 'Storepilot'} inventory file starts with: ${expected.join(', ')}.`,
      { format: columns.format, missing, header: columns.names.slice(0, 50) },
    );
  }
}

/**
 * Reads an inventory CSV from a stream (csv-parse, record by record; the bytes are never held
 * whole): the header decides the format unless one is given, then each row becomes what it asks
 * for. Cells the export protected from spreadsheet formulas (a leading ') are read back as written.
 * File-level problems (not CSV, no header, columns missing, too large) throw a 4xx; row problems
 * are collected.
 */
export async function readInventoryCsv(
  input: Readable,
  options: { format: InventoryCsvFormat | 'auto'; maxBytes: number },
): Promise<InventoryFile> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  void feed(input, parser, options.maxBytes);

  let columns: InventoryColumns | undefined;
  const rows: InventoryFileRow[] = [];
  const errors: InventoryRowError[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const row = info.lines - lineBreaks(record);
      if (!columns) {
        columns = inventoryColumns(record, options.format);
        requireColumns(columns);
        continue;
      }
      if (rows.length + errors.length >= maxInventoryRows) {
        throw new AppError(413, 'too_many_rows', `An inventory file has at most ${maxInventoryRows} rows.`, {
          maxRows: maxInventoryRows,
        });
      }
      const c = columns;
      const cell = (i: number | undefined) =>
        i === undefined ? '' : unguardFormula((record[i] ?? '').trim());
      const name = (i: number | undefined, fallback: string) => (i === undefined ? fallback : c.names[i]!);
      const parsed = parseOnHand(record[c.onHand!] ?? '', row, name(c.onHand, 'On hand'));
      if ('error' in parsed) {
        errors.push(parsed.error);
        continue;
      }
      const location = cell(c.location);
      if (location === '' && parsed.value !== null) {
        errors.push({
          row,
          column: name(c.location, 'Location'),
          code: 'missing_location',
          message: 'Name the location this quantity is at.',
        });
        continue;
      }
      rows.push({
        row,
        sku: cell(c.sku),
        variantId: cell(c.variantId),
        handle: cell(c.handle),
        optionValues: c.optionValues.map((i) => cell(i)),
        location,
        onHand: parsed.value,
      });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof CsvError) {
      throw badRequest('invalid_csv', `The file cannot be read as CSV: ${err.message}`, { code: err.code });
    }
    throw err;
  } finally {
    parser.destroy();
  }
  if (!columns)
    throw badRequest('empty_file', 'The file is empty: it needs a header row and a row per stock level.');
  return { format: columns.format, columns, rows, errors };
}
