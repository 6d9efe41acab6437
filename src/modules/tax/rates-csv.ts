import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, unprocessable } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { guardFormula, unguardFormula } from '../catalog/index.ts';
import { parseRatePercent } from './rate-percent.ts';
import { type RateSetReport, type RateSpec, rateIdentity, writeRateSet } from './rate-sets.ts';
import { standardTaxClass } from './schema.ts';
import { isSubdivisionOf } from './subdivision-codes.ts';
import { listTaxClasses } from './tax-classes.ts';
import { listTaxRates, taxRateView } from './tax-rates.ts';

/**
 * The store's tax rates as CSV, one row per rate: `rate` in percent ("7.25"), `region` empty for
 * the whole country, `class` empty or "standard" for the standard class. Importing the export back
 * changes nothing. A row is known by country, region, class and name; docs/tax.md has the rules.
 */
export const taxRatesHeader = ['country', 'region', 'class', 'rate', 'name', 'priority', 'compound'] as const;

/** Data rows an imported file may have (a row per state and class fits many times over). */
export const maxRateRows = 10_000;
const listedErrors = 100;

export async function exportTaxRatesCsv(db: Db, storeId: string): Promise<string> {
  const rows = (await listTaxRates(db, storeId)).map(taxRateView);
  return stringify([
    [...taxRatesHeader],
    ...rows.map((rate) => [
      rate.country,
      rate.region ?? '',
      rate.taxClass,
      rate.ratePercent,
      guardFormula(rate.name),
      String(rate.priority),
      rate.compound ? 'true' : 'false',
    ]),
  ]);
}

export interface RateRowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/**
 * Reads rates from CSV and writes them by identity, all rows or none: any problem is 422
 * `import_invalid` with the first problems by row in `details.errors`. With `replace`, the store's
 * rates the file does not name are deleted; otherwise they stay. `dryRun` reports without writing.
 */
export async function importTaxRatesCsv(
  tx: Db,
  storeId: string,
  actor: Actor,
  text: string,
  options: { dryRun: boolean; replace: boolean },
): Promise<RateSetReport & { rows: number; dryRun: boolean; replace: boolean }> {
  const records = readRecords(text);
  const classes = new Set((await listTaxClasses(tx, storeId)).map((c) => c.handle));
  const errors: RateRowError[] = [];
  const specs: RateSpec[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { line, record } of records) {
    const fail = (column: string | null, code: string, message: string) => {
      errors.push({ row: line, column, code, message });
    };
    const spec = readRate(record, classes, fail);
    if (!spec) continue;
    const identity = rateIdentity(spec);
    const first = firstRowOf.get(identity);
    if (first !== undefined) {
      fail('name', 'duplicate_rate', `The same country, region, class and name are also on row ${first}.`);
      continue;
    }
    firstRowOf.set(identity, line);
    specs.push(spec);
  }
  if (errors.length > 0) {
    throw unprocessable(
      'import_invalid',
      `${errors.length} row(s) of the file have problems; nothing was written.`,
      {
        rows: records.length,
        errorCount: errors.length,
        errors: errors.slice(0, listedErrors),
      },
    );
  }
  const report = await writeRateSet(tx, storeId, actor, specs, {
    removeOthers: options.replace,
    dryRun: options.dryRun,
    source: 'csv',
  });
  return { ...report, rows: records.length, dryRun: options.dryRun, replace: options.replace };
}

function readRecords(text: string): { line: number; record: Record<string, string> }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: 16 * 1024,
    });
  } catch (err) {
    throw unprocessable('malformed_csv', `The file is not well-formed CSV: ${(err as Error).message}`);
  }
  if (records.length === 0) throw unprocessable('empty_file', 'The file has no rows of rates.');
  const header = Object.keys(records[0]!.record);
  const missing = ['country', 'rate', 'name'].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw unprocessable('missing_columns', `The file needs the column(s) ${missing.join(', ')}.`, {
      missing,
    });
  }
  if (records.length > maxRateRows) {
    throw unprocessable('too_many_rows', `A file can have at most ${maxRateRows} rows; split it.`, {
      rows: records.length,
      maximum: maxRateRows,
    });
  }
  return records.map(({ record, info }) => ({ line: info.lines, record }));
}

/** One row as a rate, or undefined after reporting its problems. */
function readRate(
  record: Record<string, string>,
  classes: ReadonlySet<string>,
  fail: (column: string | null, code: string, message: string) => void,
): RateSpec | undefined {
  const cell = (name: string) => (record[name] ?? '').trim();
  let failures = 0;
  const report = (column: string, code: string, message: string) => {
    failures++;
    fail(column, code, message);
  };
  const country = cell('country').toUpperCase();
  if (!isCountryCode(country))
    report('country', 'invalid_country', 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.');
  const region = cell('region').toUpperCase() || null;
  if (region && !isSubdivisionOf(country, region)) {
    report('region', 'invalid_region', 'Not an ISO 3166-2 subdivision code of the country, e.g. US-CA.');
  }
  const taxClass = cell('class') || standardTaxClass;
  if (!classes.has(taxClass)) report('class', 'unknown_tax_class', `No tax class ${taxClass} in this store.`);
  let ratePpm = 0;
  try {
    // Percentages never have thousands separators, so a decimal comma ("5,5") is unambiguous.
    ratePpm = parseRatePercent(cell('rate').replace(/\s*%$/, '').replace(',', '.'));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    report('rate', err.code, err.message);
  }
  const name = unguardFormula(cell('name'));
  if (name.length < 1 || name.length > 80) report('name', 'invalid_name', 'A name has 1 to 80 characters.');
  const priorityText = cell('priority') || '0';
  const priority = /^\d{1,3}$/.test(priorityText) ? Number(priorityText) : -1;
  if (priority < 0 || priority > 100)
    report('priority', 'invalid_priority', 'A priority is a whole number from 0 to 100.');
  const compound = readFlag(cell('compound'));
  if (compound === undefined) report('compound', 'invalid_compound', 'Compound is true or false (or empty).');
  if (failures > 0) return undefined;
  return { country, region, taxClass, ratePpm, name, priority, compound: compound! };
}

function readFlag(text: string): boolean | undefined {
  const value = text.toLowerCase();
  if (['', 'false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes', '1'].includes(value)) return true;
  return undefined;
}
