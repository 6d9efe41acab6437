import { parseMoney } from '../../../platform/money.ts';
import { MAX_ADDITIONAL_IMAGES, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS } from './build-feed-items.ts';
import type { FeedAttribute, FeedItem, FeedProblem, FeedProblemSeverity } from './feed-types.ts';
import { checkGtin, describeGtinProblem } from './gtin.ts';

/**
 * Checks an item against Google's product data specification. Errors are what Merchant Center
 * rejects (a missing image, a price it cannot read); warnings are what it accepts with limited
 * reach or ignores (a missing brand next to a GTIN, a colour name over 100 characters).
 */

export const MAX_ID_CHARS = 50;
export const MAX_URL_CHARS = 2000;

const availabilities = new Set(['in_stock', 'out_of_stock', 'preorder', 'backorder']);
const conditions = new Set(['new', 'refurbished', 'used']);
const genders = new Set(['male', 'female', 'unisex']);
const ageGroups = new Set(['newborn', 'infant', 'toddler', 'kids', 'adult']);
const shippingWeight = /^\d+(?:\.\d+)? (?:lb|oz|g|kg)$/;
const priceText = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Optional free-text attributes and the longest value Google takes. */
const optionalLengthLimits: [FeedAttribute, number][] = [
  ['item_group_id', 50],
  ['brand', 70],
  ['mpn', 70],
  ['color', 100],
  ['size', 100],
  ['material', 200],
  ['pattern', 100],
  ['product_type', 750],
  ['google_product_category', 750],
];

/** A short phrase per problem code for summaries: "12 items will be rejected: missing image". */
export const feedProblemLabels: Record<string, string> = {
  missing_id: 'missing id',
  id_too_long: 'id too long',
  missing_title: 'missing title',
  title_too_long: 'title too long',
  missing_description: 'missing description',
  description_too_long: 'description too long',
  missing_link: 'missing product link',
  invalid_link: 'invalid product link',
  missing_image: 'missing image',
  invalid_image_link: 'invalid image link',
  invalid_additional_image_link: 'invalid additional image link',
  too_many_images: 'more than 10 additional images',
  invalid_availability: 'invalid availability',
  missing_availability_date: 'preorder or backorder without a date',
  invalid_availability_date: 'invalid availability date',
  missing_price: 'missing price',
  invalid_price: 'invalid price',
  invalid_sale_price: 'invalid sale price',
  sale_price_not_below_price: 'sale price not below price',
  invalid_condition: 'invalid condition',
  invalid_gtin: 'invalid GTIN',
  missing_identifiers: 'no GTIN, no brand with MPN, and identifier_exists not "no"',
  missing_brand: 'missing brand',
  invalid_gender: 'invalid gender',
  invalid_age_group: 'invalid age group',
  invalid_shipping_weight: 'invalid shipping weight',
  value_too_long: 'value too long',
  title_shortened: 'title shortened',
  description_shortened: 'description shortened',
  invalid_gtin_omitted: 'invalid barcode left out',
  unknown_gender: 'gender option not recognised',
  unknown_age_group: 'age group option not recognised',
};

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** The amount in minor units of a "12.50 EUR" price, or null when Google could not read it either. */
function readPrice(text: string): number | null {
  const match = priceText.exec(text);
  if (!match) return null;
  try {
    return parseMoney(match[1]!, match[2]!).amount;
  } catch {
    return null;
  }
}

export function validateFeedItem(item: FeedItem): FeedProblem[] {
  const problems: FeedProblem[] = [];
  const itemId = item.id ?? '';
  const add = (severity: FeedProblemSeverity, code: string, attribute: FeedAttribute, message: string) =>
    problems.push({ itemId, severity, code, attribute, message });
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';

  if (blank(item.id)) add('error', 'missing_id', 'id', 'The item has no id.');
  else if (item.id.length > MAX_ID_CHARS)
    add(
      'error',
      'id_too_long',
      'id',
      `The id is ${item.id.length} characters; Google allows ${MAX_ID_CHARS}.`,
    );

  if (blank(item.title)) add('error', 'missing_title', 'title', 'The item has no title.');
  else if (item.title.length > MAX_TITLE_CHARS) {
    add(
      'error',
      'title_too_long',
      'title',
      `The title is ${item.title.length} characters; Google allows ${MAX_TITLE_CHARS}.`,
    );
  }

  if (blank(item.description))
    add('error', 'missing_description', 'description', 'The item has no description.');
  else if (item.description.length > MAX_DESCRIPTION_CHARS) {
    add(
      'error',
      'description_too_long',
      'description',
      `The description is ${item.description.length} characters; Google allows ${MAX_DESCRIPTION_CHARS}.`,
    );
  }

  if (blank(item.link)) add('error', 'missing_link', 'link', 'The item has no product page link.');
  else if (!isHttpUrl(item.link) || item.link.length > MAX_URL_CHARS) {
    add(
      'error',
      'invalid_link',
      'link',
      'The product link must be an absolute http(s) URL of at most 2000 characters.',
    );
  }

  if (blank(item.image_link))
    add(
      'error',
      'missing_image',
      'image_link',
      'The item has no image; Google does not list products without one.',
    );
  else if (!isHttpUrl(item.image_link!) || item.image_link!.length > MAX_URL_CHARS) {
    add(
      'error',
      'invalid_image_link',
      'image_link',
      'The image link must be an absolute http(s) URL of at most 2000 characters.',
    );
  }
  if (item.additional_image_link.length > MAX_ADDITIONAL_IMAGES) {
    add(
      'warning',
      'too_many_images',
      'additional_image_link',
      `Google reads only the first ${MAX_ADDITIONAL_IMAGES} additional images.`,
    );
  }
  if (item.additional_image_link.some((url) => !isHttpUrl(url))) {
    add(
      'warning',
      'invalid_additional_image_link',
      'additional_image_link',
      'An additional image link is not an absolute http(s) URL; Google ignores it.',
    );
  }

  if (!availabilities.has(item.availability)) {
    add(
      'error',
      'invalid_availability',
      'availability',
      `Availability “${item.availability}” is not one of in_stock, out_of_stock, preorder, backorder.`,
    );
  } else if (
    (item.availability === 'preorder' || item.availability === 'backorder') &&
    blank(item.availability_date)
  ) {
    add(
      'warning',
      'missing_availability_date',
      'availability_date',
      `Google asks for availability_date on ${item.availability} items.`,
    );
  }
  if (!blank(item.availability_date) && !isoDate.test(item.availability_date!)) {
    add(
      'warning',
      'invalid_availability_date',
      'availability_date',
      'The availability date is not an ISO 8601 date.',
    );
  }

  const priceAmount = blank(item.price) ? null : readPrice(item.price);
  if (blank(item.price)) add('error', 'missing_price', 'price', 'The item has no price.');
  else if (priceAmount === null || priceAmount <= 0) {
    add(
      'error',
      'invalid_price',
      'price',
      `The price “${item.price}” is not a positive amount followed by a currency code, like “12.50 EUR”.`,
    );
  }
  if (item.sale_price !== undefined) {
    const saleAmount = readPrice(item.sale_price);
    if (saleAmount === null || saleAmount <= 0) {
      add(
        'error',
        'invalid_sale_price',
        'sale_price',
        `The sale price “${item.sale_price}” is not a positive amount with a currency code.`,
      );
    } else if (
      priceAmount !== null &&
      (saleAmount >= priceAmount || item.sale_price.slice(-3) !== item.price.slice(-3))
    ) {
      add(
        'error',
        'sale_price_not_below_price',
        'sale_price',
        `The sale price ${item.sale_price} is not below the price ${item.price}.`,
      );
    }
  }

  if (!conditions.has(item.condition)) {
    add(
      'error',
      'invalid_condition',
      'condition',
      `Condition “${item.condition}” is not one of new, refurbished, used.`,
    );
  }

  if (item.gtin !== undefined) {
    const verdict = checkGtin(item.gtin);
    if (!verdict.valid)
      add(
        'error',
        'invalid_gtin',
        'gtin',
        `The GTIN ${item.gtin} is invalid: ${describeGtinProblem(verdict)}.`,
      );
  }
  if (item.identifier_exists !== 'no') {
    if (blank(item.gtin) && (blank(item.brand) || blank(item.mpn))) {
      add(
        'error',
        'missing_identifiers',
        'gtin',
        'The item needs a GTIN, or a brand with an MPN; if it has neither, identifier_exists must be “no”.',
      );
    } else if (blank(item.brand)) {
      add(
        'warning',
        'missing_brand',
        'brand',
        'The item has no brand; Google shows new products without one less often.',
      );
    }
  }

  if (item.gender !== undefined && !genders.has(item.gender)) {
    add('error', 'invalid_gender', 'gender', `Gender “${item.gender}” is not one of male, female, unisex.`);
  }
  if (item.age_group !== undefined && !ageGroups.has(item.age_group)) {
    add(
      'error',
      'invalid_age_group',
      'age_group',
      `Age group “${item.age_group}” is not one of newborn, infant, toddler, kids, adult.`,
    );
  }
  if (item.shipping_weight !== undefined && !shippingWeight.test(item.shipping_weight)) {
    add(
      'warning',
      'invalid_shipping_weight',
      'shipping_weight',
      `Shipping weight “${item.shipping_weight}” is not a number with lb, oz, g or kg.`,
    );
  }
  for (const [attribute, max] of optionalLengthLimits) {
    const value = item[attribute];
    if (typeof value === 'string' && value.length > max) {
      add(
        'warning',
        'value_too_long',
        attribute,
        `${attribute} is ${value.length} characters; Google takes ${max} and ignores longer values.`,
      );
    }
  }
  return problems;
}

export function hasErrors(problems: readonly FeedProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
