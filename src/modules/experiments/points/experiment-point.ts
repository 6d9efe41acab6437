import type { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/index.ts';
import type { ShipOutcome } from '../experiment-vocabulary.ts';

/**
 * The storefront pages an integration point can appear on (their cache keys carry its variant).
 * `cart` stands for the cart, the checkout and order placement: never page-cached, they assign by
 * the visitor on every request.
 */
export type ExperimentPage = { kind: 'home' } | { kind: 'product'; productId: string } | { kind: 'cart' };

/** Who ships a winner, and what they may change elsewhere in the store. */
export interface ShipContext {
  storeId: string;
  actor: Actor;
  /** The shipper may make changes to live products (catalog:publish); else they are staged for review. */
  canPublish: boolean;
}

/** What a point's `ship` did, and the sentence the audit keeps. */
export interface PointShipped {
  outcome: Exclude<ShipOutcome, 'rollout'>;
  sentence: string;
}

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
  /**
   * Makes the winning change part of the store's own data (a product's text), inside the ship's
   * transaction; returns what it did (for the record and the audit). A point without it ships as a
   * standing rollout: every visitor sees the winner from then on (docs/experiments.md, "Shipping").
   */
  ship?(tx: Db, change: Change, context: ShipContext): Promise<PointShipped>;
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
