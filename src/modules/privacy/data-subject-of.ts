import type { Db } from '../../platform/db/database.ts';
import { type DataSubject, tombstoneEmailOf } from '../../platform/personal-data/data-subject.ts';
import { getCustomer } from '../customers/index.ts';
import { type CustomerExport, exportSections } from './export-sections.ts';

/*
 * Fields of the export whose values identify the person wherever they appear as text: e-mails,
 * names, phone numbers, street lines and postal codes (of the profile, saved addresses, orders'
 * and carts' addresses, tickets and reviews). Product names, cities and countries are not in it.
 */
const identifyingFields = new Set([
  'email',
  'firstName',
  'lastName',
  'phone',
  'company',
  'line1',
  'line2',
  'postalCode',
  'requesterEmail',
  'requesterName',
  'authorEmail',
  'fromEmail',
]);

const ignoredReviewAuthor = new Set(['Former customer']);

function collectIdentifiers(value: unknown, into: Set<string>, key?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIdentifiers(item, into, key);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A person's full name as forms and mail write it.
    if (typeof record.firstName === 'string' && typeof record.lastName === 'string') {
      into.add(`${record.firstName} ${record.lastName}`.trim());
    }
    for (const [k, v] of Object.entries(record)) collectIdentifiers(v, into, k);
    return;
  }
  if (typeof value === 'string' && key && identifyingFields.has(key)) into.add(value.trim());
  if (typeof value === 'string' && key === 'authorName' && !ignoredReviewAuthor.has(value))
    into.add(value.trim());
}

/** Every identifying string found in a customer's export. */
export function identifiersIn(document: unknown): string[] {
  const found = new Set<string>();
  collectIdentifiers(document, found);
  return [...found].filter((s) => s.length > 0 && !s.endsWith('@invalid'));
}

/**
 * The data subject of a customer (404 when the store has no such customer) and their export,
 * gathered once: the export's identifying fields are what erasure looks for in free text.
 */
export async function dataSubjectOf(
  db: Db,
  storeId: string,
  customerId: string,
): Promise<{ subject: DataSubject; data: CustomerExport }> {
  const customer = await getCustomer(db, storeId, customerId);
  const base: DataSubject = {
    id: customer.id,
    email: customer.email,
    identifiers: [],
    tombstoneEmail: tombstoneEmailOf(customer.id),
  };
  const data = await exportSections(db, storeId, base);
  return { subject: { ...base, identifiers: identifiersIn(data) }, data };
}
