/**
 * A new purchase order can start filled in from its address: `supplierId` and `lines`, written
 * `variantId:quantity,variantId:quantity` (the reorder suggestions' "Draft purchase order", a
 * supplier's "New purchase order"), or `supplierId` and `from=forecast` (the supplier's forecast
 * reorders, worked out when the link is opened). Anything malformed is dropped, so a hand-edited link still opens
 * the form.
 */

export interface PurchaseOrderPrefill {
  supplierId?: string;
  /** As in the address, cleaned: `var_1:48,var_2:12`. */
  lines?: string;
  /**
   * `forecast`: with a supplier and no lines, the lines are that supplier's forecast reorders as
   * they stand when the link is opened (a daily briefing links here without computing them).
   */
  from?: 'forecast';
  /** For `from=forecast`: the service level, a share in (0, 1); 95% when left out. */
  serviceLevel?: number;
}

export interface PrefillLine {
  variantId: string;
  quantity: number;
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** As many lines as an order takes. */
const maxLines = 500;
const maxQuantity = 1_000_000;

/** The lines a `lines` value names: well-formed pairs, each variant once (the first wins). */
export function parsePrefillLines(value: unknown): PrefillLine[] {
  if (typeof value !== 'string') return [];
  const lines: PrefillLine[] = [];
  const seen = new Set<string>();
  for (const pair of value.split(',')) {
    const match = /^([^:]+):(\d{1,7})$/.exec(pair.trim());
    if (!match) continue;
    const variantId = match[1]!;
    const quantity = Number(match[2]);
    if (!idPattern.test(variantId) || quantity < 1 || quantity > maxQuantity || seen.has(variantId)) continue;
    seen.add(variantId);
    lines.push({ variantId, quantity });
    if (lines.length === maxLines) break;
  }
  return lines;
}

/** The `lines` value for these lines (undefined for none, so the address leaves it out). */
export function prefillLinesParam(lines: readonly PrefillLine[]): string | undefined {
  return lines.length ? lines.map((l) => `${l.variantId}:${l.quantity}`).join(',') : undefined;
}

/** Reads the create screen's search part. */
export function parsePurchaseOrderPrefill(search: Record<string, unknown>): PurchaseOrderPrefill {
  const supplierId =
    typeof search.supplierId === 'string' && idPattern.test(search.supplierId)
      ? search.supplierId
      : undefined;
  const lines = prefillLinesParam(parsePrefillLines(search.lines));
  const fromForecast = search.from === 'forecast';
  const level = Number(search.serviceLevel);
  return {
    ...(supplierId ? { supplierId } : {}),
    ...(lines ? { lines } : {}),
    ...(fromForecast ? { from: 'forecast' as const } : {}),
    ...(fromForecast && level > 0 && level < 1 ? { serviceLevel: level } : {}),
  };
}
