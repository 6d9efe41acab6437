import pino, { type Logger } from 'pino';

/**
 * JSON logs. Fields that could carry personal data are redacted wherever they appear, and request
 * logs carry method, route and status only — never bodies, query strings with e-mails, or cookies.
 */
export const redactedPaths = [
  'email',
  '*.email',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'key',
  '*.key',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'address',
  '*.address',
  'phone',
  '*.phone',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'storepilot' } },
    destination,
  );
}

export type { Logger };
