import { z } from 'zod';
import {
  addMember,
  permissions as allPermissions,
  createApiKey,
  createStore,
  createUser,
  findUserByEmail,
  getStore,
  roles,
  systemActor,
} from '../modules/access/index.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';

/**
 * Administrative commands shared by the CLI and the running server's loopback CLI endpoint, so
 * `storepilot user create` does the same thing whether or not a server holds the database.
 */
const actor = systemActor('cli');

const commandSchemas = {
  'store create': z.object({
    handle: z.string(),
    name: z.string(),
    currency: z.string(),
    locale: z.string().optional(),
    timezone: z.string().optional(),
    domain: z.string().optional(),
  }),
  'user create': z.object({
    email: z.string(),
    password: z.string(),
    name: z.string().optional(),
    store: z.string().optional(),
    role: z.enum(roles).default('owner'),
  }),
  'apikey create': z.object({
    store: z.string(),
    name: z.string(),
    permissions: z.string().optional(),
  }),
} as const;

export type AdminCommand = keyof typeof commandSchemas;
export const adminCommands = Object.keys(commandSchemas) as AdminCommand[];

export function isAdminCommand(name: string): name is AdminCommand {
  return name in commandSchemas;
}

export async function runAdminCommand(
  db: Db,
  command: AdminCommand,
  rawArgs: Record<string, unknown>,
): Promise<string> {
  const parsed = commandSchemas[command].safeParse(rawArgs);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n  ');
    throw new AppError(400, 'invalid_arguments', `Invalid arguments for "${command}":\n  ${missing}`);
  }
  switch (command) {
    case 'store create': {
      const a = commandSchemas['store create'].parse(rawArgs);
      const store = await createStore(db, actor, {
        handle: a.handle,
        name: a.name,
        baseCurrency: a.currency,
        locale: a.locale,
        timezone: a.timezone,
        domains: a.domain ? [a.domain] : [],
      });
      return `Created store ${store.name} (${store.handle}, ${store.id}) in ${store.baseCurrency}.`;
    }
    case 'user create': {
      const a = commandSchemas['user create'].parse(rawArgs);
      const existing = await findUserByEmail(db, a.email);
      const user =
        existing ?? (await createUser(db, actor, { email: a.email, password: a.password, name: a.name }));
      const lines = [
        existing ? `User ${user.email} already exists; password unchanged.` : `Created user ${user.email}.`,
      ];
      if (a.store) {
        const store = await getStore(db, a.store);
        await addMember(db, actor, store.id, { email: user.email, role: a.role });
        lines.push(`Added to ${store.name} as ${a.role}.`);
      }
      return lines.join('\n');
    }
    case 'apikey create': {
      const a = commandSchemas['apikey create'].parse(rawArgs);
      const store = await getStore(db, a.store);
      const wanted = a.permissions
        ? a.permissions
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [...allPermissions];
      const { apiKey, key } = await createApiKey(
        db,
        actor,
        store.id,
        { name: a.name, permissions: wanted },
        new Set(allPermissions),
      );
      return [
        `Created API key "${apiKey.name}" (${apiKey.id}) for ${store.name} with: ${apiKey.permissions.join(', ')}`,
        '',
        `  ${key}`,
        '',
        'This is the only time the key is shown. Use it as: Authorization: Bearer <key>',
      ].join('\n');
    }
  }
}
