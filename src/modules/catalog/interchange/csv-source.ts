import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { invalidUtf8Mark, Utf8Guard } from './utf8-guard.ts';

/** One CSV record as read from the file. */
export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted cell may carry it over several lines). */
  line: number;
  cells: string[];
  /** Some of the record's bytes are not valid UTF-8; those cells hold U+FFFD where they were. */
  invalidUtf8: boolean;
}

/** The file is not well-formed CSV at `line` (e.g. a quoted cell that is never closed). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvTable {
  /** The first non-empty record, or null for an empty file. */
  header: CsvRecord | null;
  /** The records after the header; consume them once (or call `return()`). */
  rows: AsyncGenerator<CsvRecord, void, undefined>;
}

/**
 * The longest record accepted, in characters. A product description rarely passes 100 kB; the cap
 * stops a missing closing quote from pulling the rest of a large file into one cell in memory.
 */
const maxRecordChars = 4_000_000;

/**
 * Reads CSV records from a byte stream without holding the file in memory: strips a UTF-8 BOM,
 * flags records with invalid UTF-8, skips blank lines and rows whose cells are all empty, and
 * tolerates short rows (missing trailing cells) and stray quotes inside unquoted cells, as
 * spreadsheets write them. Throws CsvSyntaxError for what cannot be read past.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord, void, undefined> {
  const guard = new Utf8Guard();
  // Blank lines are kept as records (and skipped below) so every line is counted here: counting
  // from the cells is cheaper than csv-parse's per-record `info` objects, which cost about a
  // tenth of the parse time.
  const parser = parse({
    skip_empty_lines: false,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: maxRecordChars,
    // A syntax error is reported as a 'skip' event instead of destroying the stream, so the
    // records before it are still delivered in order; then reading stops.
    skip_records_with_error: true,
  });
  let syntaxError: { error: CsvError; recordsBefore: number } | null = null;
  parser.on('skip', (error: CsvError) => {
    if (syntaxError) return;
    syntaxError = { error, recordsBefore: Number((error as { records?: number }).records ?? 0) };
    guard.unpipe(parser);
    parser.end();
  });
  input.on('error', (err) => parser.destroy(err));
  guard.on('error', (err) => parser.destroy(err));
  input.pipe(guard).pipe(parser);

  let nextLine = 1;
  let records = 0;
  const stopIfBroken = () => {
    if (syntaxError && records >= syntaxError.recordsBefore) throw toSyntaxError(syntaxError.error, nextLine);
  };
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      stopIfBroken();
      records++;
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(cells);
      const invalidUtf8 = guard.sawInvalid && unmarkInvalidUtf8(cells);
      if (!invalidUtf8 && isBlank(cells)) continue;
      yield { line, cells, invalidUtf8 };
    }
    stopIfBroken();
  } finally {
    input.unpipe(guard);
    input.destroy();
    guard.destroy();
    parser.destroy();
  }
}

/** Reads the header record, then hands back the rest as a generator. */
export async function readCsvTable(input: Readable): Promise<CsvTable> {
  const records = readCsvRecords(input);
  const first = await records.next();
  return { header: first.done ? null : first.value, rows: records };
}

/** Line breaks inside quoted cells: "\n", "\r\n" and a lone "\r" each end a line. */
function lineBreaksIn(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    for (let i = 0; i < cell.length; i++) {
      const char = cell.charCodeAt(i);
      if (char === 10 || (char === 13 && cell.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

/** Whether the guard marked bad bytes in these cells; the marks become U+FFFD for display. */
function unmarkInvalidUtf8(cells: string[]): boolean {
  let found = false;
  cells.forEach((cell, i) => {
    if (!cell.includes(invalidUtf8Mark)) return;
    found = true;
    cells[i] = cell.replaceAll(invalidUtf8Mark, '\uFFFD');
  });
  return found;
}

function toSyntaxError(err: CsvError, recordStartLine: number): CsvSyntaxError {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvSyntaxError(
        recordStartLine,
        `A quoted cell that starts on row ${recordStartLine} is never closed: a closing " is missing.`,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvSyntaxError(
        recordStartLine,
        `The row starting on row ${recordStartLine} is longer than ${maxRecordChars.toLocaleString('en')} characters; a closing " is probably missing.`,
      );
    default:
      return new CsvSyntaxError(
        recordStartLine,
        `The file cannot be read as CSV from row ${recordStartLine}: ${err.message}`,
      );
  }
}
