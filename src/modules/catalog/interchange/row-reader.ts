import {
  type CellResult,
  parseBooleanCell,
  parseIntegerCell,
  parseMoneyCell,
  parseWeightCell,
  type WeightUnit,
} from './cell-parsers.ts';
import type { Column } from './csv-header.ts';
import type { CsvRecord } from './csv-source.ts';
import { unguardFormula } from './formula-guard.ts';
import type { RowIssue } from './product-record.ts';

/**
 * Typed access to one CSV record's cells by column. Every problem a read finds is collected in
 * `issues` (pinned to this row and the column's header), so format code reads like a mapping and
 * still reports each bad cell. A column the file does not have reads as an empty cell.
 */
export class RowReader {
  readonly issues: RowIssue[] = [];

  constructor(
    readonly record: CsvRecord,
    readonly currency: string,
    header: readonly string[],
    /** Remove the ' a spreadsheet-safe writer put before cells starting with =, +, -, @. */
    private readonly unguardFormulas = false,
  ) {
    if (record.invalidUtf8) {
      const index = record.cells.findIndex((cell) => cell.includes('\uFFFD'));
      const column = index >= 0 ? (header[index]?.trim() ?? null) : null;
      this.issues.push({
        row: record.line,
        column,
        code: 'invalid_utf8',
        message: `Row ${record.line} has bytes that are not valid UTF-8${column ? ` in "${column}"` : ''}; the text there cannot be read. Save the file as "CSV UTF-8" and import it again.`,
        severity: 'error',
      });
    }
  }

  get line(): number {
    return this.record.line;
  }

  /** The cell exactly as written (no trimming), '' when the column is absent. */
  raw(column: Column | undefined): string {
    const cell = column ? (this.record.cells[column.index] ?? '') : '';
    return this.unguardFormulas && cell.startsWith("'") ? unguardFormula(cell) : cell;
  }

  /** The cell with surrounding whitespace removed. */
  text(column: Column | undefined): string {
    return this.raw(column).trim();
  }

  /** Trimmed text, or null when empty. */
  optionalText(column: Column | undefined): string | null {
    const value = this.text(column);
    return value === '' ? null : value;
  }

  /** Whether any of the columns has a non-blank cell. */
  hasAny(columns: ReadonlyArray<Column | undefined>): boolean {
    return columns.some((column) => this.text(column) !== '');
  }

  money(column: Column | undefined): number | null {
    return column ? this.take(parseMoneyCell(this.raw(column), this.currency, this.at(column)), null) : null;
  }

  boolean(column: Column | undefined, fallback: boolean): boolean {
    if (!column) return fallback;
    return this.take(parseBooleanCell(this.raw(column), this.at(column)), null) ?? fallback;
  }

  integer(column: Column | undefined): number | null {
    return column ? this.take(parseIntegerCell(this.raw(column), this.at(column)), null) : null;
  }

  grams(column: Column | undefined, unit: WeightUnit): number | null {
    return column ? this.take(parseWeightCell(this.raw(column), unit, this.at(column)), null) : null;
  }

  error(column: Column | string | null | undefined, code: string, message: string): void {
    this.issue(column, code, message, 'error');
  }

  warning(column: Column | string | null | undefined, code: string, message: string): void {
    this.issue(column, code, message, 'warning');
  }

  private issue(
    column: Column | string | null | undefined,
    code: string,
    message: string,
    severity: RowIssue['severity'],
  ): void {
    const header = typeof column === 'string' ? column : (column?.header ?? null);
    this.issues.push({ row: this.line, column: header, code, message, severity });
  }

  private at(column: Column) {
    return { row: this.line, column: column.header };
  }

  private take<T>(result: CellResult<T>, fallback: T): T {
    if (result.ok) return result.value;
    this.issues.push(result.issue);
    return fallback;
  }
}
