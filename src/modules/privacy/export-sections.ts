import type { Db } from '../../platform/db/database.ts';
import type { DataSubject } from '../../platform/personal-data/data-subject.ts';
import { customerDataSources } from './customer-data-sources.ts';

/** A customer's data, one section per module, each keyed by table. */
export type CustomerExport = Record<string, Record<string, unknown>>;

/** Asks every module that holds personal data for its part of the customer's export. */
export async function exportSections(db: Db, storeId: string, subject: DataSubject): Promise<CustomerExport> {
  const sections: CustomerExport = {};
  for (const source of customerDataSources) {
    if (source.export) sections[source.name] = await source.export(db, storeId, subject);
  }
  return sections;
}
