/**
 * Tables that name a customer (a column with their id or e-mail) but are deliberately neither
 * exported nor erased, each with the reason (docs/privacy.md). Together with the tables of
 * `customerDataSources` this must account for every such table: the coverage test enumerates the
 * database's tables and fails on one that is in neither list, so a new table cannot be forgotten.
 */
export const tablesWithoutPersonalData: Readonly<Record<string, string>> = {
  analytics_order_facts:
    'Amounts of an order for reports; names the customer by id only (the tombstone after erasure), which new-versus-returning figures need.',
  privacy_requests:
    'The privacy requests log itself: a customer by id only; an export’s document is deleted when the customer is erased.',
  users: 'Staff accounts of the admin, not customers.',
  suppliers: 'A store’s suppliers and their business contacts, not customers.',
};
