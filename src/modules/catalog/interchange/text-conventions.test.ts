import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { guardFormula, unguardFormula } from './formula-guard.ts';
import { joinEscapedList, splitEscapedList, splitPlainList } from './list-cells.ts';
import {
  decodeWooMultiline,
  encodeWooMultiline,
  htmlToPlainText,
  pickCategory,
  plainTextToHtml,
} from './woocommerce/woocommerce-text.ts';

const pool = fc.constantFrom(
  'a',
  'B',
  ' ',
  ',',
  '\\',
  'n',
  '\n',
  "'",
  '=',
  '-',
  '@',
  '+',
  '&',
  '<',
  '>',
  ';',
  '#',
  'é',
);
const anyText = fc.string({ unit: pool, maxLength: 20 });

describe('list cells', () => {
  it('splits Shopify tags on commas, trimmed, without blanks or repeats', () => {
    assert.deepEqual(splitPlainList('Made to Order, Shirt Tag,, Shirt Tag ,'), [
      'Made to Order',
      'Shirt Tag',
    ]);
  });

  it('reads WooCommerce lists with \\, as a comma inside a value', () => {
    assert.deepEqual(splitEscapedList('Red\\, dark, Blue', 'woocommerce'), ['Red, dark', 'Blue']);
  });

  it('keeps any trimmed values through a Storepilot list', () => {
    const value = anyText.map((s) => s.trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.uniqueArray(value, { maxLength: 5 }), (values) => {
        assert.deepEqual(splitEscapedList(joinEscapedList(values, 'storepilot'), 'storepilot'), values);
      }),
    );
  });
});

describe('formula guard', () => {
  it('defuses cells a spreadsheet would run, and reading undoes exactly that', () => {
    assert.equal(guardFormula('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(guardFormula("'plain"), "'plain");
    fc.assert(fc.property(anyText, (text) => assert.equal(unguardFormula(guardFormula(text)), text)));
  });
});

describe('WooCommerce text', () => {
  it('writes line breaks as \\n and reads them back', () => {
    assert.equal(encodeWooMultiline('<p>a</p>\n<p>b</p>'), '<p>a</p>\\n<p>b</p>');
    assert.equal(decodeWooMultiline('<p>a</p>\\n<p>b</p>'), '<p>a</p>\n<p>b</p>');
    const text = anyText.filter((s) => !/\\\n/.test(s));
    fc.assert(fc.property(text, (s) => assert.equal(decodeWooMultiline(encodeWooMultiline(s)), s)));
  });

  it('turns a short description into plain text for the SEO description', () => {
    assert.equal(
      htmlToPlainText('<p>Soft &amp; warm</p>\n<p>Made&nbsp;here &#x2014; 100&#37;</p>'),
      'Soft & warm Made here — 100%',
    );
    const text = anyText.map((s) => s.replace(/\s+/g, ' ').trim());
    fc.assert(fc.property(text, (s) => assert.equal(htmlToPlainText(plainTextToHtml(s)), s)));
  });

  it('picks the most specific category and leaves the others over', () => {
    assert.deepEqual(pickCategory(['Clothing', 'Clothing>Tshirts', 'Sale']), {
      category: 'Clothing > Tshirts',
      others: ['Sale'],
    });
    assert.deepEqual(pickCategory([]), { category: null, others: [] });
  });
});
