import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import {
  deleteExchangeRate,
  listExchangeRates,
  listExchangeRatesQuery,
  recordExchangeRate,
  recordExchangeRateInput,
} from './exchange-rates.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/**
 * Exchange rates under /api/admin/stores/:store/markets/exchange-rates: the store's manual rates
 * with their history (the latest on or before a day applies). Changes are audited.
 */
export async function exchangeRateRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['markets'];

  r.get(
    '/markets/exchange-rates',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Exchange rates, newest effective day first (history included)',
        params: storeParams,
        querystring: listExchangeRatesQuery,
      },
    },
    async (request) => ({ items: await listExchangeRates(db, storeOf(request).store.id, request.query) }),
  );

  r.post(
    '/markets/exchange-rates',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Record a rate for a pair from a day on (same pair and day: replaces it)',
        description:
          '`rate` is units of `quoteCurrency` per unit of `baseCurrency` (the store currency when left out), ' +
          'as decimal text ("1.0856"), above 0. 422 `same_currency` when both are one currency.',
        params: storeParams,
        body: recordExchangeRateInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const rate = await db.transaction((tx) => recordExchangeRate(tx, store, actor, request.body));
      return reply.status(201).send({ exchangeRate: rate });
    },
  );

  r.delete(
    '/markets/exchange-rates/:rateId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Remove a rate from the history (the one before it applies again)',
        params: storeParams.extend({ rateId: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteExchangeRate(tx, store, actor, request.params.rateId));
      return reply.status(204).send();
    },
  );
}
