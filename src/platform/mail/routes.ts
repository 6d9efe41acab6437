import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { isId } from '../ids.ts';
import { getMail, getMailAttachment, listMailPage } from './list-mail.ts';
import { mailStates } from './schema.ts';

export interface MailRouteOptions {
  db: Db;
  /**
   * The store the request is authorised for. Passed in by the composition root, so this technical
   * part needs nothing of the access module; the route's `permission` makes the auth hook check it.
   */
  storeIdOf: (request: FastifyRequest) => string;
}

const storeParams = z.object({ store: z.string().min(1).max(64) });
const messageParams = storeParams.extend({ messageId: z.string().min(1).max(64) });

/**
 * The store's outbox under /api/admin/stores/:store/mail: every message it sent or is sending, with
 * its state. Without SMTP configured this is where a new installation's mail can be read.
 */
export async function mailRoutes(app: FastifyInstance, { db, storeIdOf }: MailRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];

  r.get(
    '/mail',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: "The store's mail, newest first (attachments by name only), paged by `before`",
        params: storeParams,
        querystring: z.object({
          entityType: z.string().min(1).max(60).optional(),
          entityId: z.string().min(1).max(64).optional(),
          state: z.enum(mailStates).optional(),
          /** `nextBefore` of the previous page. */
          before: z
            .string()
            .max(64)
            .refine((id) => isId('mailMessage', id), 'Not a message id.')
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => listMailPage(db, storeIdOf(request), request.query),
  );

  r.get(
    '/mail/:messageId',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'One message with its text (attachments by name only)',
        params: messageParams,
      },
    },
    async (request) => ({ message: await getMail(db, storeIdOf(request), request.params.messageId) }),
  );

  r.get(
    '/mail/:messageId/attachments/:index',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Download one attachment of a message',
        params: messageParams.extend({ index: z.coerce.number().int().min(0).max(100) }),
      },
    },
    async (request, reply) => {
      const { messageId, index } = request.params;
      const file = await getMailAttachment(db, storeIdOf(request), messageId, index);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
