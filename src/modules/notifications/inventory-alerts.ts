import type { Db } from '../../platform/db/database.ts';
import { eventsOfTypes, type OutboxConsumer } from '../../platform/events/index.ts';
import { findStore } from '../access/index.ts';
import { findStockVariants, type StockVariant } from '../catalog/index.ts';
import { openNotification, resolveNotification } from './notifications.ts';

/** What the inventory module says when a variant's available stock crosses its threshold. */
interface StockStatePayload {
  variantId: string;
  available: number;
  lowStockThreshold: number | null;
}

/** One open notification per variant: running low and out of stock replace each other. */
export const inventoryNotificationKey = (variantId: string) => `inventory:${variantId}`;

/** The admin's inventory screen, opened on the variant (admin/src/router.tsx: /admin/stores/$store/…). */
export const inventoryLink = (storeHandle: string, variantId: string) =>
  `/admin/stores/${storeHandle}/inventory?variant=${encodeURIComponent(variantId)}`;

function variantName(variant: StockVariant | undefined, variantId: string): string {
  if (!variant) return variantId;
  return variant.title ? `${variant.productTitle} – ${variant.title}` : variant.productTitle;
}

export function lowStockText(
  variant: StockVariant | undefined,
  variantId: string,
  payload: StockStatePayload,
) {
  return {
    title: `Running low: ${variantName(variant, variantId)} (${payload.available} left)`,
    body:
      payload.lowStockThreshold === null
        ? `${payload.available} available across active locations.`
        : `${payload.available} available across active locations; the low-stock threshold is ${payload.lowStockThreshold}.`,
  };
}

export function outOfStockText(
  variant: StockVariant | undefined,
  variantId: string,
  payload: StockStatePayload,
) {
  const backorder = variant?.inventoryPolicy === 'continue';
  const owed = payload.available < 0 ? ` (${-payload.available} back-ordered)` : '';
  return {
    title: `Out of stock: ${variantName(variant, variantId)}${owed}`,
    body: backorder
      ? 'Nothing available across active locations; it keeps selling on back-order.'
      : 'Nothing available across active locations; customers cannot buy it until it is restocked.',
  };
}

/** What the inventory module says when a variant starts or stops running out (running-out-watch.ts). */
interface RunningOutPayload {
  variantId: string;
  available: number;
  soldPerDay: number;
  daysOfCover: number | null;
  leadTimeDays: number | null;
  stockState: string;
}

/** "2.5 a day", or per week under one a day. */
function rateWords(perDay: number): string {
  return perDay >= 1 ? `${Number(perDay.toFixed(1))} a day` : `${Number((perDay * 7).toFixed(1))} a week`;
}

export function runningOutText(
  variant: StockVariant | undefined,
  variantId: string,
  payload: RunningOutPayload,
) {
  const days = payload.daysOfCover ?? 0;
  const supplier =
    payload.leadTimeDays !== null && payload.leadTimeDays >= days
      ? ` Its supplier takes ${payload.leadTimeDays} days to deliver: reorder now.`
      : '';
  return {
    title: `Runs out in ${days} day${days === 1 ? '' : 's'}: ${variantName(variant, variantId)}`,
    body: `${payload.available} available, selling ${rateWords(payload.soldPerDay)} over the last four weeks.${supplier}`,
  };
}

/**
 * Turns stock alerts into the team's notifications: `inventory.low` and `inventory.out` open (or
 * replace) the variant's notification, `inventory.restocked` resolves it. `inventory.running_out`
 * opens one for a variant above its threshold (a low or out one already has a stronger one), and
 * `inventory.running_out_cleared` resolves it only if it is still that one. Runs in the
 * dispatcher's transaction; idempotent, as events may come twice.
 */
export const inventoryAlertsConsumer: OutboxConsumer = {
  name: 'notifications.inventory',
  select: eventsOfTypes([
    'inventory.low',
    'inventory.out',
    'inventory.restocked',
    'inventory.running_out',
    'inventory.running_out_cleared',
  ]),
  async handle(db: Db, event) {
    if (!event.storeId || !event.type.startsWith('inventory.')) return;
    const payload = event.payload as unknown as StockStatePayload;
    if (typeof payload.variantId !== 'string') return;
    const key = inventoryNotificationKey(payload.variantId);
    if (event.type === 'inventory.restocked') {
      await resolveNotification(db, event.storeId, key, event.createdAt);
      return;
    }
    if (event.type === 'inventory.running_out_cleared') {
      await resolveNotification(db, event.storeId, key, event.createdAt, { topic: 'inventory.running_out' });
      return;
    }
    const runningOut = event.type === 'inventory.running_out';
    if (runningOut && (event.payload as unknown as RunningOutPayload).stockState !== 'ok') return;
    if (event.type !== 'inventory.low' && event.type !== 'inventory.out' && !runningOut) return;
    const store = await findStore(db, event.storeId);
    if (!store) return;
    const variant = (await findStockVariants(db, event.storeId, [payload.variantId])).get(payload.variantId);
    const text = runningOut
      ? runningOutText(variant, payload.variantId, event.payload as unknown as RunningOutPayload)
      : event.type === 'inventory.low'
        ? lowStockText(variant, payload.variantId, payload)
        : outOfStockText(variant, payload.variantId, payload);
    await openNotification(db, {
      storeId: event.storeId,
      topic: event.type,
      key,
      severity: event.type === 'inventory.out' ? 'critical' : 'warning',
      ...text,
      link: inventoryLink(store.handle, payload.variantId),
      at: event.createdAt,
    });
  },
};
