import { parse } from 'csv-parse/sync';

export type ReportDelimiter = ',' | ';' | '\t';

/** One CSV record and the line of the file it starts on (1-based). */
export interface ReportRecord {
  line: number;
  cells: string[];
}

export interface ReportRecords {
  records: ReportRecord[];
  /** The line from which the file could not be read as CSV (an unclosed quote), or null. */
  unreadableFrom: number | null;
}

/**
 * The delimiters to try, most likely first: counted outside quotes over the first lines, since a
 * report's title line ("Campaign report") has none and a quoted "1,234.56" has a comma that is
 * not one. Every delimiter is in the list; detection settles on the one whose header it knows.
 */
export function likelyDelimiters(text: string): ReportDelimiter[] {
  const counts = new Map<ReportDelimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 20; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) lines++;
    else if (!quoted && counts.has(char as ReportDelimiter)) {
      counts.set(char as ReportDelimiter, counts.get(char as ReportDelimiter)! + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([delimiter]) => delimiter);
}

/**
 * Reads `text` (line breaks already "\n") as CSV records with their line numbers. Forgiving the
 * way spreadsheets write: short rows, stray quotes inside unquoted cells. A quote never closed
 * ends the reading; the records before it are kept and the line is reported.
 */
export function readReportRecords(text: string, delimiter: ReportDelimiter): ReportRecords {
  let unreadable = false;
  const parsed = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: () => {
      unreadable = true;
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - lineBreaksIn(record),
    cells: record,
  }));
  // Blank lines are records too, so the last one's end tells where the unreadable part starts.
  const lastEnd = parsed.at(-1)?.info.lines ?? 0;
  return { records, unreadableFrom: unreadable ? lastEnd + 1 : null };
}

export function isBlankRecord(record: ReportRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}

function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) for (const char of cell) if (char === '\n') count++;
  return count;
}
