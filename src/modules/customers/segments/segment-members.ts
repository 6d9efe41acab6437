import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { getStore } from '../../access/index.ts';
import { type Customer, customerOf } from '../customer.ts';
import { customerFactsQuery, figuresOf } from '../customer-facts.ts';
import { type CustomerWithFigures, listCustomers } from '../customer-list.ts';
import { customers } from '../schema.ts';
import { resolveRuleData } from './rfm-membership.ts';
import { type SegmentPreviewInput, segmentPreviewInput } from './segment-input.ts';
import { segmentPredicate } from './segment-predicate.ts';
import { assertRuleGroupsExist, getSegment } from './segments.ts';

/** Unsaved rules tried out: how many customers match now, and the first of them (newest first). */
export async function previewSegment(
  db: Db,
  storeId: string,
  input: SegmentPreviewInput,
): Promise<{ total: number; items: CustomerWithFigures[] }> {
  const { match, rules, limit } = segmentPreviewInput.parse(input);
  await assertRuleGroupsExist(db, storeId, rules);
  const store = await getStore(db, storeId);
  const facts = customerFactsQuery(db, store);
  const asOf = new Date();
  const data = await resolveRuleData(db, storeId, rules, asOf);
  const where = segmentPredicate(storeId, match, rules, facts.columns, asOf, data);
  const [rows, totals] = await Promise.all([
    facts.select(where).orderBy(sql`${customers.createdAt} desc`, sql`${customers.id} desc`).limit(limit),
    facts.countOf(where),
  ]);
  return {
    total: totals[0]?.n ?? 0,
    items: rows.map((row) => ({ ...customerOf(row.customer), ...figuresOf(row) })),
  };
}

/** A saved segment's members, a page at a time, with the list's sorts and figures. */
export async function segmentMembers(
  db: Db,
  storeId: string,
  segmentId: string,
  page: { limit?: number; offset?: number; sort?: 'newest' | 'total_spent_desc' | 'last_order_desc' } = {},
) {
  return listCustomers(db, storeId, { ...page, segmentId });
}

/** How many customers a batch of `customersInSegment` reads. */
const AUDIENCE_BATCH = 1_000;

/**
 * Every customer of a segment as of now, for an audience (a discount's eligibility, a newsletter's
 * recipients): read in batches by id, so a large segment never sits in memory and a long send
 * does not hold one query open. The rules are re-evaluated per batch; a customer who joins or
 * leaves during the walk is seen or not depending on where the walk is. A newsletter passes
 * `onlyWithMarketingConsent` (consent granted, not a disabled account), checked in the same query.
 */
export async function* customersInSegment(
  db: Db,
  storeId: string,
  segmentId: string,
  options: { batchSize?: number; onlyWithMarketingConsent?: boolean } = {},
): AsyncGenerator<Customer> {
  const segment = await getSegment(db, storeId, segmentId);
  const store = await getStore(db, storeId);
  const batchSize = options.batchSize ?? AUDIENCE_BATCH;
  // RFM members are computed over every customer: once per walk, not per batch.
  const data = await resolveRuleData(db, storeId, segment.rules, new Date());
  let after = '';
  for (;;) {
    const facts = customerFactsQuery(db, store);
    const consent = options.onlyWithMarketingConsent
      ? sql` and ${customers.acceptsMarketing} and ${customers.state} <> 'disabled'`
      : sql``;
    const rules = segmentPredicate(storeId, segment.match, segment.rules, facts.columns, new Date(), data);
    const where = sql`${rules} and ${gt(customers.id, after)}${consent}`;
    const rows = await facts.select(where).orderBy(asc(customers.id)).limit(batchSize);
    for (const row of rows) yield customerOf(row.customer);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.customer.id;
  }
}
