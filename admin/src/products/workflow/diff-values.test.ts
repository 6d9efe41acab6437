import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLabel, formatDiffValue } from './diff-values.ts';

test('money in the diff is shown in the store currency; price ranges as from – to', () => {
  assert.equal(
    formatDiffValue('price', { amount: 5900 }, 'EUR'),
    formatDiffValue('price', { min: 5900, max: 5900 }, 'EUR'),
  );
  assert.match(formatDiffValue('price', { amount: 5900 }, 'EUR'), /59[.,]00/);
  assert.match(formatDiffValue('compareAtPrice', { amount: 1200 }, 'JPY'), /1,?200/);
  assert.match(formatDiffValue('price', { min: 100, max: 250 }, 'USD'), /1\.00.*–.*2\.50/);
});

test('empty values read as a dash, flags as yes/no, lists joined', () => {
  assert.equal(formatDiffValue('seoTitle', null, 'EUR'), '—');
  assert.equal(formatDiffValue('compareAtPrice', null, 'EUR'), '—');
  assert.equal(formatDiffValue('taxable', false, 'EUR'), 'No');
  assert.equal(formatDiffValue('optionValues', ['Sand', 'L'], 'EUR'), 'Sand, L');
  assert.equal(formatDiffValue('inventoryPolicy', 'continue', 'EUR'), 'Keep selling');
  assert.equal(fieldLabel('seoDescription'), 'SEO description');
  assert.equal(fieldLabel('somethingNew'), 'somethingNew');
});

test('translations are named by their language; an image by its address, an upload by the end of its hash', () => {
  assert.equal(fieldLabel('translations.fr'), 'French translation');
  assert.equal(fieldLabel('translations.de-CH'), 'Swiss High German translation');
  assert.equal(fieldLabel('optionValue'), 'Option value');
  assert.equal(
    formatDiffValue('image', `/media/${'a'.repeat(58)}123456.png`, 'EUR'),
    'uploaded image …123456.png',
  );
  assert.equal(
    formatDiffValue('image', 'https://cdn.example.com/a.jpg', 'EUR'),
    'https://cdn.example.com/a.jpg',
  );
  assert.equal(formatDiffValue('image', null, 'EUR'), '—');
});
