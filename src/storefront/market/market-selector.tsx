import { cartPaths } from '../cart/cart-paths.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import type { StorefrontSite } from '../site.ts';
import { byCountryName, countryName } from './country-names.ts';
import { OTHER_COUNTRIES } from './shopper-market.ts';

/**
 * The footer's country selector: where the shopper buys from, and so the currency prices are in.
 * A plain form (posting to /market, which sets the `sp_market` cookie and comes back); a changed
 * choice submits it when script runs. Only for stores that sell in more than one market.
 */
export function MarketSelector({ site }: { site: StorefrontSite }) {
  const market = site.market;
  if (!market || market.choices.length === 0) return null;
  const t = messagesFor(site.locale);
  const currencyOf = new Map(market.choices.map((c) => [c.country ?? OTHER_COUNTRIES, c.currency]));
  const named = byCountryName(
    site.locale,
    market.choices.flatMap((c) => (c.country ? [c.country] : [])),
  );
  const selected = market.country && currencyOf.has(market.country) ? market.country : OTHER_COUNTRIES;
  return (
    <form method="post" action={cartPaths.market(site)} class="market-form">
      <label for="market-country">{t.marketCountry}</label>
      <select id="market-country" name="country" data-autosubmit>
        {named.map((code) => (
          <option key={code} value={code} selected={code === selected}>
            {countryName(site.locale, code)} ({currencyOf.get(code)})
          </option>
        ))}
        <option value={OTHER_COUNTRIES} selected={selected === OTHER_COUNTRIES}>
          {t.marketOtherCountries} ({currencyOf.get(OTHER_COUNTRIES)})
        </option>
      </select>
      <button type="submit" class="js-hide">
        {t.marketUpdate}
      </button>
    </form>
  );
}
