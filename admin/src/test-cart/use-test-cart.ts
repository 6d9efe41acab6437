import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StockRow } from '../inventory/inventory-types.ts';
import { marketPricesQuery, marketsQuery } from '../markets/market-queries.ts';
import type { Market } from '../markets/market-types.ts';
import { moneyText, parseMoneyText } from '../money/MoneyInput.tsx';
import { useCurrentStore } from '../stores/current-store.tsx';

/** A line of a made-up cart: a catalog variant, how many, and its unit price as typed. */
export interface TestCartLine {
  variantId: string;
  productId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  quantity: number;
  /** In the cart's currency, as a MoneyInput holds it; filled with the market's price when added. */
  unitPrice: string;
}

/** A line with its unit price read: null while the typed price is not an amount. */
export interface PricedLine extends TestCartLine {
  unitAmount: number | null;
  priceError: string | null;
}

export interface TestCart {
  markets: Market[];
  market: Market | null;
  currency: string;
  lines: PricedLine[];
  /** Σ unit × quantity of the lines whose price reads; null while one does not. */
  subtotal: number | null;
  chooseMarket: (marketId: string) => void;
  addVariant: (variant: StockRow) => void;
  setQuantity: (variantId: string, quantity: number) => void;
  setUnitPrice: (variantId: string, text: string) => void;
  removeLine: (variantId: string) => void;
  /** Whether some line's price is not an amount (the form should not be sent). */
  invalid: boolean;
}

/**
 * A cart to try the terms of sale on (tax, shipping, discounts): variants of the catalog priced as
 * the chosen market's shoppers would pay (the markets module's price calculation), each price
 * changeable. Choosing another market prices the lines again in its currency.
 */
export function useTestCart(): TestCart {
  const { store } = useCurrentStore();
  const queryClient = useQueryClient();
  const marketList = useQuery(marketsQuery(store.handle));
  const markets = marketList.data ?? [];
  const [marketId, setMarketId] = useState<string | null>(null);
  const [lines, setLines] = useState<TestCartLine[]>([]);
  const market = markets.find((m) => m.id === marketId) ?? markets.find((m) => m.isPrimary) ?? null;
  const currency = market?.currency ?? store.baseCurrency;

  /** The market's prices of the variants, as text; empty for those it cannot price (no rate). */
  const pricesIn = async (target: Market | null, variantIds: string[]): Promise<Map<string, string>> => {
    if (!target || variantIds.length === 0) return new Map();
    try {
      const priced = await queryClient.fetchQuery(
        marketPricesQuery(store.handle, target.id, { variantIds: [...variantIds].sort() }),
      );
      return new Map(priced.items.map((p) => [p.variantId, moneyText(p.amount, p.currency)]));
    } catch {
      return new Map();
    }
  };

  const chooseMarket = (id: string) => {
    const next = markets.find((m) => m.id === id) ?? null;
    setMarketId(id);
    void pricesIn(
      next,
      lines.map((l) => l.variantId),
    ).then((prices) =>
      setLines((current) => current.map((l) => ({ ...l, unitPrice: prices.get(l.variantId) ?? '' }))),
    );
  };

  const addVariant = (variant: StockRow) => {
    if (lines.some((l) => l.variantId === variant.variantId)) return;
    setLines((current) => [
      ...current,
      {
        variantId: variant.variantId,
        productId: variant.productId,
        productTitle: variant.productTitle,
        variantTitle: variant.title,
        sku: variant.sku,
        quantity: 1,
        unitPrice: '',
      },
    ]);
    void pricesIn(market, [variant.variantId]).then((prices) =>
      setLines((current) =>
        current.map((l) =>
          l.variantId === variant.variantId && l.unitPrice === ''
            ? { ...l, unitPrice: prices.get(l.variantId) ?? '' }
            : l,
        ),
      ),
    );
  };

  const update = (variantId: string, change: Partial<TestCartLine>) =>
    setLines((current) => current.map((l) => (l.variantId === variantId ? { ...l, ...change } : l)));

  const priced: PricedLine[] = lines.map((line) => {
    const parsed = parseMoneyText(line.unitPrice, currency);
    return {
      ...line,
      unitAmount: parsed.ok ? parsed.amount : null,
      priceError: parsed.ok ? null : parsed.message,
    };
  });
  const invalid = priced.some((l) => l.unitAmount === null);
  const subtotal = invalid ? null : priced.reduce((sum, l) => sum + l.unitAmount! * l.quantity, 0);

  return {
    markets,
    market,
    currency,
    lines: priced,
    subtotal,
    chooseMarket,
    addVariant,
    setQuantity: (variantId, quantity) => update(variantId, { quantity }),
    setUnitPrice: (variantId, unitPrice) => update(variantId, { unitPrice }),
    removeLine: (variantId) => setLines((current) => current.filter((l) => l.variantId !== variantId)),
    invalid,
  };
}
