import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { type ErasureStorages, eraseCustomer } from './erase-customer.ts';
import { exportCustomer, exportDocument, listPrivacyRequests } from './privacy-requests.ts';
import { getPrivacySettings, privacySettingsInput, updatePrivacySettings } from './retention.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const requestParams = storeParams.extend({ requestId: z.string().min(1).max(64) });

const customerId = z.string().trim().min(1).max(64);
const requestInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), customerId }).strict(),
  z
    .object({
      type: z.literal('erasure'),
      customerId,
      confirmation: z.string().max(320).describe('The customer’s e-mail address, typed to confirm'),
    })
    .strict(),
]);

const listQuery = z
  .object({
    customerId: customerId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** The download address of an export, under the admin API. */
export function exportDownloadPath(storeId: string, requestId: string): string {
  return `/api/admin/stores/${storeId}/privacy/requests/${requestId}/download`;
}

/**
 * Privacy requests under /api/admin/stores/:store/privacy (docs/privacy.md): a customer's data
 * export (JSON to download) and erasure (typed confirmation), the log, and the retention of raw
 * analytics events. All need privacy:manage.
 */
export async function privacyRoutes(
  app: FastifyInstance,
  { db, storages }: { db: Db; storages: ErasureStorages },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  r.get(
    '/privacy/requests',
    {
      config: { permission: 'privacy:manage' },
      schema: {
        tags,
        summary: 'The privacy requests log, newest first',
        params: storeParams,
        querystring: listQuery,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { before, ...query } = request.query;
      const items = await listPrivacyRequests(db, store.id, {
        ...query,
        ...(before ? { before: new Date(before) } : {}),
      });
      return {
        items: items.map((item) => ({
          ...item,
          downloadUrl: item.status === 'ready' ? exportDownloadPath(store.id, item.id) : null,
        })),
      };
    },
  );

  r.post(
    '/privacy/requests',
    {
      config: { permission: 'privacy:manage' },
      schema: {
        tags,
        summary: 'Export a customer’s data, or erase the customer (irreversible; confirm with their e-mail)',
        params: storeParams,
        body: requestInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const body = request.body;
      if (body.type === 'export') {
        const { request: logged } = await exportCustomer(db, store.id, actor, body.customerId, 'admin');
        return reply.code(201).send({ ...logged, downloadUrl: exportDownloadPath(store.id, logged.id) });
      }
      const logged = await eraseCustomer(db, {
        storeId: store.id,
        actor,
        customerId: body.customerId,
        confirmation: body.confirmation,
        storages,
        logger: request.log,
      });
      return reply.code(201).send({ ...logged, downloadUrl: null });
    },
  );

  r.get(
    '/privacy/requests/:requestId/download',
    {
      config: { permission: 'privacy:manage' },
      schema: { tags, summary: 'An export’s JSON document, as a file', params: requestParams },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const document = await exportDocument(db, store.id, request.params.requestId);
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="customer-data-${String(document.customerId)}-${request.params.requestId}.json"`,
        )
        .send(JSON.stringify(document, null, 2));
    },
  );

  r.get(
    '/privacy/settings',
    {
      config: { permission: 'privacy:manage' },
      schema: { tags, summary: 'How long raw analytics events are kept', params: storeParams },
    },
    async (request) => getPrivacySettings(db, storeOf(request).store.id),
  );

  r.put(
    '/privacy/settings',
    {
      config: { permission: 'privacy:manage' },
      schema: {
        tags,
        summary: 'Set how long raw analytics events are kept',
        params: storeParams,
        body: privacySettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updatePrivacySettings(db, store.id, actor, request.body);
    },
  );
}
