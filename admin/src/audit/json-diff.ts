/**
 * What an audited change did, field by field: nested objects are walked into dotted paths
 * (`price.amount`), arrays and scalars are compared as whole values.
 */
export type FieldChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  path: string;
  kind: FieldChangeKind;
  before?: unknown;
  after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  into.set(prefix, value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffJson(before: unknown, after: unknown): FieldChange[] {
  const old = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, '', old);
  if (after !== null && after !== undefined) flatten(after, '', now);
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const inOld = old.has(path);
    const inNow = now.has(path);
    if (inOld && inNow) {
      if (!sameValue(old.get(path), now.get(path))) {
        changes.push({ path, kind: 'changed', before: old.get(path), after: now.get(path) });
      }
    } else if (inNow) {
      changes.push({ path, kind: 'added', after: now.get(path) });
    } else {
      changes.push({ path, kind: 'removed', before: old.get(path) });
    }
  }
  return changes;
}

/** A value as one short line for a diff table. */
export function describeValue(value: unknown, maxLength = 140): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
