import type { FastifyReply, FastifyRequest } from 'fastify';
import { isVisitorId } from '../../modules/analytics/index.ts';
import type { Cart, PriceCartOptions } from '../../modules/checkout/index.ts';
import {
  type AssignedVariant,
  applyExperimentPoint,
  type ExperimentAssignments,
  experimentPoint,
  exposedOn,
  freeShippingThreshold,
} from '../../modules/experiments/index.ts';
import { freeShippingFrom, loadShippingConfig } from '../../modules/shipping/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { VISITOR_COOKIE } from '../analytics/storefront-tracking.ts';
import { requestCookie } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';
import { type ExperimentVisitor, withExperiments } from './shopper-experiments.ts';

/** What the storefront lends the cart and checkout to follow a visitor's experiments. */
export interface CartExperiments {
  assignments: ExperimentAssignments;
  /** Analytics tracks the pages (it then sets a first visitor's cookie with the page). */
  tracked: boolean;
}

/**
 * The site with the visitor's variants of the experiments whose points are in the cart, checkout
 * and order placement (the free-shipping threshold), assigned as on every other page: by the
 * analytics visitor, the same variant every request. These pages are never page-cached, so no
 * cache key carries it. Other experiments' elements (the banner) are not on these pages.
 *
 * A post without the visitor's cookie (a headless client that keeps none) would be a new visitor
 * with a fresh variant on every request: it gets the store's own terms instead.
 */
export async function withCartExperiments(
  db: Db,
  experiments: CartExperiments | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
  site: StorefrontSite,
): Promise<{ site: StorefrontSite; visitor: ExperimentVisitor | null }> {
  if (!experiments) return { site, visitor: null };
  // A shipped threshold (a rollout) is everyone's, cookie or not.
  const rollouts = onCart((await experiments.assignments.live(site.store.id)).rollouts);
  const withRollouts = rollouts.length > 0 ? { ...site, experiments: rollouts } : site;
  if (request.method !== 'GET' && !isVisitorId(requestCookie(request, VISITOR_COOKIE))) {
    return { site: withRollouts, visitor: null };
  }
  const { visitor } = await withExperiments(db, experiments.assignments, request, reply, site, {
    tracked: experiments.tracked,
  });
  if (!visitor) return { site: withRollouts, visitor: null };
  const here = exposedOn(visitor.assigned, { kind: 'cart' });
  const shown = [...rollouts, ...here];
  return {
    site: shown.length > 0 ? { ...site, experiments: shown } : site,
    visitor: { visitorId: visitor.visitorId, assigned: here },
  };
}

/** The rollouts whose change is on the cart, checkout and order placement. */
function onCart(rollouts: readonly AssignedVariant[]): AssignedVariant[] {
  return rollouts.filter((a) => experimentPoint(a.point)?.appearsOn(a.change, { kind: 'cart' }) ?? false);
}

/**
 * The pricing option that gives the shopper their variant's shipping terms: the same for the cart's
 * estimate, every checkout step and order placement. None for a draft order's cart (staff priced
 * it for the customer with the store's rates) or a visitor in no such experiment.
 */
export function shippingTermsOf(
  site: StorefrontSite,
  cart?: Pick<Cart, 'kind'>,
): Pick<PriceCartOptions, 'shippingTerms'> {
  const assigned = site.experiments;
  if (cart?.kind === 'draft' || !assigned?.some((a) => a.point === freeShippingThreshold.key)) return {};
  return { shippingTerms: (config) => applyExperimentPoint(freeShippingThreshold, assigned, config) };
}

/**
 * The subtotal from which delivery to a country ships free in a currency, with the visitor's
 * variant: what a "Free shipping over €50" note says. Null without a country or a threshold there.
 */
export async function shownFreeShippingFrom(
  db: Db,
  site: StorefrontSite,
  where: { country: string | null; currency: string },
): Promise<number | null> {
  if (!where.country) return null;
  const config = applyExperimentPoint(
    freeShippingThreshold,
    site.experiments,
    await loadShippingConfig(db, site.store),
  );
  return freeShippingFrom(config, { country: where.country, currency: where.currency });
}

/**
 * A product page's "Free shipping on orders from €50" for the shopper's country and currency, with
 * the visitor's variant: on the site for the page to show (the page cache key must carry it, as the
 * variant). Where no rate ships free there is no note, and the threshold's experiment is taken off
 * the page so that it does not count the visitor as exposed.
 */
export async function withFreeShippingNote(db: Db, site: StorefrontSite): Promise<StorefrontSite> {
  const currency = site.market?.currency ?? site.store.baseCurrency;
  const amount = await shownFreeShippingFrom(db, site, { country: site.market?.country ?? null, currency });
  if (amount !== null) return { ...site, freeShippingFrom: { amount, currency } };
  if (!site.experiments?.some((a) => a.point === freeShippingThreshold.key)) return site;
  return { ...site, experiments: site.experiments.filter((a) => a.point !== freeShippingThreshold.key) };
}

/**
 * Counts the visitor in the threshold's experiment where it was shown or applied (the cart's
 * estimate, checkout's options, the placed order): once per visitor, as every exposure. Nothing
 * for a visitor in none, or where no rate ships free (there is no threshold to see in either arm).
 */
export async function exposeToThreshold(
  experiments: CartExperiments | undefined,
  request: FastifyRequest,
  site: StorefrontSite,
  visitor: ExperimentVisitor | null,
  threshold: number | null,
): Promise<void> {
  if (!experiments || !visitor || threshold === null) return;
  const shown = visitor.assigned.filter((a) => a.point === freeShippingThreshold.key);
  await experiments.assignments
    .recordExposures(site.store.id, visitor.visitorId, shown)
    .catch((err: unknown) => request.log.warn({ err }, 'experiment exposure not recorded'));
}
