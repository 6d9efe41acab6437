import type { SeoAuditProduct } from './seo-audit-types.ts';

/** Tests only: the context paths the fixture's links need. */
export const fixtureValidPaths = ['/', '/collections/knitwear', '/pages/care'];

const description = [
  '<p>This <strong>merino sweater</strong> is knitted from extra-fine wool that keeps you warm on cold',
  'mornings and cool when the sun comes out.</p>',
  '<p>The crew neck sits close without pinching, the ribbed cuffs hold their shape after many washes, and',
  'the yarn is soft enough to wear straight on the skin. Find matching pieces in our',
  '<a href="/collections/knitwear">knitwear collection</a> and read the <a href="/pages/care">care guide</a>.',
  'Questions? <a href="mailto:help@shop.example">Write to us</a>.</p>',
].join(' ');

/** Tests only: a product that no rule complains about; override one field to make one rule fire. */
export function healthyProduct(overrides: Partial<SeoAuditProduct> = {}): SeoAuditProduct {
  return {
    id: 'prod_healthy',
    handle: 'merino-sweater-crew-neck',
    title: 'Merino Sweater, Crew Neck, Extra-Fine Wool',
    descriptionHtml: description,
    seoTitle: 'Merino Sweater for Men – Crew Neck in Extra-Fine Wool',
    seoDescription:
      'A soft merino sweater with a classic crew neck: warm, breathable and machine washable. Free delivery over €50.',
    focusKeyword: 'merino sweater',
    status: 'active',
    images: [
      { url: 'https://cdn.shop.example/sweater-front.jpg', alt: 'Merino sweater, front' },
      { url: 'https://cdn.shop.example/sweater-back.jpg', alt: 'Merino sweater, back' },
    ],
    urlPath: '/products/merino-sweater-crew-neck',
    locale: 'en',
    baseUrl: 'https://shop.example',
    ...overrides,
  };
}
