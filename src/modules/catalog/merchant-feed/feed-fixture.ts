import type { FeedProduct, FeedStore, FeedVariant } from './feed-types.ts';

/** Tests only: a store and products that produce valid items unless a test overrides a field. */
export const feedStore: FeedStore = {
  name: 'Demo Store',
  baseUrl: 'https://shop.example',
  currency: 'EUR',
  language: 'en',
  country: 'DE',
};

export function feedVariant(overrides: Partial<FeedVariant> = {}): FeedVariant {
  return {
    id: 'var_mug',
    optionValues: [],
    sku: 'MUG-350',
    barcode: '4006381333931',
    priceAmount: 1250,
    compareAtAmount: null,
    availability: 'in_stock',
    weightGrams: 500,
    imageUrl: null,
    ...overrides,
  };
}

/** One product, one variant, no options. */
export function simpleProduct(overrides: Partial<FeedProduct> = {}): FeedProduct {
  return {
    id: 'prod_mug',
    title: 'Stoneware Mug',
    descriptionHtml: '<p>A hand-glazed stoneware mug that holds 350&nbsp;ml.</p><p>Dishwasher safe.</p>',
    path: '/products/stoneware-mug',
    vendor: 'Clayworks',
    categoryPath: 'Home > Kitchen > Mugs',
    images: ['/images/mug.jpg'],
    optionNames: [],
    variants: [feedVariant()],
    ...overrides,
  };
}

/** One product, two variants over colour and size options named in German. */
export function multiVariantProduct(overrides: Partial<FeedProduct> = {}): FeedProduct {
  return {
    id: 'prod_sweater',
    title: 'Merino Sweater',
    descriptionHtml: '<p>Extra-fine merino, knitted in Portugal.</p>',
    path: 'https://shop.example/products/merino-sweater',
    vendor: 'Woolly',
    categoryPath: 'Apparel > Knitwear',
    googleProductCategory: '212',
    images: ['https://cdn.example/sweater-front.jpg', 'https://cdn.example/sweater-back.jpg'],
    optionNames: ['Farbe', 'Größe'],
    variants: [
      feedVariant({
        id: 'var_navy_m',
        optionValues: ['Navy', 'M'],
        sku: 'MS-NAVY-M',
        barcode: null,
        priceAmount: 4999,
        compareAtAmount: 6999,
        weightGrams: 350,
        imageUrl: 'https://cdn.example/sweater-navy.jpg',
      }),
      feedVariant({
        id: 'var_grey_l',
        optionValues: ['Grey', 'L'],
        sku: 'MS-GREY-L',
        barcode: null,
        priceAmount: 4999,
        compareAtAmount: null,
        availability: 'out_of_stock',
        weightGrams: 380,
      }),
    ],
    ...overrides,
  };
}
