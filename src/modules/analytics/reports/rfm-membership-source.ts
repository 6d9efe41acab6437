import type { Db } from '../../../platform/db/database.ts';
import { getStore } from '../../access/index.ts';
import type { RfmMembershipSource } from '../../customers/index.ts';
import { rfmSegments } from '../customer-value/index.ts';
import { rfmReport } from './rfm-report.ts';

/**
 * The customers' `rfm_segment` rule's members, from the RFM report: every customer scored as of
 * the moment asked, then the ids of the asked segments. Handed to the customers module by the
 * composition root (src/app.ts), since analytics already reads customers.
 */
export const analyticsRfmMembership: RfmMembershipSource = {
  segments: rfmSegments,
  async membersOf(db: Db, storeId: string, segments: readonly string[], asOf: Date) {
    const store = await getStore(db, storeId);
    const { scored } = await rfmReport(db, store, asOf);
    const members = new Map<string, string[]>(segments.map((s) => [s, []]));
    for (const customer of scored) members.get(customer.segment)?.push(customer.customerId);
    return members;
  },
};
