import type { Db } from '../../../platform/db/database.ts';
import { formatMoney, moneyOf } from '../../../platform/money.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { type ReorderSuggestion, reorderSuggestions } from '../../inventory/index.ts';
import { adminPath, type BriefingAction, type BriefingContext } from '../briefing-types.ts';
import { plural } from './action-wording.ts';

function variantName(s: ReorderSuggestion): string {
  return s.variantTitle ? `${s.productTitle} – ${s.variantTitle}` : s.productTitle;
}

/** Days the stock available and on its way lasts at the rate it sells. */
function stockDays(s: ReorderSuggestion): number {
  const { soldPerDay, available, incoming } = s.calculation;
  return soldPerDay > 0 ? Math.max(0, available + incoming) / soldPerDay : Number.POSITIVE_INFINITY;
}

/**
 * Days the variant will have nothing to sell before an order placed today arrives: the lead time
 * less the days its stock lasts (none when it lasts longer).
 */
function daysShort(s: ReorderSuggestion): number {
  const { leadTimeDays } = s.calculation;
  if (leadTimeDays === null) return 0;
  return Math.max(0, leadTimeDays - stockDays(s));
}

/**
 * Reorders from the inventory module's suggestions for everything running out or already out while
 * it was selling (`state: 'needs-stock'`): one action per
 * supplier, linking to a new purchase order already filled with that supplier's lines (the draft is
 * one click from being saved), and one for running-out variants no supplier sells. At stake: the
 * sales lost in the days each variant will be out before the delivery comes, at its price.
 */
export async function reorderActions(db: Db, context: BriefingContext): Promise<BriefingAction[]> {
  const suggestions = await reorderSuggestions(db, context.store, { state: 'needs-stock' });
  const toOrder = suggestions.items.filter((s) => s.reason === 'order' && s.supplier);
  const variants = await findStockVariants(
    db,
    context.store.id,
    toOrder.map((s) => s.variantId),
  );
  const currency = context.store.baseCurrency;
  const actions: BriefingAction[] = suggestions.groups.map((group) => {
    const items = toOrder.filter((s) => s.supplier?.id === group.supplier.id);
    const lost = items.reduce(
      (sum, s) =>
        sum + s.calculation.soldPerDay * daysShort(s) * (variants.get(s.variantId)?.priceAmount ?? 0),
      0,
    );
    const soonest = [...items].sort((a, b) => stockDays(a) - stockDays(b))[0];
    const lines = items.map((s) => `${s.variantId}:${s.quantity}`).join(',');
    const search = new URLSearchParams({ supplierId: group.supplier.id, lines });
    const delivery = `${group.supplier.name} delivers in ${plural(group.supplier.leadTimeDays, 'day', 'days')}.`;
    const runsOut =
      soonest && Number.isFinite(stockDays(soonest))
        ? stockDays(soonest) <= 0
          ? `${variantName(soonest)} is out of stock; ${delivery}`
          : `${variantName(soonest)} runs out in ${plural(Math.floor(stockDays(soonest)), 'day', 'days')}; ${delivery}`
        : '';
    return {
      kind: 'reorder',
      urgency: items.some((s) => daysShort(s) > 0) ? 'now' : 'today',
      title: `Reorder ${plural(items.length, 'variant', 'variants')} from ${group.supplier.name}: the draft purchase order is ready`,
      detail:
        `${plural(group.units, 'unit', 'units')} for ${formatMoney(group.total.amount, group.total.currency, 'en')}. ${runsOut}` +
        (group.belowSupplierMinimum
          ? ' The order is below the supplier’s minimum: add to it before sending.'
          : ''),
      link: `${adminPath(context.store.handle, 'purchasing/new')}?${search}`,
      atStake: lost > 0 ? moneyOf(Math.round(lost), currency) : null,
    };
  });
  const unsupplied = suggestions.items.filter((s) => s.reason === 'no_supplier');
  if (unsupplied.length > 0) {
    actions.push({
      kind: 'no_supplier',
      urgency: 'today',
      title: `Find a supplier for ${plural(unsupplied.length, 'variant', 'variants')} running out or out of stock`,
      detail: `${unsupplied.slice(0, 3).map(variantName).join(', ')}${unsupplied.length > 3 ? ' and more' : ''}: no active supplier sells them.`,
      link: `${adminPath(context.store.handle, 'inventory')}?state=running-out`,
      atStake: null,
    });
  }
  return actions;
}
