import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStorage } from '../../platform/blob-storage/blob-storage.ts';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { addNote, replyToTicket } from './answer-ticket.ts';
import { changeTicket } from './change-ticket.ts';
import { listTickets } from './list-tickets.ts';
import { macroRoutes } from './macros/routes.ts';
import { mergeTickets } from './merge-tickets.ts';
import { supportMetrics, supportMetricsQuery } from './metrics/support-metrics.ts';
import { getSlaSettings, slaSettingsInput, storeSla, updateSlaSettings } from './sla/sla-settings.ts';
import { slaTicketOf } from './sla/ticket-due-times.ts';
import { ticketSla } from './sla/ticket-sla.ts';
import { createStaffTicket } from './staff-tickets.ts';
import { getSupportSettings, supportSettingsInput, updateSupportSettings } from './support-settings.ts';
import { readAttachment } from './ticket-attachments.ts';
import { ticketContext } from './ticket-context.ts';
import { getTicketDetail } from './ticket-detail.ts';
import {
  mergeInput,
  newTicketInput,
  noteInput,
  replyInput,
  ticketChangeInput,
  ticketListQuery,
} from './ticket-input.ts';
import { ticketOf } from './ticket-rows.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const ticketParams = storeParams.extend({ ticketId: z.string().min(1).max(64) });
const attachmentParams = storeParams.extend({ attachmentId: z.string().min(1).max(64) });

export interface SupportRouteOptions {
  db: Db;
  /** Where inbound attachments are kept. */
  storage: BlobStorage;
}

/**
 * The support inbox under /api/admin/stores/:store/support (docs/support.md): read with
 * support:read, worked with support:write. Lists carry what an inbox row shows; a ticket comes with
 * its thread and the customer's orders.
 */
export async function supportRoutes(app: FastifyInstance, { db, storage }: SupportRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['support'];

  r.get(
    '/support/tickets',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'The inbox: tickets by latest activity, filtered, keyset-paged (nextCursor)',
        params: storeParams,
        querystring: ticketListQuery,
      },
    },
    async (request) => listTickets(db, storeOf(request).store.id, request.query),
  );

  r.post(
    '/support/tickets',
    {
      config: { permission: 'support:write' },
      schema: { tags, summary: 'Open a ticket for a customer', params: storeParams, body: newTicketInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const ticket = await createStaffTicket(db, store.id, actor, request.body);
      return reply.status(201).send({ ticket: ticketOf(ticket) });
    },
  );

  r.get(
    '/support/tickets/:ticketId',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'One ticket: its thread, the customer’s orders, its SLA clocks',
        params: ticketParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const detail = await getTicketDetail(db, store.id, request.params.ticketId);
      const { policy, hours } = await storeSla(db, store.id);
      const sla = ticketSla(slaTicketOf(detail.ticket), policy, hours, now());
      return { ...detail, sla };
    },
  );

  r.patch(
    '/support/tickets/:ticketId',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Change status, priority, assignee or tags',
        params: ticketParams,
        body: ticketChangeInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return {
        ticket: ticketOf(await changeTicket(db, store.id, actor, request.params.ticketId, request.body)),
      };
    },
  );

  r.post(
    '/support/tickets/:ticketId/replies',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Answer the customer by e-mail (409 ticket_changed when someone else answered since)',
        params: ticketParams,
        body: replyInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const result = await replyToTicket(db, store, actor, request.params.ticketId, request.body);
      return reply.status(201).send({ message: result.message, ticket: ticketOf(result.ticket) });
    },
  );

  r.post(
    '/support/tickets/:ticketId/notes',
    {
      config: { permission: 'support:write' },
      schema: { tags, summary: 'Add an internal note', params: ticketParams, body: noteInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const message = await addNote(db, store.id, actor, request.params.ticketId, request.body);
      return reply.status(201).send({ message });
    },
  );

  r.post(
    '/support/tickets/:ticketId/merge',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Merge this ticket into another (messages move, this one closes)',
        params: ticketParams,
        body: mergeInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const target = await mergeTickets(
        db,
        store.id,
        actor,
        request.params.ticketId,
        request.body.intoTicketId,
      );
      return { ticket: ticketOf(target) };
    },
  );

  r.get(
    '/support/attachments/:attachmentId',
    {
      config: { permission: 'support:read' },
      schema: { tags, summary: 'Download an attachment', params: attachmentParams },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const file = await readAttachment(db, storage, store.id, request.params.attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.content.size)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.content.stream);
    },
  );

  r.get(
    '/support/tickets/:ticketId/context',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'The sidebar: the customer’s profile summary and recent orders with lines and parcels',
        params: ticketParams,
      },
    },
    async (request) => ticketContext(db, storeOf(request).store.id, request.params.ticketId),
  );

  await macroRoutes(app, { db });

  r.get(
    '/support/settings',
    {
      config: { permission: 'support:read' },
      schema: { tags, summary: 'The store’s support address', params: storeParams },
    },
    async (request) => getSupportSettings(db, storeOf(request).store.id),
  );

  r.put(
    '/support/settings',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Set the store’s support address',
        params: storeParams,
        body: supportSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updateSupportSettings(db, store.id, actor, request.body);
    },
  );

  r.get(
    '/support/sla',
    {
      config: { permission: 'support:read' },
      schema: { tags, summary: 'The store’s SLA targets and business hours', params: storeParams },
    },
    async (request) => getSlaSettings(db, storeOf(request).store.id),
  );

  r.put(
    '/support/sla',
    {
      config: { permission: 'support:write' },
      schema: {
        tags,
        summary: 'Set SLA targets per priority and business hours (due times of live tickets follow)',
        params: storeParams,
        body: slaSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updateSlaSettings(db, store.id, actor, request.body);
    },
  );

  r.get(
    '/support/metrics',
    {
      config: { permission: 'support:read' },
      schema: {
        tags,
        summary: 'Response and resolution times, backlog, volume, SLA share and CSAT over a period',
        params: storeParams,
        querystring: supportMetricsQuery,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return supportMetrics(db, store.id, request.query, now());
    },
  );
}
