import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { experimentInput } from './experiment-input.ts';
import {
  changeExperimentStatus,
  createExperiment,
  deleteExperiment,
  endRollout,
  getExperiment,
  listExperiments,
  shipExperiment,
  updateExperiment,
} from './experiments.ts';
import { experimentPoints } from './points/experiment-point.ts';
import { experimentResults } from './results/experiment-results.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const experimentParams = storeParams.extend({ experimentId: z.string().min(1).max(64) });

/**
 * Experiments under /api/admin/stores/:store/experiments (docs/experiments.md): seen with
 * experiments:read, defined, started, stopped and shipped with experiments:write.
 */
export async function experimentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['experiments'];
  const read = { permission: 'experiments:read' as const };
  const write = { permission: 'experiments:write' as const };

  r.get(
    '/experiments',
    { config: read, schema: { tags, summary: 'The store’s experiments', params: storeParams } },
    async (request) => ({ items: await listExperiments(db, storeOf(request).store.id) }),
  );

  r.get(
    '/experiments/points',
    {
      config: read,
      schema: {
        tags,
        summary: 'The storefront’s integration points an experiment can change',
        params: storeParams,
      },
    },
    async () => ({
      items: experimentPoints().map((p) => ({
        key: p.key,
        description: p.description,
        pages: p.pageKinds,
        change: z.toJSONSchema(p.schema, { unrepresentable: 'any' }),
      })),
    }),
  );

  r.get(
    '/experiments/:experimentId',
    { config: read, schema: { tags, summary: 'One experiment', params: experimentParams } },
    async (request) => ({
      experiment: await getExperiment(db, storeOf(request).store.id, request.params.experimentId),
    }),
  );

  r.get(
    '/experiments/:experimentId/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Results per metric and variant, the split check, guardrails and the verdict',
        params: experimentParams,
      },
    },
    async (request) => ({
      results: await experimentResults(db, storeOf(request).store, request.params.experimentId),
    }),
  );

  r.post(
    '/experiments',
    {
      config: write,
      schema: { tags, summary: 'Define an experiment (a draft)', params: storeParams, body: experimentInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply
        .status(201)
        .send({ experiment: await createExperiment(db, store.id, actor, request.body) });
    },
  );

  r.put(
    '/experiments/:experimentId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an experiment (the whole definition)',
        params: experimentParams,
        body: experimentInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return {
        experiment: await updateExperiment(db, store.id, actor, request.params.experimentId, request.body),
      };
    },
  );

  r.delete(
    '/experiments/:experimentId',
    { config: write, schema: { tags, summary: 'Delete a draft experiment', params: experimentParams } },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteExperiment(db, store.id, actor, request.params.experimentId);
      return reply.status(204).send();
    },
  );

  const action = (path: string, to: 'running' | 'stopped', summary: string) =>
    r.post(
      `/experiments/:experimentId/${path}`,
      { config: write, schema: { tags, summary, params: experimentParams } },
      async (request) => {
        const { store, actor } = storeOf(request);
        return {
          experiment: await changeExperimentStatus(db, store.id, actor, request.params.experimentId, to),
        };
      },
    );
  action('start', 'running', 'Start (or restart) an experiment: visitors are assigned from now on');
  action('stop', 'stopped', 'Stop an experiment: every visitor sees the control again');

  r.post(
    '/experiments/:experimentId/ship',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ship the winning variant (stops a running test): applied permanently, audited',
        params: experimentParams,
        body: z.object({ variant: z.string().min(1).max(64) }).strict(),
      },
    },
    async (request) => {
      const { store, actor, permissions } = storeOf(request);
      return {
        experiment: await shipExperiment(db, store.id, actor, request.params.experimentId, {
          variant: request.body.variant,
          canPublish: permissions.has('catalog:publish'),
        }),
      };
    },
  );

  r.post(
    '/experiments/:experimentId/end-rollout',
    {
      config: write,
      schema: {
        tags,
        summary:
          'End a shipped winner’s rollout: visitors see the store without it again (409 not_a_rollout, rollout_ended)',
        params: experimentParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { experiment: await endRollout(db, store.id, actor, request.params.experimentId) };
    },
  );
}
