/** The rows of a raw `db.execute`: node-postgres answers a result object, PGlite (through drizzle) too, some drivers a bare array. */
export function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
