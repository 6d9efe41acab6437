import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { addAddress, listAddresses, updateAddress } from '../addresses/address-book.ts';
import { addressInput } from '../addresses/address-input.ts';
import { setMarketingConsent } from '../consent/marketing-consent.ts';
import { customerEmail, customerOf, customerRowByEmail } from '../customer.ts';
import { recordCustomerChange } from '../customer-change.ts';
import { customerPatchInput } from '../customer-input.ts';
import { updateCustomer } from '../customer-profile.ts';
import { customers } from '../schema.ts';
import { addressColumns, readYesNo } from './customers-csv-layout.ts';

/** Data rows a file may have (larger imports are split by the admin). */
export const MAX_IMPORT_ROWS = 10_000;
/** Row problems listed in the error (all are counted). */
const LISTED_ERRORS = 100;

export interface CustomerImportRowError {
  /** The file's line (the header is line 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface CustomerImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** What one row asks for, checked; `undefined` means the file has no such column (left as it is). */
interface ImportRow {
  line: number;
  email: string;
  patch: z.output<typeof customerPatchInput>;
  acceptsMarketing: boolean | undefined;
  address: z.output<typeof addressInput> | null;
}

function invalid(errors: CustomerImportRowError[]) {
  return badRequest('import_invalid', `The file has ${errors.length} problem(s); nothing was imported.`, {
    errorCount: errors.length,
    errors: errors.slice(0, LISTED_ERRORS),
  });
}

/** The file's rows by column, and its header (kept even when no row follows it). */
function readRecords(text: string): { records: Record<string, string>[]; header: Set<string> } {
  let header: string[] = [];
  try {
    const records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((h) => h.trim());
        return header;
      },
      skip_empty_lines: true,
      trim: false,
    }) as Record<string, string>[];
    return { records, header: new Set(header) };
  } catch (err) {
    if (err instanceof CsvError) {
      throw invalid([
        { row: (err as CsvError & { lines?: number }).lines ?? 0, column: null, message: err.message },
      ]);
    }
    throw err;
  }
}

/** Zod's problems as the import's, on the file's line and column. */
function problems(
  line: number,
  error: z.ZodError,
  columnOf: (path: string) => string,
): CustomerImportRowError[] {
  return error.issues.map((issue) => ({
    row: line,
    column: columnOf(String(issue.path[0] ?? '')),
    message: issue.message,
  }));
}

const patchColumns: Record<string, string> = {
  firstName: 'First Name',
  lastName: 'Last Name',
  phone: 'Phone',
  note: 'Note',
  tags: 'Tags',
};
const addressColumnOf = Object.fromEntries(
  Object.entries({ ...addressColumns, 'First Name': 'firstName', 'Last Name': 'lastName' }).map(([c, f]) => [
    f,
    c,
  ]),
);

function checkRows(
  records: Record<string, string>[],
  header: Set<string>,
): { rows: ImportRow[]; errors: CustomerImportRowError[] } {
  const errors: CustomerImportRowError[] = [];
  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  const has = (column: string) => header.has(column);
  records.forEach((record, index) => {
    const line = index + 2;
    const cell = (column: string) => (record[column] ?? '').trim();
    const email = customerEmail.safeParse(cell('Email'));
    if (!email.success) {
      errors.push({
        row: line,
        column: 'Email',
        message: email.error.issues[0]?.message ?? 'Not an e-mail address.',
      });
      return;
    }
    const first = firstLineOf.get(email.data);
    if (first !== undefined) {
      errors.push({ row: line, column: 'Email', message: `The same e-mail is on line ${first}.` });
      return;
    }
    firstLineOf.set(email.data, line);
    // Blank cells leave what the store has: a file of e-mails and tags does not erase names.
    const patchIn: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(patchColumns)) {
      if (!has(column) || cell(column) === '') continue;
      patchIn[field] =
        field === 'tags'
          ? cell(column)
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          : cell(column);
    }
    const patch = customerPatchInput.safeParse(patchIn);
    if (!patch.success) errors.push(...problems(line, patch.error, (f) => patchColumns[f] ?? f));
    let acceptsMarketing: boolean | undefined;
    if (has('Accepts Email Marketing')) {
      acceptsMarketing = readYesNo(cell('Accepts Email Marketing'));
      if (acceptsMarketing === undefined) {
        errors.push({ row: line, column: 'Accepts Email Marketing', message: 'Write yes or no.' });
      }
    }
    let address: ImportRow['address'] = null;
    const addressGiven = Object.keys(addressColumns).some((c) => cell(c) !== '');
    if (addressGiven) {
      const fields: Record<string, string> = { firstName: cell('First Name'), lastName: cell('Last Name') };
      for (const [column, field] of Object.entries(addressColumns)) fields[field] = cell(column);
      const checked = addressInput.safeParse(fields);
      if (checked.success) address = checked.data;
      else errors.push(...problems(line, checked.error, (f) => addressColumnOf[f] ?? f));
    }
    if (patch.success) rows.push({ line, email: email.data, patch: patch.data, acceptsMarketing, address });
  });
  return { rows, errors };
}

/**
 * Imports Shopify's customers CSV (customers-csv-layout.ts), all rows or none: every row is checked
 * first (e-mail, names, phone, tags, the marketing yes/no, the address by its country's rules,
 * one row per e-mail) and any problem is 400 `import_invalid` with the problems by line in
 * `details.errors`, before anything is written. Then, in the caller's transaction, a customer
 * found by e-mail is updated (blank cells leave what the store has), a new one is made a guest;
 * a default address is written or replaced; consent that differs from the file is recorded with
 * source `import`. Audited per customer as admin changes are, and once for the whole file.
 */
export async function importCustomersCsv(
  tx: Db,
  storeId: string,
  actor: Actor,
  text: string,
): Promise<CustomerImportReport> {
  const { records, header } = readRecords(text);
  if (records.length > MAX_IMPORT_ROWS) {
    throw invalid([
      { row: MAX_IMPORT_ROWS + 2, column: null, message: `At most ${MAX_IMPORT_ROWS} rows per file.` },
    ]);
  }
  // A file without the Email column is not a customers file, even with no rows (an empty body,
  // plain text): refused rather than reported as nothing imported.
  if (!header.has('Email')) {
    throw invalid([{ row: 1, column: 'Email', message: 'The file needs an Email column.' }]);
  }
  const { rows, errors } = checkRows(records, header);
  if (errors.length > 0) throw invalid(errors);

  const by = { source: 'admin' as const, actor };
  const report: CustomerImportReport = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    let existing = await customerRowByEmail(tx, storeId, row.email, { forUpdate: true });
    let changed = false;
    const isNew = !existing;
    if (!existing) {
      const [created] = await tx
        .insert(customers)
        .values({ id: newId('customer'), storeId, email: row.email, state: 'guest', ...row.patch })
        .returning();
      existing = created!;
      await recordCustomerChange(tx, {
        customer: customerOf(existing),
        kind: 'created',
        by,
        audit: {
          action: 'customer.created',
          entityType: 'customer',
          entityId: existing.id,
          after: customerOf(existing),
        },
      });
      report.created++;
    } else {
      const before = customerOf(existing);
      const after = await updateCustomer(tx, storeId, existing.id, row.patch, by);
      changed = after.updatedAt.getTime() !== before.updatedAt.getTime();
    }
    const customer = customerOf((await customerRowByEmail(tx, storeId, row.email))!);
    if (row.acceptsMarketing !== undefined) {
      changed =
        (await setMarketingConsent(tx, storeId, customer, row.acceptsMarketing, {
          source: 'import',
          actor,
        })) || changed;
    }
    if (row.address) {
      const current = (await listAddresses(tx, storeId, customer.id)).find((a) => a.isDefault);
      if (!current) {
        await addAddress(tx, storeId, customer.id, { ...row.address, isDefault: true }, by);
        changed = true;
      } else if (Object.entries(row.address).some(([k, v]) => current[k as keyof typeof current] !== v)) {
        await updateAddress(tx, storeId, customer.id, current.id, row.address, by);
        changed = true;
      }
    }
    if (!isNew) {
      if (changed) report.updated++;
      else report.unchanged++;
    }
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'customer.imported',
    entityType: 'customer_import',
    entityId: storeId,
    after: report,
  });
  return report;
}
