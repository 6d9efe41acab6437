import { and, eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { cachedConfig } from '../../../platform/cache/index.ts';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { experimentsTopic } from '../change-topic.ts';
import { type ExperimentPage, type ExperimentPoint, experimentPoint } from '../points/experiment-point.ts';
import {
  type ExperimentTargeting,
  type ExperimentVariant,
  experimentExposures,
  experiments,
} from '../schema.ts';
import { bucketOf, variantAtBucket } from './bucket.ts';
import { isTargeted, type VisitorTraits } from './targeting.ts';

/** A running experiment (or a shipped one, a rollout) as assignment needs it. */
interface LiveExperiment {
  id: string;
  status: 'running' | 'shipped';
  shippedVariant: string | null;
  key: string;
  seed: string;
  point: string;
  variants: ExperimentVariant[];
  targeting: ExperimentTargeting;
  startsAt: number | null;
  stopsAt: number | null;
}

/** The variant of one experiment a visitor sees. */
export interface AssignedVariant {
  experimentId: string;
  experimentKey: string;
  point: string;
  variantKey: string;
  change: Record<string, unknown>;
  bucket: number;
  /**
   * A shipped winner every visitor sees (no bucket, never an exposure, no part of cache keys:
   * shipping drops the store's cached pages).
   */
  rollout?: true;
}

/** What a visitor's exposure row says: their variant and hash bucket (no need to hash again). */
interface Exposure {
  variantKey: string;
  bucket: number;
}

/** What this instance remembers of one visitor of one store. */
interface RememberedVisitor {
  /** Experiment id → the exposure stored for the visitor. */
  exposures: Map<string, Exposure>;
  /**
   * The visitor's assignment to `for` (a snapshot's running tests), kept when they are exposed to
   * every one of them: their stored variants then decide it whatever their traits, so a returning
   * visitor's page costs one lookup.
   */
  assigned: { for: readonly LiveExperiment[]; list: readonly AssignedVariant[] } | null;
}

/**
 * A store's experiments as a page needs them: the shipped winners every visitor sees and the tests
 * running now. One read of the configuration cache per request.
 */
export interface StoreExperiments {
  readonly storeId: string;
  /** Shipped winners every visitor sees, bots and visitors without consent included. */
  readonly rollouts: readonly AssignedVariant[];
  /** Tests running now (started, within their dates); none means nobody is assigned or counted. */
  readonly running: readonly LiveExperiment[];
}

/** Visitors whose exposures this instance remembers (a returning visitor costs no query). */
const REMEMBERED_VISITORS = 100_000;

function withinDates(e: LiveExperiment, at: number): boolean {
  return (e.startsAt === null || e.startsAt <= at) && (e.stopsAt === null || at < e.stopsAt);
}

/**
 * The store's running tests and its rollouts (shipped winners whose point keeps no data of its
 * own), from the process-wide configuration cache, built once per change.
 */
function liveExperiments(db: Db, storeId: string): Promise<{ snapshot: StoreExperiments; dated: boolean }> {
  return cachedConfig(`${storeId} running-experiments`, [experimentsTopic(storeId)], async () => {
    const rows = await db
      .select()
      .from(experiments)
      .where(and(eq(experiments.storeId, storeId), inArray(experiments.status, ['running', 'shipped'])));
    const live = rows
      // A shipped winner is a rollout while nobody ended it; one that became data is not served here.
      .filter((row) => row.status === 'running' || (row.shippedAs === 'rollout' && !row.rolloutEndedAt))
      .map(
        (row): LiveExperiment => ({
          id: row.id,
          status: row.status as 'running' | 'shipped',
          shippedVariant: row.shippedVariant,
          key: row.key,
          seed: row.seed,
          point: row.point,
          variants: row.variants,
          targeting: row.targeting,
          startsAt: row.startsAt?.getTime() ?? null,
          stopsAt: row.stopsAt?.getTime() ?? null,
        }),
      );
    const running = live.filter((e) => e.status === 'running');
    const snapshot: StoreExperiments = {
      storeId,
      rollouts: live.flatMap((e): AssignedVariant[] => {
        const winner =
          e.status === 'shipped' ? e.variants.find((v) => v.key === e.shippedVariant) : undefined;
        if (!winner) return [];
        return [
          {
            experimentId: e.id,
            experimentKey: e.key,
            point: e.point,
            variantKey: winner.key,
            change: winner.change,
            bucket: -1,
            rollout: true,
          },
        ];
      }),
      running,
    };
    // Tests with a start or stop date are filtered by the clock on each read; others need not be.
    return { snapshot, dated: running.some((e) => e.startsAt !== null || e.stopsAt !== null) };
  });
}

/**
 * Which variant of each running experiment a visitor sees, and the exposures they are counted in.
 *
 * A visitor's variant is the one stored with their exposure, when they have one (so they keep it
 * whatever happens to the weights afterwards); otherwise the one owning their hash bucket under the
 * current weights. The exposures are read from the database the first time this instance sees the
 * visitor and remembered in a bounded LRU (only a cache: every instance answers the same from the
 * database); a change to the store's experiments drops what is remembered.
 */
export class ExperimentAssignments {
  readonly #db: Db;
  /** storeId|visitorId → what is remembered of the visitor. */
  readonly #visitors = new LRUCache<string, RememberedVisitor>({ max: REMEMBERED_VISITORS });

  constructor(db: Db) {
    this.#db = db;
  }

  /** Forgets remembered exposures (their experiments changed; they are read again). */
  forget(): void {
    this.#visitors.clear();
  }

  /** The store's rollouts and the tests running now. */
  async live(storeId: string): Promise<StoreExperiments> {
    const { snapshot, dated } = await liveExperiments(this.#db, storeId);
    if (!dated) return snapshot;
    const at = now().getTime();
    return { ...snapshot, running: snapshot.running.filter((e) => withinDates(e, at)) };
  }

  /**
   * The visitor's variant of each test running in `live` that they are in. `traitsOf` is asked
   * only when a test the visitor is not in yet has to check its targeting.
   */
  async assign(
    live: StoreExperiments,
    visitorId: string,
    traitsOf: () => VisitorTraits,
  ): Promise<readonly AssignedVariant[]> {
    const running = live.running;
    if (running.length === 0) return [];
    const visitor =
      this.#visitors.get(`${live.storeId}|${visitorId}`) ??
      (await this.#recall(live.storeId, visitorId, running));
    if (visitor.assigned?.for === running) return visitor.assigned.list;
    const assigned: AssignedVariant[] = [];
    let traits: VisitorTraits | undefined;
    let everyExposed = true;
    for (const experiment of running) {
      const exposure = visitor.exposures.get(experiment.id);
      const stored = exposure ? experiment.variants.find((v) => v.key === exposure.variantKey) : undefined;
      if (!stored) {
        everyExposed = false;
        traits ??= traitsOf();
        if (!isTargeted(experiment.targeting, traits)) continue;
      }
      // A returning visitor's bucket is on their row: SHA-256 only for someone not yet exposed.
      const bucket = exposure?.bucket ?? bucketOf(visitorId, experiment.key, experiment.seed);
      const variant = stored ?? variantAtBucket(experiment.variants, bucket);
      assigned.push({
        experimentId: experiment.id,
        experimentKey: experiment.key,
        point: experiment.point,
        variantKey: variant.key,
        change: variant.change,
        bucket,
      });
    }
    if (everyExposed) visitor.assigned = { for: running, list: assigned };
    return assigned;
  }

  /**
   * Records the visitor's first exposure to each of `shown` (the page rendered their elements); a
   * visitor already counted costs nothing. Returns how many exposures were new.
   */
  async recordExposures(
    storeId: string,
    visitorId: string,
    shown: readonly AssignedVariant[],
  ): Promise<number> {
    if (shown.length === 0) return 0;
    const memoryKey = `${storeId}|${visitorId}`;
    const remembered = this.#visitors.get(memoryKey);
    // A returning visitor's page: every shown experiment counted already, nothing allocated.
    if (remembered && shown.every((a) => remembered.exposures.has(a.experimentId))) return 0;
    const visitor = remembered ?? { exposures: new Map<string, Exposure>(), assigned: null };
    const fresh = shown.filter((a) => !visitor.exposures.has(a.experimentId));
    const inserted = await this.#db
      .insert(experimentExposures)
      .values(
        fresh.map((a) => ({
          experimentId: a.experimentId,
          visitorId,
          storeId,
          variantKey: a.variantKey,
          bucket: a.bucket,
          exposedAt: now(),
        })),
      )
      .onConflictDoNothing()
      .returning({ experimentId: experimentExposures.experimentId });
    for (const a of fresh)
      visitor.exposures.set(a.experimentId, { variantKey: a.variantKey, bucket: a.bucket });
    if (inserted.length < fresh.length) {
      // Counted already (by another instance): what the database holds is the visitor's variant.
      const rows = await this.#storedExposures(
        visitorId,
        fresh.map((a) => a.experimentId),
      );
      for (const row of rows)
        visitor.exposures.set(row.experimentId, { variantKey: row.variantKey, bucket: row.bucket });
    }
    // Their assignment is worked out again from the exposures, now that there are more.
    visitor.assigned = null;
    this.#visitors.set(memoryKey, visitor);
    return inserted.length;
  }

  /** The visitor's exposures to `running`, read from the database and remembered. */
  async #recall(
    storeId: string,
    visitorId: string,
    running: readonly LiveExperiment[],
  ): Promise<RememberedVisitor> {
    const rows = await this.#storedExposures(
      visitorId,
      running.map((e) => e.id),
    );
    const visitor: RememberedVisitor = {
      exposures: new Map(
        rows.map((row) => [row.experimentId, { variantKey: row.variantKey, bucket: row.bucket }]),
      ),
      assigned: null,
    };
    this.#visitors.set(`${storeId}|${visitorId}`, visitor);
    return visitor;
  }

  #storedExposures(visitorId: string, experimentIds: string[]) {
    return this.#db
      .select({
        experimentId: experimentExposures.experimentId,
        variantKey: experimentExposures.variantKey,
        bucket: experimentExposures.bucket,
      })
      .from(experimentExposures)
      .where(
        and(
          eq(experimentExposures.visitorId, visitorId),
          inArray(experimentExposures.experimentId, experimentIds),
        ),
      );
  }
}

/** The assigned variants whose elements a page shows: the exposures the page counts (rollouts never). */
export function exposedOn(assigned: readonly AssignedVariant[], page: ExperimentPage): AssignedVariant[] {
  return assigned.filter((a) => !a.rollout && (experimentPoint(a.point)?.appearsOn(a.change, page) ?? false));
}

/** Cache-key parts already worked out, per assignment list (a returning visitor's is kept). */
const cacheKeyParts = new WeakMap<
  readonly AssignedVariant[],
  Partial<Record<ExperimentPage['kind'], string>>
>();

/**
 * The part of a page's cache key that its variants make: each assigned experiment whose point can
 * appear on pages of this kind, as id=variant. Empty when none does.
 */
export function variantCacheKey(assigned: readonly AssignedVariant[], kind: ExperimentPage['kind']): string {
  let parts = cacheKeyParts.get(assigned);
  const known = parts?.[kind];
  if (known !== undefined) return known;
  const part = assigned
    .filter((a) => !a.rollout && experimentPoint(a.point)?.pageKinds.includes(kind))
    .map((a) => `${a.experimentId}=${a.variantKey}`)
    .join(',');
  if (!parts) {
    parts = {};
    cacheKeyParts.set(assigned, parts);
  }
  parts[kind] = part;
  return part;
}

/**
 * What a page shows at an integration point: `subject` as the store's rollouts and then the
 * visitor's variant change it (so a test runs on top of an earlier winner, and its control shows
 * that winner), or as it is when nothing applies there.
 */
export function applyExperimentPoint<Change, Subject>(
  point: ExperimentPoint<Change, Subject>,
  assigned: readonly AssignedVariant[] | undefined,
  subject: Subject,
): Subject {
  if (!assigned) return subject;
  const here = assigned.filter((a) => a.point === point.key);
  // Rollouts first, then the running test's variant; changes were checked by the point's schema.
  const ordered = [...here.filter((a) => a.rollout), ...here.filter((a) => !a.rollout)];
  return ordered.reduce((shown, a) => point.apply(a.change as Change, shown), subject);
}
