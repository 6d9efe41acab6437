import pg from 'pg';

/**
 * A PostgreSQL connection that runs the statements it is given one after another by itself.
 *
 * A transaction is one connection, and code that takes a `Db` may be handed one: reads started
 * together (`Promise.all`) then reach the same connection at once. node-postgres 8 still queues
 * them, but says it will stop in version 9 (its "already executing a query" deprecation). Here a
 * statement sent while another is running waits for it to settle, success or failure, then goes:
 * the same order and outcome as node-postgres' queue, without relying on it. A failed statement
 * inside a transaction still aborts the ones behind it, as the server decides.
 *
 * Only the promise form (all of drizzle's calls) is ordered here; a callback or a submittable
 * (cursor, COPY stream) is handed to node-postgres as it is.
 */
export class SerialClient extends pg.Client {
  /** Settles when the last statement sent through the promise form has; undefined when none runs. */
  #tail: Promise<unknown> | undefined;

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query has a dozen overloads; every form passes through
  override query(config: any, values?: any, callback?: any): any {
    const direct =
      typeof callback === 'function' ||
      typeof values === 'function' ||
      (config &&
        typeof config === 'object' &&
        (typeof config.submit === 'function' || typeof config.callback === 'function'));
    if (direct) return this.send(config, values, callback);
    const previous = this.#tail;
    const result: Promise<unknown> = previous
      ? previous.then(
          () => this.send(config, values),
          () => this.send(config, values),
        )
      : this.send(config, values);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tail = settled;
    void settled.then(() => {
      if (this.#tail === settled) this.#tail = undefined;
    });
    return result;
  }

  /** One statement as node-postgres runs it; subclasses change what is sent here. */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  protected send(config: any, values?: any, callback?: any): any {
    return super.query(config, values, callback);
  }
}
