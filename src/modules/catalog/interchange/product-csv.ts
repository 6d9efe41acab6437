import type { Readable } from 'node:stream';
import { currencyExponent } from '../../../platform/money.ts';
import {
  type CarriedField,
  shopifyCarriedFields,
  storepilotCarriedFields,
  wooCarriedFields,
} from './carried-fields.ts';
import { HeaderIndex } from './csv-header.ts';
import type { RecordSource } from './csv-output.ts';
import { type CsvRecord, CsvSyntaxError, readCsvTable } from './csv-source.ts';
import { fileIssueEvent, type ProductCsvEvent } from './product-csv-event.ts';
import type { CatalogFormat, ProductRecord, RowIssue } from './product-record.ts';
import { bindShopifyColumns } from './shopify/shopify-columns.ts';
import { parseShopifyRows } from './shopify/shopify-parser.ts';
import { writeShopifyCsv } from './shopify/shopify-writer.ts';
import { bindStorepilotColumns } from './storepilot/storepilot-columns.ts';
import { parseStorepilotRows } from './storepilot/storepilot-parser.ts';
import { writeStorepilotCsv } from './storepilot/storepilot-writer.ts';
import { bindWooColumns, type WooWeightUnit } from './woocommerce/woocommerce-columns.ts';
import { parseWooRows } from './woocommerce/woocommerce-parser.ts';
import { writeWooCommerceCsv } from './woocommerce/woocommerce-writer.ts';

type RowsParser = (
  rows: AsyncIterable<CsvRecord>,
  currency: string,
  header: readonly string[],
) => AsyncGenerator<ProductCsvEvent, void, undefined>;

interface OpenedFormat {
  parse: RowsParser;
  carries: ReadonlySet<CarriedField>;
}

interface FormatReader {
  displayName: string;
  /** Claims the format's columns in `index`; a parser for the rows, or null if the header cannot be used. */
  open(index: HeaderIndex, currency: string, issues: RowIssue[]): OpenedFormat | null;
}

const readers: Record<CatalogFormat, FormatReader> = {
  shopify: {
    displayName: 'Shopify',
    open(index) {
      const columns = bindShopifyColumns(index);
      return (
        columns && {
          parse: (rows, currency, header) => parseShopifyRows(rows, columns, currency, header),
          carries: shopifyCarriedFields(columns),
        }
      );
    },
  },
  woocommerce: {
    displayName: 'WooCommerce',
    open(index, _currency, issues) {
      const columns = bindWooColumns(index, issues);
      return (
        columns && {
          parse: (rows, currency, header) => parseWooRows(rows, columns, currency, header),
          carries: wooCarriedFields(columns),
        }
      );
    },
  },
  storepilot: {
    displayName: 'Storepilot',
    open(index, currency, issues) {
      const columns = bindStorepilotColumns(index, currency, issues);
      return (
        columns && {
          parse: (rows, currency, header) => parseStorepilotRows(rows, columns, currency, header),
          carries: storepilotCarriedFields(columns),
        }
      );
    },
  },
};

const formats = Object.keys(readers) as CatalogFormat[];

/**
 * Which format a header row is: the one whose required columns are all there and that knows the
 * most of the header's columns. Null when none fits (e.g. a file that is not a product CSV).
 */
export function detectCatalogFormat(headerRow: readonly string[]): CatalogFormat | null {
  return rankFormats(headerRow).find((fit) => fit.complete)?.format ?? null;
}

/**
 * The format a header was most likely meant to be when none fits (a required column misspelt):
 * reading it as that format names the missing column instead of a bare "unknown format".
 */
function closestCatalogFormat(headerRow: readonly string[]): CatalogFormat | null {
  const [best] = rankFormats(headerRow);
  return best && best.known >= 3 ? best.format : null;
}

/** Formats by how many of the header's columns they know, most first. */
function rankFormats(headerRow: readonly string[]) {
  return formats
    .map((format) => {
      const index = new HeaderIndex(headerRow, 1);
      readers[format].open(index, 'USD', []);
      const issues = index.issues(readers[format].displayName);
      const known =
        headerRow.filter((cell) => cell.trim() !== '').length -
        issues.filter((i) => i.code === 'unknown_column').length;
      return { format, known, complete: !issues.some((issue) => issue.code === 'missing_column') };
    })
    .sort((a, b) => b.known - a.known);
}

export interface ParseProductCsvOptions {
  /** The file's format, or 'auto' to tell it from the header. */
  format: CatalogFormat | 'auto';
  /** The store's currency; every amount in the file is read in it. */
  currency: string;
}

/**
 * Reads a product CSV as a stream of events: products (each with the issues of its rows) and
 * file-level issues (see ProductCsvEvent). Never holds the whole file in memory. Problems in the
 * file are events, not exceptions; it throws only for a bad `currency` or a failing input stream.
 */
export async function* parseProductCsv(
  input: Readable,
  options: ParseProductCsvOptions,
): AsyncGenerator<ProductCsvEvent, void, undefined> {
  currencyExponent(options.currency); // an unknown currency is the caller's bug: fail before reading
  let table: Awaited<ReturnType<typeof readCsvTable>>;
  try {
    table = await readCsvTable(input);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    yield fileIssueEvent({
      row: err.line,
      column: null,
      code: 'malformed_csv',
      message: err.message,
      severity: 'error',
    });
    return;
  }
  const { header, rows } = table;
  try {
    if (!header) {
      yield fileIssueEvent({
        row: 1,
        column: null,
        code: 'empty_file',
        message: 'The file is empty.',
        severity: 'error',
      });
      return;
    }
    if (header.invalidUtf8) {
      yield fileIssueEvent({
        row: header.line,
        column: null,
        code: 'invalid_utf8',
        message:
          'The header row has bytes that are not valid UTF-8. Save the file as "CSV UTF-8" and import it again.',
        severity: 'error',
      });
      return;
    }
    const format =
      options.format === 'auto'
        ? (detectCatalogFormat(header.cells) ?? closestCatalogFormat(header.cells))
        : options.format;
    if (!format) {
      yield fileIssueEvent({
        row: header.line,
        column: null,
        code: 'unknown_format',
        message: 'The header row is not that of a Shopify, WooCommerce or Storepilot product CSV.',
        severity: 'error',
      });
      return;
    }
    const reader = readers[format];
    const index = new HeaderIndex(header.cells, header.line);
    const headerIssues: RowIssue[] = [];
    const opened = reader.open(index, options.currency, headerIssues);
    headerIssues.push(...index.issues(reader.displayName));
    for (const issue of headerIssues) yield fileIssueEvent(issue);
    if (!opened || headerIssues.some((issue) => issue.severity === 'error')) return;
    yield { kind: 'layout', format, carries: opened.carries };
    yield* opened.parse(rows, options.currency, header.cells);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    yield fileIssueEvent({
      row: err.line,
      column: null,
      code: 'malformed_csv',
      message: err.message,
      severity: 'error',
    });
  } finally {
    await rows.return();
  }
}

export interface WriteProductCsvOptions {
  format: CatalogFormat;
  /** The store's currency; amounts are written in it. */
  currency: string;
  /** WooCommerce only: the target store's weight unit (default kg). */
  weightUnit?: WooWeightUnit;
}

/** A product CSV for `records` in `format`, as a stream of UTF-8 text. */
export function writeProductCsv(
  records: RecordSource<ProductRecord>,
  options: WriteProductCsvOptions,
): Readable {
  currencyExponent(options.currency);
  switch (options.format) {
    case 'shopify':
      return writeShopifyCsv(records, options.currency);
    case 'woocommerce':
      return writeWooCommerceCsv(records, { currency: options.currency, weightUnit: options.weightUnit });
    case 'storepilot':
      return writeStorepilotCsv(records, options.currency);
  }
}
