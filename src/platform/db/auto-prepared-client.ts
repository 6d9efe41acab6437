import { createHash } from 'node:crypto';
import { SerialClient } from './serial-client.ts';

/**
 * A PostgreSQL connection that turns every parameterised statement into a named prepared statement
 * of its own, as drivers such as pgx and postgres.js do. node-postgres sends an unnamed statement's
 * text with every call, and the server parses and plans it each time: on the checkout benchmark a
 * quarter of the database's CPU per order went there. Named, a statement is parsed once per
 * connection, and the server may keep its plan.
 *
 * Only statements with parameters are named: those without (transaction control, migrations' multi-
 * statement scripts) may hold several commands, which a prepared statement cannot. A connection keeps
 * at most `namedPerConnection`; statements whose text varies without end (an `in (…)` list of any
 * length) then go unnamed, so the server's memory per connection stays bounded. A statement whose
 * result columns changed under it (a `select *` across a migration) fails once, as PostgreSQL
 * refuses to run the stale plan, and goes unnamed on that connection from then on.
 *
 * `STOREPILOT_DB_PREPARE=false` turns it off, for a connection pooler in transaction mode (which
 * cannot follow prepared statements across its connections): the pool then uses `SerialClient`, which
 * this builds on (statements sent together run one after another).
 */
export class AutoPreparedClient extends SerialClient {
  /** How many statements one connection prepares at most. */
  static namedPerConnection = 1000;

  readonly #named = new Set<string>();
  /** Statements whose prepared form went stale on this connection: sent unnamed. */
  readonly #stale = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query has a dozen overloads; every form passes through
  protected override send(config: any, values?: any, callback?: any): any {
    const named = this.#withName(config, values);
    if (!named) return super.send(config, values, callback);
    const result: unknown = super.send(named, values, callback);
    // The promise form (all drizzle uses): note a stale statement, and pass the error on.
    if (result instanceof Promise) {
      return result.catch((err: unknown) => {
        if (isStalePlan(err)) this.#stale.add(named.name);
        throw err;
      });
    }
    return result;
  }

  /** The config to send as a named statement, or undefined to send the call as it is. */
  #withName(config: unknown, values: unknown): (QueryConfig & { name: string }) | undefined {
    let base: QueryConfig;
    if (typeof config === 'string') {
      base = { text: config };
    } else if (config && typeof config === 'object') {
      base = config as QueryConfig;
      // A Submittable (cursor, COPY stream) or a statement already named runs as asked.
      if (typeof base.submit === 'function' || base.name !== undefined || typeof base.text !== 'string') {
        return undefined;
      }
    } else {
      return undefined;
    }
    const params = Array.isArray(values) ? values : base.values;
    if (!Array.isArray(params) || params.length === 0) return undefined;
    const name = statementName(base.text as string);
    if (name === undefined || this.#stale.has(name)) return undefined;
    if (!this.#named.has(name)) {
      if (this.#named.size >= (this.constructor as typeof AutoPreparedClient).namedPerConnection)
        return undefined;
      this.#named.add(name);
    }
    return { ...base, name };
  }
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };

/** Names by statement text, shared by all connections; bounded like a connection's own set. */
const namesByText = new Map<string, string>();
const knownTextsAtMost = 5000;

function statementName(text: string): string | undefined {
  let name = namesByText.get(text);
  if (name === undefined) {
    if (namesByText.size >= knownTextsAtMost) return undefined;
    name = `sp_${createHash('sha1').update(text).digest('base64url')}`;
    namesByText.set(text, name);
  }
  return name;
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed (0A000). */
function isStalePlan(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan');
}
