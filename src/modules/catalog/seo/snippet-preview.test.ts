import assert from 'node:assert/strict';
import { test } from 'node:test';
import { healthyProduct } from './seo-audit-fixture.ts';
import { SNIPPET_FONT_PX, SNIPPET_MAX_PX, TITLE_MAX_PX, textWidthPx } from './serp-width.ts';
import { snippetPreview } from './snippet-preview.ts';

test('a product with short meta fields is shown as written, with a breadcrumb URL', () => {
  const preview = snippetPreview(healthyProduct(), 'Demo Store', 'https://shop.example');
  assert.deepEqual(preview, {
    siteName: 'Demo Store',
    displayUrl: 'https://shop.example › products › merino-sweater-crew-neck',
    title: 'Merino Sweater for Men – Crew Neck in Extra-Fine Wool',
    titleTruncated: false,
    titleWidthPx: preview.titleWidthPx,
    description: healthyProduct().seoDescription,
    descriptionTruncated: false,
    descriptionSource: 'meta_description',
  });
  assert.ok(preview.titleWidthPx > 300 && preview.titleWidthPx <= TITLE_MAX_PX);
});

test('long fields are cut by width with an ellipsis; without meta fields the page text and "Title | Store" are used', () => {
  const preview = snippetPreview(
    healthyProduct({
      seoTitle: null,
      title: 'Merino Wool Crew Neck Sweater for Men in Navy, Grey, Black and Forest Green',
      seoDescription: null,
      urlPath: '/s/demo/products/caf%C3%A9-sweater',
    }),
    'Demo Store',
    'https://shop.example/',
  );
  assert.equal(preview.titleTruncated, true);
  assert.ok(preview.title.startsWith('Merino Wool Crew Neck Sweater for Men in Navy'));
  assert.ok(preview.title.endsWith('…'));
  assert.equal(preview.descriptionSource, 'page_text');
  assert.equal(preview.descriptionTruncated, true);
  assert.ok(preview.description.startsWith('This merino sweater is knitted from extra-fine wool'));
  assert.ok(preview.description.endsWith('…'));
  assert.ok(!preview.description.includes('<'), 'no markup in the snippet');
  assert.ok(textWidthPx(preview.description, SNIPPET_FONT_PX) <= SNIPPET_MAX_PX);
  assert.ok(preview.description.length <= 165, String(preview.description.length));
  assert.equal(preview.displayUrl, 'https://shop.example › s › demo › products › café-sweater');
});

test('a short product title with the store name fits and is not cut', () => {
  const preview = snippetPreview(
    healthyProduct({ seoTitle: '  ', title: 'Merino Sweater' }),
    'Demo Store',
    'https://shop.example',
  );
  assert.equal(preview.title, 'Merino Sweater | Demo Store');
  assert.equal(preview.titleTruncated, false);
});
