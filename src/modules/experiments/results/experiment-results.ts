import { eq } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { visitorOutcomes } from '../../analytics/index.ts';
import { getExperiment } from '../experiments.ts';
import { type ExperimentMetric, experimentExposures } from '../schema.ts';
import {
  analyseMetric,
  bayesianTest,
  checkSampleRatio,
  defaultSequentialTuning,
  type Verdict,
} from '../statistics/index.ts';
import { armSums } from './arm-sums.ts';
import { experimentMetricDefinitions, type MetricDefinition } from './experiment-metrics.ts';
import { armMoments, variantEffect } from './metric-effects.ts';
import type {
  ExperimentResults,
  GuardrailAlert,
  MetricResult,
  VariantMetricResult,
} from './results-shape.ts';
import { type ArmMember, upliftSeries } from './uplift-series.ts';

export type {
  ExperimentResults,
  GuardrailAlert,
  MetricResult,
  VariantMetricResult,
} from './results-shape.ts';

/** A full week, so every weekday is in both arms before a winner is called. */
export const minimumDays = 7;

/** Chance the variant is worse above which a guardrail is flagged. */
const guardrailThreshold = 0.95;

function percent(x: number): string {
  const value = (Math.abs(x) * 100).toFixed(1);
  return `${x >= 0 ? '+' : '−'}${value}%`;
}

/**
 * The primary metric's verdict with the duration rule on top: a winner called before a full week
 * has run is an early lead (weekday and weekend shoppers differ; a test that saw only weekdays has
 * not seen the store's customers).
 */
function withDurationRule(verdict: Verdict, daysRunning: number): Verdict {
  if (verdict.kind !== 'winner' || daysRunning >= minimumDays) return verdict;
  const left = minimumDays - Math.floor(daysRunning);
  return {
    kind: 'early_lead',
    ...(verdict.variantName ? { variantName: verdict.variantName } : {}),
    ...(verdict.variantKey ? { variantKey: verdict.variantKey } : {}),
    sentence: `${verdict.sentence.replace(/\.$/, '')} — but the test has run ${Math.floor(daysRunning)} of the ${minimumDays} days it needs to see every weekday; check again in ${left} day${left === 1 ? '' : 's'}.`,
  };
}

/**
 * The results of an experiment: every metric per variant from the exposed visitors' outcomes
 * (analytics' events and order facts, counted from each visitor's first exposure), through the
 * statistics engine: Bayesian chance to win and credible interval for reading, an always-valid
 * interval for deciding (safe to look every day), CUPED where the visitors have a pre-period, the
 * sample-ratio check, guardrails, the cumulative uplift per day and the verdict.
 */
export async function experimentResults(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  experimentId: string,
): Promise<ExperimentResults> {
  const experiment = await getExperiment(db, store.id, experimentId);
  const computedAt = now();
  const until =
    experiment.status === 'running' || experiment.status === 'draft'
      ? computedAt
      : (experiment.stoppedAt ?? experiment.updatedAt);
  const exposures = await db
    .select({
      visitorId: experimentExposures.visitorId,
      variantKey: experimentExposures.variantKey,
      exposedAt: experimentExposures.exposedAt,
    })
    .from(experimentExposures)
    .where(eq(experimentExposures.experimentId, experiment.id));
  const counted = exposures.filter((e) => e.exposedAt < until);
  const outcomes = await visitorOutcomes(
    db,
    store.id,
    counted.map((e) => ({ visitorId: e.visitorId, since: e.exposedAt })),
    { until },
  );
  const outcomeOf = new Map(outcomes.map((o) => [o.visitorId, o]));
  const arms: Arm[] = experiment.variants.map((variant) => ({
    variant,
    members: counted
      .filter((e) => e.variantKey === variant.key)
      .map((e) => ({ exposedAt: e.exposedAt, outcome: outcomeOf.get(e.visitorId)! })),
  }));
  const visitors = arms.map((a) => a.members.length);
  const sampleRatio = checkSampleRatio(
    visitors,
    experiment.variants.map((v) => v.weight),
  );
  const from = experiment.startedAt ?? (counted.length > 0 ? counted[0]!.exposedAt : null);
  const daysRunning = from ? Math.max(0, (until.getTime() - from.getTime()) / 86_400_000) : 0;

  const roles: [ExperimentMetric, MetricResult['role']][] = [
    [experiment.primaryMetric, 'primary'],
    ...experiment.secondaryMetrics.map((m) => [m, 'secondary'] as [ExperimentMetric, 'secondary']),
    ...experiment.guardrailMetrics.map((m) => [m, 'guardrail'] as [ExperimentMetric, 'guardrail']),
  ];
  const metrics = roles.map(([metric, role]) =>
    metricResult(experimentMetricDefinitions[metric], role, arms, experiment.variants),
  );
  const primary = metrics[0]!;
  const guardrails = metrics
    .filter((m) => m.role === 'guardrail')
    .flatMap((m) =>
      m.variants.flatMap((v): GuardrailAlert[] => {
        if (v.chanceToBeatControl === undefined || v.lift === undefined) return [];
        const chanceWorse = 1 - v.chanceToBeatControl;
        if (chanceWorse < guardrailThreshold) return [];
        return [
          {
            metric: m.metric,
            variantKey: v.variantKey,
            variantName: v.variantName,
            lift: v.lift,
            chanceWorse,
            sentence: `Guardrail: ${m.label} is ${percent(v.lift)} in ${v.variantName} (${Math.round(chanceWorse * 100)}% chance it is worse than control).`,
          },
        ];
      }),
    );
  const verdict = sampleRatio.mismatch ? primary.verdict : withDurationRule(primary.verdict, daysRunning);

  return {
    experimentId: experiment.id,
    status: experiment.status,
    currency: store.baseCurrency,
    computedAt: computedAt.toISOString(),
    from: from?.toISOString() ?? null,
    until: until.toISOString(),
    daysRunning,
    minimumDays,
    variants: experiment.variants.map((v, i) => ({
      key: v.key,
      name: v.name,
      weight: v.weight,
      visitors: visitors[i] ?? 0,
    })),
    sampleRatio,
    verdict,
    metrics,
    guardrails,
    series: upliftSeries({
      definition: experimentMetricDefinitions[experiment.primaryMetric],
      arms: arms.map((a, i) => ({ key: a.variant.key, members: a.members, control: i === 0 })),
      from,
      until,
      timezone: store.timezone,
    }),
  };
}

interface Arm {
  variant: { key: string; name: string; weight: number };
  members: ArmMember[];
}

function metricResult(
  definition: MetricDefinition,
  role: MetricResult['role'],
  arms: Arm[],
  variants: { key: string; weight: number }[],
): MetricResult {
  const sums = arms.map((a) => armSums(a.members.map((m) => definition.valueOf(m.outcome))));
  const control = sums[0]!;
  const controlMoments = armMoments(definition, control);
  const effects = sums.slice(1).map((s) => variantEffect(definition, control, s));
  const analysis = analyseMetric({
    metric: definition.label,
    engine: 'sequential',
    control: controlMoments,
    variants: effects.map((e, i) => ({
      name: arms[i + 1]!.variant.name,
      key: arms[i + 1]!.variant.key,
      effect: e.effect,
    })),
    visitors: sums.map((s) => s.n),
    weights: variants.map((v) => v.weight),
    inverse: definition.inverse,
    // Fixed before the data (an interval tuned on what it sees is no longer always valid): the
    // visitors at which the interval is tightest, GrowthBook's default.
    tuning: defaultSequentialTuning,
  });
  return {
    metric: definition.key,
    label: definition.label,
    role,
    unit: definition.unit,
    inverse: definition.inverse,
    cuped: effects.some((e) => e.cuped),
    visitorsPerArmNeeded: analysis.visitorsPerArmNeeded,
    verdict: analysis.verdict,
    variants: arms.map((arm, i) => {
      const s = sums[i]!;
      const base: VariantMetricResult = {
        variantKey: arm.variant.key,
        variantName: arm.variant.name,
        visitors: s.n,
        numerator: s.numeratorSum,
        denominator: definition.kind === 'ratio' ? s.denominatorSum : s.n,
        value: armMoments(definition, s).mean,
      };
      if (i === 0) return base;
      const effect = effects[i - 1]!.effect;
      const bayesian = bayesianTest(effect, { inverse: definition.inverse });
      const evidence = analysis.variants[i - 1]!;
      if (!bayesian.testable) return base;
      return {
        ...base,
        lift: bayesian.estimate,
        interval: bayesian.interval,
        chanceToBeatControl: bayesian.chanceToBeatControl,
        risk: bayesian.riskOfVariant,
        alwaysValidInterval: evidence.interval,
        decision: evidence.decision,
      };
    }),
  };
}
