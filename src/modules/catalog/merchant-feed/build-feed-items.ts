import { formatMinorAsDecimal } from '../../../platform/money.ts';
import { readDescriptionHtml } from '../seo/description-html.ts';
import { clipText, withoutUnusableCharacters } from './feed-text.ts';
import type { FeedItem, FeedProblem, FeedProduct, FeedStore, FeedVariant } from './feed-types.ts';
import { checkGtin, describeGtinProblem } from './gtin.ts';
import { ageGroupValue, genderValue, optionAttribute } from './option-attributes.ts';

/**
 * Turns a product and its variants into Merchant Center items, one per variant: the variant id is
 * the item id and, when the product has several variants, the product id groups them. Values that
 * Google would reject are left out with a warning instead (an invalid GTIN, an unknown gender).
 */

export const MAX_TITLE_CHARS = 150;
export const MAX_DESCRIPTION_CHARS = 5000;
export const MAX_ADDITIONAL_IMAGES = 10;

/** Shopify and others name the only variant of an option-less product like this; it is not an option value. */
const placeholderOptionValues = new Set(['default title', 'default']);

// Control characters go before anything else, so whitespace collapses and lengths count as shown.
const clean = withoutUnusableCharacters;

export interface BuiltFeedItems {
  items: FeedItem[];
  /** Values left out or shortened while building; the items are still valid. */
  warnings: FeedProblem[];
}

/** An absolute http(s) URL for `url` (relative ones resolve against the store), or null. */
function absoluteUrl(url: string | null | undefined, base: string): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  try {
    const resolved = new URL(trimmed, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

function price(amount: number, currency: string): string {
  return `${formatMinorAsDecimal(amount, currency)} ${currency}`;
}

function grams(weight: number): string {
  return `${Number(weight.toFixed(3))} g`;
}

function meaningfulOptionValues(variant: FeedVariant): string[] {
  return variant.optionValues
    .map((value) => clean(value).trim())
    .filter((value) => value !== '' && !placeholderOptionValues.has(value.toLowerCase()));
}

/** "Merino Sweater – Navy / M", shortening the product's part when the whole would pass 150 characters. */
function variantTitle(productTitle: string, values: string[]): { title: string; shortened: boolean } {
  const base = clean(productTitle).replace(/\s+/g, ' ').trim();
  const suffix = values.length > 0 ? ` – ${values.join(' / ')}` : '';
  const full = `${base}${suffix}`;
  if (full.length <= MAX_TITLE_CHARS) return { title: full, shortened: false };
  const room = MAX_TITLE_CHARS - suffix.length;
  const title = room >= 20 ? `${clipText(base, room)}${suffix}` : clipText(full, MAX_TITLE_CHARS);
  return { title, shortened: true };
}

function describeProduct(product: FeedProduct): { description: string; shortened: boolean } {
  const text = readDescriptionHtml(clean(product.descriptionHtml)).text;
  if (text.length <= MAX_DESCRIPTION_CHARS) return { description: text, shortened: false };
  return { description: clipText(text, MAX_DESCRIPTION_CHARS), shortened: true };
}

export function buildFeedItems(store: FeedStore, product: FeedProduct): BuiltFeedItems {
  const items: FeedItem[] = [];
  const warnings: FeedProblem[] = [];
  const grouped = product.variants.length > 1;
  const { description, shortened: descriptionShortened } = describeProduct(product);
  const productUrl = absoluteUrl(product.path, store.baseUrl);
  const productImages: string[] = [];
  for (const image of product.images) {
    const url = absoluteUrl(image, store.baseUrl);
    if (url && !productImages.includes(url)) productImages.push(url);
  }
  const brand = clean(product.vendor ?? '').trim() || undefined;
  const optionAttributes = product.optionNames.map(optionAttribute);

  for (const variant of product.variants) {
    const warn = (code: string, attribute: FeedProblem['attribute'], message: string) =>
      warnings.push({ itemId: variant.id, severity: 'warning', code, attribute, message });

    const values = meaningfulOptionValues(variant);
    const { title, shortened } = variantTitle(product.title, values);
    if (shortened)
      warn('title_shortened', 'title', `The title was shortened to Google's ${MAX_TITLE_CHARS} characters.`);
    if (descriptionShortened) {
      warn(
        'description_shortened',
        'description',
        `The description was shortened to Google's ${MAX_DESCRIPTION_CHARS} characters.`,
      );
    }

    let link = productUrl ?? '';
    if (productUrl && grouped) {
      const url = new URL(productUrl);
      url.searchParams.set('variant', variant.id);
      link = url.href;
    }

    const imageLink = absoluteUrl(variant.imageUrl, store.baseUrl) ?? productImages[0];
    const additional = productImages.filter((url) => url !== imageLink);
    if (additional.length > MAX_ADDITIONAL_IMAGES) {
      warn(
        'too_many_images',
        'additional_image_link',
        `Only the first ${MAX_ADDITIONAL_IMAGES} additional images are listed; Google takes no more.`,
      );
    }

    const onSale = variant.compareAtAmount !== null && variant.compareAtAmount > variant.priceAmount;
    const item: FeedItem = {
      id: variant.id,
      title,
      description,
      link,
      additional_image_link: additional.slice(0, MAX_ADDITIONAL_IMAGES),
      availability: variant.availability,
      price: price(onSale ? variant.compareAtAmount! : variant.priceAmount, store.currency),
      condition: product.condition ?? 'new',
    };
    if (grouped) item.item_group_id = product.id;
    if (imageLink) item.image_link = imageLink;
    if (variant.availabilityDate) item.availability_date = variant.availabilityDate;
    if (onSale) item.sale_price = price(variant.priceAmount, store.currency);
    if (brand) item.brand = brand;

    const barcode = variant.barcode?.trim();
    if (barcode) {
      const verdict = checkGtin(barcode);
      if (verdict.valid) item.gtin = verdict.gtin;
      else
        warn(
          'invalid_gtin_omitted',
          'gtin',
          `The barcode ${barcode} was left out because ${describeGtinProblem(verdict)}.`,
        );
    }
    const sku = clean(variant.sku ?? '').trim();
    if (sku) item.mpn = sku;
    if (!item.gtin && !(item.mpn && item.brand)) item.identifier_exists = 'no';

    if (product.googleProductCategory?.trim())
      item.google_product_category = product.googleProductCategory.trim();
    if (product.categoryPath?.trim()) item.product_type = product.categoryPath.trim();
    if (variant.weightGrams !== null && variant.weightGrams > 0)
      item.shipping_weight = grams(variant.weightGrams);

    variant.optionValues.forEach((raw, index) => {
      const attribute = optionAttributes[index];
      const value = clean(raw).trim();
      if (!attribute || value === '' || item[attribute] !== undefined) return;
      if (attribute === 'gender' || attribute === 'age_group') {
        const mapped = attribute === 'gender' ? genderValue(value) : ageGroupValue(value);
        if (mapped) item[attribute] = mapped;
        else
          warn(
            `unknown_${attribute}`,
            attribute,
            `“${value}” is not a ${attribute.replace('_', ' ')} Google knows, so it was left out.`,
          );
        return;
      }
      item[attribute] = value;
    });

    items.push(item);
  }
  return { items, warnings };
}
