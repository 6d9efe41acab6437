/**
 * The person a privacy request is about (docs/privacy.md). The privacy module builds it from the
 * customer's own data and hands it to every module that holds personal data, through that module's
 * `customer-data.ts` (`exportCustomerData` / `eraseCustomerData`).
 */
export interface DataSubject {
  /** The customer's id in this store. */
  id: string;
  /** The customer's e-mail as stored (lower case). */
  email: string;
  /**
   * Every identifying string known of the person: e-mails, names, phone numbers, street lines,
   * postal codes. Erasure removes them from free text (notes, message bodies, event payloads,
   * audit snapshots) where no column says whose they are.
   */
  identifiers: readonly string[];
  /** The address that replaces the e-mail where a column must keep one: `erased-<id>@invalid`. */
  tombstoneEmail: string;
}

/** What one module's erasure leaves to do after the transaction commits. */
export interface CustomerErasure {
  /** Keys of files in the module's blob storage to delete once the erasure committed. */
  blobKeys?: string[];
}

/** The word that replaces removed personal text. */
export const ERASED_TEXT = '[erased]';

export function tombstoneEmailOf(customerId: string): string {
  return `erased-${customerId}@invalid`;
}
