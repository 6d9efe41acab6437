import type { Db } from '../../../platform/db/database.ts';
import { badRequest, unprocessable } from '../../../platform/errors.ts';
import type { SegmentCondition } from './segment-conditions.ts';

/**
 * Where the `rfm_segment` rule learns who is in an RFM segment. The scores are the analytics
 * module's (quintiles over every customer's recency, frequency and spend, computed when read), and
 * analytics already reads customers, so the dependency is handed in rather than imported: the
 * composition root calls `provideRfmMembership` with the analytics' source (src/app.ts).
 */
export interface RfmMembershipSource {
  /** The segment names a rule may use, e.g. 'champions', 'at_risk'. */
  segments: readonly string[];
  /** The customer ids of each asked segment, as of `asOf`. */
  membersOf(db: Db, storeId: string, segments: readonly string[], asOf: Date): Promise<Map<string, string[]>>;
}

let source: RfmMembershipSource | null = null;

export function provideRfmMembership(next: RfmMembershipSource): void {
  source = next;
}

/** What rules need read before they can become one SQL predicate: RFM segments' members. */
export interface ResolvedRuleData {
  rfmMembers: ReadonlyMap<string, readonly string[]>;
}

export const noRuleData: ResolvedRuleData = { rfmMembers: new Map() };

const rfmSegmentsOf = (rules: readonly SegmentCondition[]) => [
  ...new Set(rules.flatMap((r) => (r.field === 'rfm_segment' ? [r.value] : []))),
];

/** Refuses rules naming an RFM segment that does not exist (400), or any when RFM is not available (422). */
export function assertRfmSegmentsKnown(rules: readonly SegmentCondition[]): void {
  const asked = rfmSegmentsOf(rules);
  if (asked.length === 0) return;
  if (!source) {
    throw unprocessable('rfm_unavailable', 'RFM segments are not available on this installation.');
  }
  const known = new Set(source.segments);
  const unknown = asked.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    throw badRequest('unknown_rfm_segment', 'A rule names an RFM segment that does not exist.', {
      segments: unknown,
      known: source.segments,
    });
  }
}

/** Reads what the rules need (the members of the RFM segments they name) once, before the predicate. */
export async function resolveRuleData(
  db: Db,
  storeId: string,
  rules: readonly SegmentCondition[],
  asOf: Date,
): Promise<ResolvedRuleData> {
  const asked = rfmSegmentsOf(rules);
  if (asked.length === 0) return noRuleData;
  assertRfmSegmentsKnown(rules);
  return { rfmMembers: await source!.membersOf(db, storeId, asked, asOf) };
}
