// The briefing's experiment actions on both databases, from real results: a broken split is for
// now, a guardrail going the wrong way and a winner to ship for today (also a stopped test's
// unshipped winner); a stopped test without a winner and one without visitors say nothing; only a reader with
// experiments:read gets the part at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { createStore, rolePermissions, type Store, systemActor } from '../../access/index.ts';
import { changeExperimentStatus, createExperiment, type ExperimentInput } from '../../experiments/index.ts';
import { experiments } from '../../experiments/schema.ts';
import { type SeededArm, seedExperimentOutcomes } from '../../experiments/testing/experiment-outcomes.ts';
import { dailyBriefing } from '../daily-briefing.ts';
import { experimentActions } from './experiment-actions.ts';

const actor = systemActor('experiment actions test');
const DAY = 86_400_000;

const banner = (key: string, name: string, guardrails: ExperimentInput['guardrailMetrics'] = []) =>
  ({
    key,
    name,
    hypothesis: '',
    point: 'announcement_banner',
    variants: [
      { key: 'control', name: 'No banner', weight: 1, change: { show: false } },
      { key: 'banner', name: 'Banner', weight: 1, change: { show: true, text: 'Free delivery' } },
    ],
    targeting: { audience: 'all' },
    primaryMetric: 'conversion_rate',
    secondaryMetrics: [],
    guardrailMetrics: guardrails,
  }) as ExperimentInput;

const buysEvery = (n: number) => (i: number) => i % n === 0;
const never = () => false;

for (const target of testDatabaseTargets()) {
  describe(`briefing experiment actions on ${target.label}`, () => {
    let database: Database;
    let store: Store;

    const running = async (input: ExperimentInput, days: number, arms: SeededArm[]) => {
      const e = await createExperiment(database.db, store.id, actor, input);
      await changeExperimentStatus(database.db, store.id, actor, e.id, 'running');
      const start = new Date(Date.now() - days * DAY);
      await database.db.update(experiments).set({ startedAt: start }).where(eq(experiments.id, e.id));
      await seedExperimentOutcomes(database.db, {
        store,
        experimentId: e.id,
        prefix: input.key,
        start,
        days,
        arms,
      });
      return e;
    };
    const context = (permissions = new Set(rolePermissions.owner)) => ({
      store,
      day: '2026-01-01',
      at: new Date(),
      permissions,
    });

    before(async () => {
      database = await target.create();
      store = await createStore(database.db, actor, {
        handle: 'test-lab',
        name: 'Test Lab',
        baseCurrency: 'EUR',
      });
    });
    after(() => database.close());

    test('each running test with a decision or a problem becomes one action, linked to its results', async () => {
      const winner = await running(banner('w', 'Winter banner'), 14, [
        { variant: 'control', visitors: 2000, buys: buysEvery(20), adds: never, revenue: 5000 },
        { variant: 'banner', visitors: 2000, buys: buysEvery(12), adds: never, revenue: 5000 },
      ]);
      await running(banner('s', 'Skewed banner'), 10, [
        { variant: 'control', visitors: 2000, buys: buysEvery(20), adds: never, revenue: 5000 },
        { variant: 'banner', visitors: 1600, buys: buysEvery(20), adds: never, revenue: 5000 },
      ]);
      await running(banner('g', 'Cheap banner', ['average_order_value']), 14, [
        // Orders vary in size, as they do (a constant AOV has no variance to test).
        {
          variant: 'control',
          visitors: 2000,
          buys: buysEvery(20),
          adds: never,
          revenue: (i) => 5000 + (i % 7) * 300,
        },
        {
          variant: 'banner',
          visitors: 2000,
          buys: buysEvery(20),
          adds: never,
          revenue: (i) => 2500 + (i % 7) * 150,
        },
      ]);
      await running(banner('n', 'Quiet banner'), 14, []);
      const stopped = await running(banner('x', 'Stopped banner'), 14, [
        { variant: 'control', visitors: 2000, buys: buysEvery(20), adds: never, revenue: 5000 },
        { variant: 'banner', visitors: 1000, buys: buysEvery(20), adds: never, revenue: 5000 },
      ]);
      await changeExperimentStatus(database.db, store.id, actor, stopped.id, 'stopped');
      // Stopped with a winner nobody shipped: recalled.
      const unshipped = await running(banner('u', 'Stopped winner'), 14, [
        { variant: 'control', visitors: 2000, buys: buysEvery(20), adds: never, revenue: 5000 },
        { variant: 'banner', visitors: 2000, buys: buysEvery(12), adds: never, revenue: 5000 },
      ]);
      await changeExperimentStatus(database.db, store.id, actor, unshipped.id, 'stopped');

      const actions = await experimentActions(database.db, context());
      const byTitle = new Map(actions.map((a) => [a.title, a]));
      assert.deepEqual([...byTitle.keys()].sort(), [
        'Check experiment “Skewed banner”: its visitor split is broken',
        'Review experiment “Cheap banner”: a guardrail is going the wrong way',
        'Ship the winner of experiment “Stopped winner”: Banner',
        'Ship the winner of experiment “Winter banner”: Banner',
      ]);
      assert.equal(
        byTitle.get('Check experiment “Skewed banner”: its visitor split is broken')!.urgency,
        'now',
      );
      const ship = byTitle.get('Ship the winner of experiment “Winter banner”: Banner')!;
      assert.equal(ship.urgency, 'today');
      assert.equal(ship.kind, 'experiment');
      assert.match(ship.detail, /^Banner is winning/);
      assert.equal(ship.link, `/admin/stores/test-lab/experiments/${winner.id}`);
      const guard = byTitle.get('Review experiment “Cheap banner”: a guardrail is going the wrong way')!;
      assert.match(
        guard.detail,
        /^Average order value is −\d+\.\d% in Banner \(\d+% chance it is worse than control\)\. Stop it/,
      );

      const briefing = await dailyBriefing(database.db, store, {
        permissions: new Set(rolePermissions.owner),
      });
      assert.ok(briefing.parts.includes('experiments'));
      assert.equal(
        briefing.actions[0]!.title,
        'Check experiment “Skewed banner”: its visitor split is broken',
      );
      const support = await dailyBriefing(database.db, store, {
        permissions: new Set(rolePermissions.support),
      });
      assert.ok(!support.parts.includes('experiments'));
      assert.ok(!support.actions.some((a) => a.kind === 'experiment'));
    });
  });
}
