import type { RowIssue } from './product-record.ts';

/** A column found in the header: where it is and how the file spells it (for messages). */
export interface Column {
  index: number;
  header: string;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Looks columns up in a header row the way people write them (case and surrounding spaces do not
 * matter), remembers which ones a format claimed, and reports the rest. Each format claims its
 * columns, then asks for `issues()`: duplicates, required columns that are missing, and columns it
 * neither reads nor knows.
 */
export class HeaderIndex {
  private readonly byName = new Map<string, number>();
  private readonly claimed = new Set<number>();
  private readonly found: RowIssue[] = [];

  constructor(
    readonly cells: readonly string[],
    readonly line: number,
  ) {
    cells.forEach((cell, index) => {
      const key = normalise(cell);
      if (key === '') return;
      if (this.byName.has(key)) {
        this.found.push({
          row: line,
          column: cell,
          code: 'duplicate_column',
          message: `The column "${cell.trim()}" appears more than once in the header; only the first is read.`,
          severity: 'error',
        });
        this.claimed.add(index);
        return;
      }
      this.byName.set(key, index);
    });
  }

  /** The column named `name`, claimed; undefined when absent. */
  take(name: string): Column | undefined {
    const index = this.byName.get(normalise(name));
    if (index === undefined) return undefined;
    this.claimed.add(index);
    return { index, header: this.cells[index]!.trim() };
  }

  /** Like take, but a missing column is reported as a file-level error. */
  require(name: string, why = 'every product needs it'): Column | undefined {
    const column = this.take(name);
    if (!column) {
      this.found.push({
        row: this.line,
        column: name,
        code: 'missing_column',
        message: `The header has no "${name}" column; ${why}. Check the spelling of the header row.`,
        severity: 'error',
      });
    }
    return column;
  }

  /** Every column whose (trimmed) header matches `pattern`, claimed, in file order. */
  takeMatching(pattern: RegExp): Array<Column & { match: RegExpExecArray }> {
    const out: Array<Column & { match: RegExpExecArray }> = [];
    this.cells.forEach((cell, index) => {
      if (this.claimed.has(index)) return;
      const match = pattern.exec(cell.trim());
      if (!match) return;
      this.claimed.add(index);
      out.push({ index, header: cell.trim(), match });
    });
    return out;
  }

  /** Marks columns the format knows but does not read, so they are not reported as unknown. */
  ignore(...patterns: Array<string | RegExp>): void {
    this.cells.forEach((cell, index) => {
      const trimmed = cell.trim();
      const known = patterns.some((p) =>
        typeof p === 'string' ? normalise(p) === normalise(trimmed) : p.test(trimmed),
      );
      if (known) this.claimed.add(index);
    });
  }

  /** Problems with the header, including every column nobody claimed (named `formatName` columns). */
  issues(formatName: string): RowIssue[] {
    const unknown: RowIssue[] = [];
    this.cells.forEach((cell, index) => {
      if (this.claimed.has(index) || cell.trim() === '') return;
      unknown.push({
        row: this.line,
        column: cell.trim(),
        code: 'unknown_column',
        message: `"${cell.trim()}" is not a ${formatName} product column; its values are ignored.`,
        severity: 'warning',
      });
    });
    return [...this.found, ...unknown];
  }
}
