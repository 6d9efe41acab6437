import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, errorBody, pgErrorCode } from '../errors.ts';

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = '') {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/** Maps every thrown thing to the error model; only a genuine bug becomes a 500. */
export function mapError(err: unknown): Mapped {
  if (err instanceof AppError)
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (err instanceof ZodError) {
    return {
      status: 400,
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: zodIssues(err.issues),
    };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'body';
    return {
      status: 400,
      code: 'validation_failed',
      message: 'Some fields are not valid.',
      details: fe.validation.map((v) => ({
        path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message,
      })),
    };
  }
  if (fe.validation) {
    return { status: 400, code: 'validation_failed', message: fe.message, details: fe.validation };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send JSON with Content-Type: application/json.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The JSON body is empty.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' };
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) {
    return { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' };
  }
  if (fe.statusCode === 429) return { status: 429, code: 'rate_limited', message: fe.message };
  const sqlState = pgErrorCode(err);
  if (sqlState === '23505')
    return { status: 409, code: 'conflict', message: 'This conflicts with an existing record.' };
  if (sqlState?.startsWith('22'))
    return { status: 400, code: 'invalid_value', message: 'A value is out of range or malformed.' };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'bad_request', message: fe.message };
  }
  return {
    status: 500,
    code: 'internal_error',
    message: 'Something went wrong on our side. It has been logged.',
  };
}

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const mapped = mapError(err);
  if (mapped.status >= 500) request.log.error({ err }, 'request failed');
  if (mapped.status === 429 && mapped.details && typeof mapped.details === 'object') {
    const retry = (mapped.details as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retry) reply.header('retry-after', String(retry));
  }
  return reply.status(mapped.status).send(errorBody(mapped.code, mapped.message, mapped.details));
}
