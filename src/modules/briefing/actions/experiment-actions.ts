import type { Db } from '../../../platform/db/database.ts';
import { type ExperimentResults, experimentResults, listExperiments } from '../../experiments/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';

/** Experiments read at most per briefing (a store runs a handful at once). */
const maxExperiments = 10;

/** A stopped test's unshipped winner is recalled for this long after the stop. */
const stoppedRecallDays = 30;

/**
 * Running experiments that need a decision or have a problem, from their results: a broken split
 * first (now: every day it runs wastes traffic on numbers nobody can trust), a guardrail going the
 * wrong way (today: the variant may be costing money), then a decision reached — a winner to ship,
 * or control winning or no difference, so the test can stop and the traffic go to the next idea.
 * A test stopped in the last 30 days with a winner nobody shipped is recalled too. Each opens the
 * experiment's results page, where it can be stopped or shipped.
 */
export async function experimentActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const recallFrom = context.at.getTime() - stoppedRecallDays * 86_400_000;
  const watched = (await listExperiments(db, context.store.id))
    .filter(
      (e) =>
        e.status === 'running' ||
        (e.status === 'stopped' && e.stoppedAt !== null && e.stoppedAt.getTime() >= recallFrom),
    )
    .slice(0, maxExperiments);
  const actions: BriefingAction[] = [];
  for (const experiment of watched) {
    const results = await experimentResults(db, context.store, experiment.id);
    // A stopped test only matters for a winner nobody shipped: the rest is decided already.
    if (experiment.status === 'stopped' && results.verdict.kind !== 'winner') continue;
    const action = actionOf(experiment.name, results);
    if (action)
      actions.push({ ...action, link: adminPath(context.store.handle, `experiments/${experiment.id}`) });
  }
  return actions;
}

function actionOf(name: string, results: ExperimentResults): Omit<BriefingAction, 'link'> | null {
  const quoted = `“${name}”`;
  const common = { kind: 'experiment' as const, atStake: null };
  if (results.sampleRatio.mismatch) {
    const observed = results.variants
      .map((v) => `${v.name} ${v.visitors.toLocaleString('en-US')}`)
      .join(', ');
    return {
      ...common,
      urgency: 'now',
      title: `Check experiment ${quoted}: its visitor split is broken`,
      detail: `${observed} visitors where the weights expect otherwise; its results cannot be trusted until the cause (a redirect, a cache, a bot) is found.`,
    };
  }
  const [guardrail] = results.guardrails;
  if (guardrail) {
    return {
      ...common,
      urgency: 'today',
      title: `Review experiment ${quoted}: a guardrail is going the wrong way`,
      detail: `${guardrail.sentence.replace(/^Guardrail: /, '').replace(/^./, (c) => c.toUpperCase())} Stop it if the loss outweighs the gain.`,
    };
  }
  const { verdict } = results;
  if (verdict.kind === 'winner') {
    return {
      ...common,
      urgency: 'today',
      title: `Ship the winner of experiment ${quoted}: ${verdict.variantName}`,
      detail: verdict.sentence,
    };
  }
  if (verdict.kind === 'control_winning' || verdict.kind === 'no_difference') {
    return {
      ...common,
      urgency: 'this_week',
      title: `Stop experiment ${quoted}: ${verdict.kind === 'control_winning' ? 'control is winning' : 'no variant makes a difference'}`,
      detail: `${verdict.sentence} Its visitors can go to the next test.`,
    };
  }
  return null;
}
