import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

import type { ExperimentMetric, ExperimentStatus, ShipOutcome } from './experiment-vocabulary.ts';

export {
  type ExperimentMetric,
  type ExperimentStatus,
  experimentMetrics,
  experimentStatuses,
} from './experiment-vocabulary.ts';

/** One arm of a test. `change` is what the variant does at the experiment's integration point. */
export interface ExperimentVariant {
  key: string;
  name: string;
  /** Any positive number; shares are weight / sum of weights. */
  weight: number;
  /** Validated by the integration point's schema; the control's is usually "no change". */
  change: Record<string, unknown>;
}

/** Who is in the test; everything listed must hold. */
export interface ExperimentTargeting {
  audience: 'all' | 'new_visitors';
  devices?: ('mobile' | 'desktop')[];
  countries?: string[];
}

/**
 * A/B tests on the storefront (docs/experiments.md). The first variant is the control. `seed` is
 * made at creation and never changes, so assignments do not move when the key or weights do.
 */
export const experiments = pgTable(
  'experiments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    hypothesis: text('hypothesis').notNull().default(''),
    /** The integration point (`announcement_banner`, `product_text`, `price_display`, …). */
    point: text('point').notNull(),
    variants: jsonb('variants').$type<ExperimentVariant[]>().notNull(),
    targeting: jsonb('targeting').$type<ExperimentTargeting>().notNull(),
    primaryMetric: text('primary_metric').$type<ExperimentMetric>().notNull(),
    secondaryMetrics: jsonb('secondary_metrics').$type<ExperimentMetric[]>().notNull(),
    guardrailMetrics: jsonb('guardrail_metrics').$type<ExperimentMetric[]>().notNull(),
    status: text('status').$type<ExperimentStatus>().notNull().default('draft'),
    seed: text('seed').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    stopsAt: timestamp('stops_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    /** The variant rolled out when the test was shipped. */
    shippedVariant: text('shipped_variant'),
    /** What shipping did (experiment-vocabulary.ts); null for a test shipped before it was kept. */
    shippedAs: text('shipped_as').$type<ShipOutcome>(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    /** A rollout someone ended: visitors see the store without the winner again. */
    rolloutEndedAt: timestamp('rollout_ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('experiments_store_key_idx').on(t.storeId, t.key),
    index('experiments_store_status_idx').on(t.storeId, t.status),
  ],
);

/**
 * One row per visitor per experiment, written the first time the visitor's page showed the
 * experiment's element: it is both the exposure (counted once) and the sticky assignment (a
 * returning visitor keeps `variant_key` even after the weights changed).
 */
export const experimentExposures = pgTable(
  'experiment_exposures',
  {
    experimentId: text('experiment_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    storeId: text('store_id').notNull(),
    variantKey: text('variant_key').notNull(),
    /** The visitor's hash bucket (0–9,999), kept so a sample-ratio check can be redone. */
    bucket: integer('bucket').notNull(),
    exposedAt: timestamp('exposed_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.experimentId, t.visitorId] }),
    index('experiment_exposures_store_idx').on(t.storeId, t.experimentId, t.variantKey),
  ],
);
