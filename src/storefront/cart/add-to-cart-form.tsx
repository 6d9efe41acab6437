import { type ProductVariant, variantTitle } from '../../modules/catalog/index.ts';
import type { StockAvailability } from '../../modules/inventory/index.ts';
import { formatMoney } from '../../platform/money.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { ShownPrice } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';
import { cartPaths } from './cart-paths.ts';

/**
 * The product page's add-to-cart form: a plain post to /cart/lines (variant and quantity), so it
 * works without script. Sold-out variants cannot be chosen; a product with none left says so.
 */
export function AddToCartForm(props: {
  site: StorefrontSite;
  variants: readonly ProductVariant[];
  selectedId: string | undefined;
  stock: ReadonlyMap<string, StockAvailability> | undefined;
  priceOf: (variant: ProductVariant) => ShownPrice;
}) {
  const { site, variants, stock, priceOf } = props;
  const t = messagesFor(site.locale);
  const soldOut = (v: ProductVariant) => stock?.get(v.id)?.status === 'out_of_stock';
  const buyable = variants.filter((v) => !soldOut(v));
  if (buyable.length === 0) {
    return (
      <div class="buy">
        <button type="button" disabled>
          {t.soldOut}
        </button>
      </div>
    );
  }
  const selected = buyable.find((v) => v.id === props.selectedId) ?? buyable[0]!;
  return (
    <form method="post" action={cartPaths.lines(site)} class="buy">
      {variants.length > 1 ? (
        <label>
          {t.chooseOption}
          <select name="variantId">
            {variants.map((v) => {
              const price = priceOf(v);
              return (
                <option key={v.id} value={v.id} selected={v.id === selected.id} disabled={soldOut(v)}>
                  {variantTitle(v)} · {formatMoney(price.amount, price.currency, site.locale)}
                  {soldOut(v) ? ` · ${t.outOfStock}` : ''}
                </option>
              );
            })}
          </select>
        </label>
      ) : (
        <input type="hidden" name="variantId" value={selected.id} />
      )}
      <label>
        {t.cartQuantity}
        <input type="number" name="quantity" value="1" min="1" max="9999" inputMode="numeric" required />
      </label>
      <button type="submit">{t.addToCart}</button>
    </form>
  );
}
