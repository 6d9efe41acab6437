import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFeedItems } from './build-feed-items.ts';
import { feedStore, simpleProduct } from './feed-fixture.ts';
import type { FeedItem } from './feed-types.ts';
import { validateFeedItem } from './validate-feed-item.ts';

function validItem(): FeedItem {
  return buildFeedItems(feedStore, simpleProduct()).items[0]!;
}

function problemsOf(overrides: Partial<FeedItem>) {
  return validateFeedItem({ ...validItem(), ...overrides }).map((p) => [p.severity, p.code, p.attribute]);
}

test('a complete item has no problems', () => {
  assert.deepEqual(validateFeedItem(validItem()), []);
});

test('each required attribute is reported when missing, with a plain message', () => {
  assert.deepEqual(problemsOf({ id: '' }), [['error', 'missing_id', 'id']]);
  assert.deepEqual(problemsOf({ title: ' ' }), [['error', 'missing_title', 'title']]);
  assert.deepEqual(problemsOf({ description: '' }), [['error', 'missing_description', 'description']]);
  assert.deepEqual(problemsOf({ link: '' }), [['error', 'missing_link', 'link']]);
  assert.deepEqual(problemsOf({ image_link: undefined }), [['error', 'missing_image', 'image_link']]);
  assert.deepEqual(problemsOf({ price: '' }), [['error', 'missing_price', 'price']]);
  const [missingImage] = validateFeedItem({ ...validItem(), image_link: undefined });
  assert.equal(missingImage!.message, 'The item has no image; Google does not list products without one.');
  assert.equal(missingImage!.itemId, 'var_mug');
});

test('length limits: id 50, title 150, description 5000', () => {
  assert.deepEqual(problemsOf({ id: 'x'.repeat(50) }), []);
  assert.deepEqual(problemsOf({ id: 'x'.repeat(51) }), [['error', 'id_too_long', 'id']]);
  assert.deepEqual(problemsOf({ title: 't'.repeat(150) }), []);
  assert.deepEqual(problemsOf({ title: 't'.repeat(151) }), [['error', 'title_too_long', 'title']]);
  assert.deepEqual(problemsOf({ description: 'd'.repeat(5000) }), []);
  const tooLong = validateFeedItem({ ...validItem(), description: 'd'.repeat(5001) });
  assert.equal(tooLong[0]!.message, 'The description is 5001 characters; Google allows 5000.');
});

test('links must be absolute http(s) URLs', () => {
  assert.deepEqual(problemsOf({ link: '/products/mug' }), [['error', 'invalid_link', 'link']]);
  assert.deepEqual(problemsOf({ image_link: 'ftp://cdn.example/mug.jpg' }), [
    ['error', 'invalid_image_link', 'image_link'],
  ]);
  assert.deepEqual(problemsOf({ additional_image_link: ['mug.jpg'] }), [
    ['warning', 'invalid_additional_image_link', 'additional_image_link'],
  ]);
});

test('availability, condition, gender and age group accept only Google values', () => {
  assert.deepEqual(problemsOf({ availability: 'available' }), [
    ['error', 'invalid_availability', 'availability'],
  ]);
  assert.deepEqual(problemsOf({ availability: 'preorder' }), [
    ['warning', 'missing_availability_date', 'availability_date'],
  ]);
  assert.deepEqual(problemsOf({ availability: 'preorder', availability_date: '2025-03-01T00:00:00Z' }), []);
  assert.deepEqual(problemsOf({ condition: 'mint' }), [['error', 'invalid_condition', 'condition']]);
  assert.deepEqual(problemsOf({ gender: 'men' }), [['error', 'invalid_gender', 'gender']]);
  assert.deepEqual(problemsOf({ age_group: 'teen' }), [['error', 'invalid_age_group', 'age_group']]);
});

test('prices must read as a positive amount with a currency; a sale price must be lower', () => {
  assert.deepEqual(problemsOf({ price: '12,50 EUR' }), [['error', 'invalid_price', 'price']]);
  assert.deepEqual(problemsOf({ price: '0.00 EUR' }), [['error', 'invalid_price', 'price']]);
  assert.deepEqual(problemsOf({ price: '12.505 EUR' }), [['error', 'invalid_price', 'price']]);
  assert.deepEqual(problemsOf({ price: '15.00 EUR', sale_price: '12.50 EUR' }), []);
  assert.deepEqual(problemsOf({ sale_price: '12.50 EUR' }), [
    ['error', 'sale_price_not_below_price', 'sale_price'],
  ]);
  assert.deepEqual(problemsOf({ sale_price: 'cheap' }), [['error', 'invalid_sale_price', 'sale_price']]);
});

test('identifiers: a GTIN, or brand with MPN, or identifier_exists=no', () => {
  assert.deepEqual(problemsOf({ gtin: '4006381333932' }), [['error', 'invalid_gtin', 'gtin']]);
  assert.deepEqual(problemsOf({ gtin: undefined }), [], 'brand and MPN suffice');
  assert.deepEqual(problemsOf({ gtin: undefined, mpn: undefined }), [
    ['error', 'missing_identifiers', 'gtin'],
  ]);
  assert.deepEqual(problemsOf({ gtin: undefined, mpn: undefined, identifier_exists: 'no' }), []);
  assert.deepEqual(problemsOf({ brand: undefined }), [['warning', 'missing_brand', 'brand']]);
});

test('over-long optional values and malformed weights are warnings, not rejections', () => {
  assert.deepEqual(problemsOf({ color: 'c'.repeat(101) }), [['warning', 'value_too_long', 'color']]);
  assert.deepEqual(problemsOf({ shipping_weight: '500 grams' }), [
    ['warning', 'invalid_shipping_weight', 'shipping_weight'],
  ]);
});
