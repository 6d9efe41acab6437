import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeedItems } from './build-feed-items.ts';
import { feedStore, feedVariant, multiVariantProduct, simpleProduct } from './feed-fixture.ts';
import type { FeedProduct } from './feed-types.ts';

function only(product: FeedProduct) {
  const { items, warnings } = buildFeedItems(feedStore, product);
  assert.equal(items.length, 1);
  return { item: items[0]!, warnings };
}

test('a single-variant product becomes one item with the product link and no group', () => {
  const { item, warnings } = only(simpleProduct());
  assert.deepEqual(item, {
    id: 'var_mug',
    title: 'Stoneware Mug',
    description: 'A hand-glazed stoneware mug that holds 350 ml.\n\nDishwasher safe.',
    link: 'https://shop.example/products/stoneware-mug',
    image_link: 'https://shop.example/images/mug.jpg',
    additional_image_link: [],
    availability: 'in_stock',
    price: '12.50 EUR',
    brand: 'Clayworks',
    gtin: '4006381333931',
    mpn: 'MUG-350',
    condition: 'new',
    product_type: 'Home > Kitchen > Mugs',
    shipping_weight: '500 g',
  });
  assert.deepEqual(warnings, []);
});

test('variants of one product share item_group_id and get their own title, link and image', () => {
  const { items, warnings } = buildFeedItems(feedStore, multiVariantProduct());
  assert.deepEqual(warnings, []);
  const [navy, grey] = items;
  assert.equal(navy!.id, 'var_navy_m');
  assert.equal(navy!.item_group_id, 'prod_sweater');
  assert.equal(grey!.item_group_id, 'prod_sweater');
  assert.equal(navy!.title, 'Merino Sweater – Navy / M');
  assert.equal(navy!.link, 'https://shop.example/products/merino-sweater?variant=var_navy_m');
  assert.equal(navy!.image_link, 'https://cdn.example/sweater-navy.jpg');
  assert.deepEqual(navy!.additional_image_link, [
    'https://cdn.example/sweater-front.jpg',
    'https://cdn.example/sweater-back.jpg',
  ]);
  assert.equal(
    grey!.image_link,
    'https://cdn.example/sweater-front.jpg',
    'without its own image a variant shows the first',
  );
  assert.deepEqual(grey!.additional_image_link, ['https://cdn.example/sweater-back.jpg']);
  assert.equal(navy!.color, 'Navy');
  assert.equal(navy!.size, 'M');
  assert.equal(grey!.availability, 'out_of_stock');
  assert.equal(navy!.google_product_category, '212');
  assert.equal(navy!.identifier_exists, undefined, 'brand and MPN are enough');
});

test('sale price: a higher compare-at price becomes the price and the selling price the sale price', () => {
  const price = (priceAmount: number, compareAtAmount: number | null) =>
    only(simpleProduct({ variants: [feedVariant({ priceAmount, compareAtAmount })] })).item;
  const sale = price(1250, 1500);
  assert.equal(sale.price, '15.00 EUR');
  assert.equal(sale.sale_price, '12.50 EUR');
  for (const [amount, compareAt] of [
    [1250, 1250],
    [1250, 1000],
    [1250, null],
  ] as const) {
    const item = price(amount, compareAt);
    assert.equal(item.price, '12.50 EUR', `compare-at ${compareAt}`);
    assert.equal(item.sale_price, undefined, `compare-at ${compareAt}`);
  }
});

test('prices use the currency exponent', () => {
  const yen = buildFeedItems({ ...feedStore, currency: 'JPY' }, simpleProduct()).items[0]!;
  assert.equal(yen.price, '1250 JPY');
  const dinar = buildFeedItems({ ...feedStore, currency: 'KWD' }, simpleProduct()).items[0]!;
  assert.equal(dinar.price, '1.250 KWD');
});

test('an invalid barcode is left out with a warning; identifier_exists=no only without GTIN and without brand+MPN', () => {
  const invalid = only(simpleProduct({ variants: [feedVariant({ barcode: '4006381333932' })] }));
  assert.equal(invalid.item.gtin, undefined);
  assert.equal(invalid.item.identifier_exists, undefined, 'brand and MPN remain');
  assert.deepEqual(
    invalid.warnings.map((w) => [w.code, w.attribute]),
    [['invalid_gtin_omitted', 'gtin']],
  );
  assert.match(
    invalid.warnings[0]!.message,
    /4006381333932 was left out because its check digit is wrong \(the last digit should be 1\)/,
  );

  const noSku = only(simpleProduct({ variants: [feedVariant({ barcode: null, sku: null })] })).item;
  assert.equal(noSku.identifier_exists, 'no');
  const noBrand = only(simpleProduct({ vendor: '  ', variants: [feedVariant({ barcode: null })] })).item;
  assert.equal(noBrand.identifier_exists, 'no');
  assert.equal(noBrand.brand, undefined);
  const gtinOnly = only(simpleProduct({ vendor: null, variants: [feedVariant({ sku: null })] })).item;
  assert.equal(gtinOnly.identifier_exists, undefined);
});

test('option names map to Google attributes in several languages; gender and age group to Google values', () => {
  const item = only(
    simpleProduct({
      optionNames: ['Couleur', 'TALLA', 'Geschlecht', 'Age group', 'Matériau', 'Muster', 'Engraving'],
      variants: [feedVariant({ optionValues: ['Bleu', 'XL', 'Damen', 'Kids', 'Laine', 'Rayé', 'Yes'] })],
    }),
  ).item;
  assert.equal(item.color, 'Bleu');
  assert.equal(item.size, 'XL');
  assert.equal(item.gender, 'female');
  assert.equal(item.age_group, 'kids');
  assert.equal(item.material, 'Laine');
  assert.equal(item.pattern, 'Rayé');
  assert.equal(item.title, 'Stoneware Mug – Bleu / XL / Damen / Kids / Laine / Rayé / Yes');

  const unknown = only(
    simpleProduct({ optionNames: ['Gender'], variants: [feedVariant({ optionValues: ['Robots'] })] }),
  );
  assert.equal(unknown.item.gender, undefined);
  assert.deepEqual(
    unknown.warnings.map((w) => w.code),
    ['unknown_gender'],
  );
});

test('a placeholder variant name is not an option value', () => {
  const item = only(
    simpleProduct({ optionNames: ['Title'], variants: [feedVariant({ optionValues: ['Default Title'] })] }),
  ).item;
  assert.equal(item.title, 'Stoneware Mug');
});

test('long titles and descriptions are shortened to Google limits, with a warning', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const { item, warnings } = only(
    simpleProduct({
      title: words(40),
      descriptionHtml: `<p>${words(1200)}</p>`,
      optionNames: ['Size'],
      variants: [feedVariant({ optionValues: ['XXL'] })],
    }),
  );
  assert.ok(item.title.length <= 150, String(item.title.length));
  assert.ok(item.title.endsWith(' – XXL'), 'the option part survives');
  assert.ok(item.description.length <= 5000 && item.description.length > 4900);
  assert.ok(/word\d+$/.test(item.description), 'cut at a word boundary');
  assert.deepEqual(warnings.map((w) => w.code).sort(), ['description_shortened', 'title_shortened']);
});

test('at most ten additional images; duplicates and non-http URLs are dropped', () => {
  const images = [
    ...Array.from({ length: 13 }, (_, i) => `https://cdn.example/${i}.jpg`),
    'https://cdn.example/0.jpg',
    'ftp://x/y.jpg',
  ];
  const { item, warnings } = only(simpleProduct({ images }));
  assert.equal(item.image_link, 'https://cdn.example/0.jpg');
  assert.equal(item.additional_image_link.length, 10);
  assert.equal(item.additional_image_link[0], 'https://cdn.example/1.jpg');
  assert.deepEqual(
    warnings.map((w) => w.code),
    ['too_many_images'],
  );
});

test('no images and no weight mean no image_link and no shipping_weight', () => {
  const { item } = only(simpleProduct({ images: [], variants: [feedVariant({ weightGrams: null })] }));
  assert.equal(item.image_link, undefined);
  assert.equal(item.shipping_weight, undefined);
  assert.equal(
    only(simpleProduct({ variants: [feedVariant({ weightGrams: 12.5 })] })).item.shipping_weight,
    '12.5 g',
  );
});
