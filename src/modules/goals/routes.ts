import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { channelGroups } from '../analytics/channel-grouping/index.ts';
import { loadStoreCategories } from '../catalog/index.ts';
import {
  categoryGoalMetrics,
  goalInput,
  goalMetricWords,
  moneyGoalMetrics,
  rateGoalMetrics,
} from './goal-input.ts';
import { paceGoals, storeGoalsPacing } from './goal-pacing.ts';
import { createGoal, deleteGoal, getGoal, updateGoal } from './goals.ts';
import { goalMetrics } from './schema.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const goalParams = storeParams.extend({ goalId: z.string().min(1).max(64) });

/** Goals under /api/admin/stores/:store/goals (docs/goals.md): seen with analytics:read, changed with goals:write. */
export async function goalRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['goals'];

  r.get(
    '/goals',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Goals with their pacing: actual so far, projected total, chance of reaching, status',
        params: storeParams,
        querystring: z
          .object({ current: z.enum(['true', 'false']).optional(), asOf: z.iso.date().optional() })
          .strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { current, asOf } = request.query;
      return { items: await storeGoalsPacing(db, store, { current: current === 'true', asOf }) };
    },
  );

  r.get(
    '/goals/options',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'What a goal can measure and be scoped to in this store',
        params: storeParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const categories = await loadStoreCategories(db, store.id);
      return {
        currency: store.baseCurrency,
        metrics: goalMetrics.map((metric) => ({
          metric,
          label: goalMetricWords[metric],
          unit: moneyGoalMetrics.has(metric) ? 'money' : rateGoalMetrics.has(metric) ? 'rate' : 'count',
          forCategories: categoryGoalMetrics.has(metric),
        })),
        channels: channelGroups,
        categories: categories.map((c) => ({ id: c.id, path: c.path })),
      };
    },
  );

  r.get(
    '/goals/:goalId',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'One goal with its pacing',
        params: goalParams,
        querystring: z.object({ asOf: z.iso.date().optional() }).strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const goal = await getGoal(db, store.id, request.params.goalId);
      return (await paceGoals(db, [store], [goal], { asOf: request.query.asOf }))[0];
    },
  );

  r.post(
    '/goals',
    {
      config: { permission: 'goals:write' },
      schema: { tags, summary: 'Set a goal', params: storeParams, body: goalInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const goal = await createGoal(db, store.id, actor, request.body);
      return reply.status(201).send((await paceGoals(db, [store], [goal]))[0]);
    },
  );

  r.put(
    '/goals/:goalId',
    {
      config: { permission: 'goals:write' },
      schema: { tags, summary: 'Change a goal (the whole definition)', params: goalParams, body: goalInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const goal = await updateGoal(db, store.id, actor, request.params.goalId, request.body);
      return (await paceGoals(db, [store], [goal]))[0];
    },
  );

  r.delete(
    '/goals/:goalId',
    {
      config: { permission: 'goals:write' },
      schema: { tags, summary: 'Remove a goal', params: goalParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteGoal(db, store.id, actor, request.params.goalId);
      return reply.status(204).send();
    },
  );
}
