import path from 'node:path';
import { z } from 'zod';

/**
 * Typed configuration. Flags win over environment variables, which win over defaults, so that
 * `storepilot start --port 4000` behaves the same as `PORT=4000 storepilot start`.
 */
const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('127.0.0.1'),
  dataDir: z.string().default('./data'),
  databaseUrl: z.string().optional(),
  publicUrl: z.string().optional(),
  demo: z.boolean().default(true),
  /**
   * Server processes sharing the port (PostgreSQL only: the embedded database admits one process).
   * Each is a whole instance; instances coordinate through the database.
   */
  workers: z.coerce.number().int().min(1).max(64).default(1),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  jobs: z.boolean().default(true),
  jobPollMs: z.coerce.number().int().min(10).default(500),
  secureCookies: z.boolean().default(false),
  /** Largest product CSV the admin accepts for import (default 200 MB). */
  maxImportBytes: z.coerce
    .number()
    .int()
    .min(1)
    .default(200 * 1024 * 1024),
  /** Days an import's uploaded file may outlive the import at most (housekeeping removes it; default 7). */
  importFileRetentionDays: z.coerce.number().int().min(0).default(7),
  /** Hours a media file is kept before housekeeping may remove it as unreferenced (default 24). */
  mediaGraceHours: z.coerce.number().int().min(1).default(24),
  /** Outgoing mail server, e.g. smtps://user:pass@smtp.example.com; without it mail stays in the admin's outbox. */
  smtpUrl: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The address mail is sent from (stores' names are shown with it). */
  mailFrom: z
    .string()
    .regex(/^[^\s@<>"]+@[^\s@<>"]+$/, 'Use a plain address such as shop@example.com.')
    .default('storepilot@localhost'),
  /**
   * Port of the SMTP listener that receives customers' mail for the support inbox; off unless set
   * (0 picks a free port). Production points the MX of the support domain at it (or relays to it).
   */
  supportSmtpPort: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address the support SMTP listener binds (default: `host`). */
  supportSmtpHost: z.string().optional(),
  /** Domain of reply addresses (support+<token>@domain) and Message-IDs; default: the domain of `mailFrom`. */
  supportMailDomain: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'Use a domain such as support.example.com.')
    .optional(),
  /** Largest inbound support e-mail accepted, whole (default 25 MB); larger ones get a 552. */
  supportMaxMessageBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigFlags {
  port?: string | number;
  host?: string;
  dataDir?: string;
  demo?: boolean;
  logLevel?: string;
  workers?: string | number;
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    port: flags.port ?? env.PORT,
    host: flags.host ?? env.HOST,
    dataDir: flags.dataDir ?? env.STOREPILOT_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.STOREPILOT_PUBLIC_URL || undefined,
    demo: flags.demo ?? (env.STOREPILOT_DEMO ? env.STOREPILOT_DEMO !== 'false' : undefined),
    workers: flags.workers ?? env.STOREPILOT_WORKERS,
    logLevel: flags.logLevel ?? env.LOG_LEVEL,
    jobs: env.STOREPILOT_JOBS ? env.STOREPILOT_JOBS !== 'false' : undefined,
    jobPollMs: env.STOREPILOT_JOB_POLL_MS,
    secureCookies: env.STOREPILOT_SECURE_COOKIES ? env.STOREPILOT_SECURE_COOKIES === 'true' : undefined,
    maxImportBytes: env.STOREPILOT_MAX_IMPORT_BYTES,
    importFileRetentionDays: env.STOREPILOT_IMPORT_FILE_RETENTION_DAYS,
    mediaGraceHours: env.STOREPILOT_MEDIA_GRACE_HOURS,
    smtpUrl: env.STOREPILOT_SMTP_URL || undefined,
    mailFrom: env.STOREPILOT_MAIL_FROM || undefined,
    supportSmtpPort: env.STOREPILOT_SUPPORT_SMTP_PORT || undefined,
    supportSmtpHost: env.STOREPILOT_SUPPORT_SMTP_HOST || undefined,
    supportMailDomain: env.STOREPILOT_SUPPORT_MAIL_DOMAIN || undefined,
    supportMaxMessageBytes: env.STOREPILOT_SUPPORT_MAX_MESSAGE_BYTES || undefined,
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
