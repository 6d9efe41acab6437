import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/database.ts';
import { errorBody } from '../platform/errors.ts';
import { requestBaseUrl } from '../platform/http/public-base-url.ts';
import { isAdminCommand, runAdminCommand } from './admin-commands.ts';
import { runAnalyticsRebuild } from './analytics-rebuild.ts';
import {
  exportArgs,
  formatImportReport,
  importArgs,
  parseTransferArgs,
  runProductExport,
  runProductImport,
} from './catalog-transfer.ts';
import { type HousekeepingContext, isHousekeepingCommand, runHousekeepingCommand } from './housekeeping.ts';
import { runInventoryVerify } from './inventory-verify.ts';

export const CLI_TOKEN_HEADER = 'x-storepilot-cli-token';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Lets `storepilot <command>` run inside the server that holds the embedded database. Loopback only,
 * and only with the token from the data dir's runtime file (readable by its owner alone).
 */
export interface CliRouteOptions {
  db: Db;
  token: string;
  /** The installation's public URL, if configured (exports write uploaded images' URLs under it). */
  publicUrl?: string;
  /** The server's storages and housekeeping settings, for `media gc` and `imports gc`. */
  housekeeping: Omit<HousekeepingContext, 'db'>;
}

export async function cliRoute(app: FastifyInstance, options: CliRouteOptions) {
  const { db, token, publicUrl } = options;
  const allowed = (request: FastifyRequest) => {
    const given = request.headers[CLI_TOKEN_HEADER];
    return (
      loopback.has(request.socket.remoteAddress ?? '') &&
      typeof given === 'string' &&
      sameSecret(given, token)
    );
  };
  // Product files arrive as a raw stream and are imported as they are read, never held whole.
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) =>
    done(null, payload),
  );

  app.post('/internal/cli', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    const body = request.body as { command?: unknown; args?: unknown } | undefined;
    if (typeof body?.command !== 'string' || !isAdminCommand(body.command)) {
      return reply.status(400).send(errorBody('unknown_command', 'Unknown command.'));
    }
    const output = await runAdminCommand(db, body.command, (body.args ?? {}) as Record<string, unknown>);
    return { output };
  });

  app.post('/internal/cli/housekeeping', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    const body = request.body as { command?: unknown; args?: unknown } | undefined;
    if (typeof body?.command !== 'string' || !isHousekeepingCommand(body.command)) {
      return reply.status(400).send(errorBody('unknown_command', 'Unknown command.'));
    }
    const output = await runHousekeepingCommand({ db, ...options.housekeeping }, body.command, body.args);
    return { output };
  });

  app.post('/internal/cli/analytics-rebuild', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    return runAnalyticsRebuild(db, request.body);
  });

  app.post('/internal/cli/inventory-verify', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    return runInventoryVerify(db, request.body ?? {});
  });

  app.post('/internal/cli/import-products', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    const query = request.query as Record<string, string>;
    const args = parseTransferArgs(importArgs, { ...query, dryRun: query.dryRun === 'true' });
    if (!(request.body instanceof Readable)) {
      return reply
        .status(415)
        .send(errorBody('unsupported_media_type', 'Send the file as text/csv or application/octet-stream.'));
    }
    const report = await runProductImport(db, args, request.body);
    return { output: formatImportReport(report), report };
  });

  app.get('/internal/cli/export-products', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request)) return reply.status(403).send(errorBody('forbidden', 'Not allowed.'));
    const args = parseTransferArgs(exportArgs, request.query);
    // Without a configured public URL, the address the CLI reached this server on is the installation's.
    const csv = await runProductExport(db, args, requestBaseUrl(request, publicUrl));
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
}
