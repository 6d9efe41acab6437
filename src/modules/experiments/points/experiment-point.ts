import type { z } from 'zod';

/**
 * The storefront pages an integration point can appear on (their cache keys carry its variant).
 * `cart` stands for the cart, the checkout and order placement: never page-cached, they assign by
 * the visitor on every request.
 */
export type ExperimentPage = { kind: 'home' } | { kind: 'product'; productId: string } | { kind: 'cart' };

/**
 * A place on the storefront an experiment can change. `schema` checks a variant's change when the
 * experiment is saved; `apply` makes the change to what the page would otherwise show; `appearsOn`
 * says whether the element is on a page, so an exposure is recorded only where it was rendered.
 */
export interface ExperimentPoint<Change, Subject> {
  readonly key: string;
  readonly description: string;
  readonly schema: z.ZodType<Change>;
  /** Page kinds whose cached copies differ by this point's variant. */
  readonly pageKinds: readonly ExperimentPage['kind'][];
  appearsOn(change: Change, page: ExperimentPage): boolean;
  apply(change: Change, subject: Subject): Subject;
  /** A rule across all variants' changes (e.g. the same product in each); a message when broken. */
  checkVariants?(changes: readonly Change[]): string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds points of every change type.
type AnyPoint = ExperimentPoint<any, any>;

const registry = new Map<string, AnyPoint>();

/** Registers an integration point; each key once. */
export function defineExperimentPoint<Change, Subject>(
  point: ExperimentPoint<Change, Subject>,
): ExperimentPoint<Change, Subject> {
  if (registry.has(point.key)) throw new Error(`experiment point ${point.key} is defined twice`);
  registry.set(point.key, point);
  return point;
}

export function experimentPoint(key: string): AnyPoint | undefined {
  return registry.get(key);
}

export function experimentPoints(): AnyPoint[] {
  return [...registry.values()];
}
