import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import {
  addMember,
  createApiKey,
  createStore,
  createUser,
  type Permission,
  type Role,
  rolePermissions,
  systemActor,
} from '../../src/modules/access/index.ts';
import type { Database } from '../../src/platform/db/database.ts';

export const TEST_PASSWORD = 'correct horse battery';
const actor = systemActor('test');
let userCounter = 0;

/** The whole app on a test database, with background work off so tests drive it explicitly. */
export async function startTestApp(database: Database) {
  const config = { ...loadConfig({ dataDir: '/nonexistent', logLevel: 'silent' }, {}), jobs: false };
  return buildApp({ config, database });
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function makeStore(database: Database, handle: string, currency = 'EUR') {
  return createStore(database.db, actor, { handle, name: `Store ${handle}`, baseCurrency: currency });
}

export async function makeMember(database: Database, storeId: string, role: Role) {
  const email = `${role}-${++userCounter}-${process.pid}@example.test`;
  await createUser(database.db, actor, { email, password: TEST_PASSWORD, name: `${role} person` });
  await addMember(database.db, actor, storeId, { email, role });
  return { email, password: TEST_PASSWORD };
}

export async function makeApiKey(database: Database, storeId: string, perms: readonly Permission[]) {
  const { key } = await createApiKey(
    database.db,
    actor,
    storeId,
    { name: 'test key', permissions: [...perms] },
    new Set(perms),
  );
  return key;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export class Browser {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  static async signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Browser> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'sp_session');
    if (!cookie) throw new Error('no session cookie');
    return new Browser(app, `sp_session=${cookie.value}`, res.json().csrfToken);
  }

  request(options: InjectOptions & { csrf?: boolean }) {
    const { csrf = true, headers, ...rest } = options;
    return this.app.inject({
      ...rest,
      headers: { ...headers, cookie: this.cookie, ...(csrf ? { 'x-csrf-token': this.csrfToken } : {}) },
    } as InjectOptions);
  }
}

export function withApiKey(app: FastifyInstance, key: string) {
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...options.headers, authorization: `Bearer ${key}` },
    } as InjectOptions);
}
