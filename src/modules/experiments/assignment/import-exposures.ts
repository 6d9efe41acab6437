import type { Db } from '../../../platform/db/database.ts';
import { getExperiment } from '../experiments.ts';
import { experimentExposures } from '../schema.ts';
import { bucketOf, variantAtBucket } from './bucket.ts';

/** Rows per insert. */
const chunk = 1000;

/**
 * Records exposures that happened elsewhere or earlier — visitors replayed from stored traffic (the
 * demo) or brought from another testing tool — each in the variant its hash bucket gives under the
 * experiment's weights, exactly as the storefront would have assigned it. A visitor already counted
 * keeps their row. Answers how many were new per variant key.
 */
export async function importExposures(
  db: Db,
  storeId: string,
  experimentId: string,
  visits: readonly { visitorId: string; exposedAt: Date }[],
): Promise<Record<string, number>> {
  const experiment = await getExperiment(db, storeId, experimentId);
  const counts: Record<string, number> = Object.fromEntries(experiment.variants.map((v) => [v.key, 0]));
  const rows = visits.map((visit) => {
    const bucket = bucketOf(visit.visitorId, experiment.key, experiment.seed);
    return {
      experimentId,
      storeId,
      visitorId: visit.visitorId,
      variantKey: variantAtBucket(experiment.variants, bucket).key,
      bucket,
      exposedAt: visit.exposedAt,
    };
  });
  for (let i = 0; i < rows.length; i += chunk) {
    const inserted = await db
      .insert(experimentExposures)
      .values(rows.slice(i, i + chunk))
      .onConflictDoNothing()
      .returning({ variantKey: experimentExposures.variantKey });
    for (const row of inserted) counts[row.variantKey] = (counts[row.variantKey] ?? 0) + 1;
  }
  return counts;
}
