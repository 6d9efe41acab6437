import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { descriptionText, storefrontDescriptionHtml } from './description-html.ts';

describe('product description HTML', () => {
  test('scripts, handlers, javascript: links and frames never reach the storefront', () => {
    const html = storefrontDescriptionHtml(
      '<p onclick="steal()">Soft <strong>linen</strong><script>alert(1)</script></p>' +
        '<a href="javascript:alert(1)">x</a><iframe src="https://evil.example"></iframe><img src="x" onerror="y">',
    );
    assert.doesNotMatch(html, /script|onclick|onerror|javascript:|iframe/i);
    assert.match(html, /<p>Soft <strong>linen<\/strong><\/p>/);
  });

  test('outside links are marked nofollow; the page keeps its only h1', () => {
    const html = storefrontDescriptionHtml('<h1>Care</h1><a href="https://maker.example/">maker</a>');
    assert.match(html, /<h2>Care<\/h2>/);
    assert.match(html, /rel="nofollow noopener"/);
  });

  test('plain text becomes escaped paragraphs', () => {
    assert.equal(
      storefrontDescriptionHtml('Line one\nstill one & 2 < 3\n\nTwo'),
      '<p>Line one<br>still one &#38; 2 &#60; 3</p><p>Two</p>',
    );
  });

  test('plain text of HTML: tags dropped, entities decoded, blocks spaced', () => {
    assert.equal(
      descriptionText('<p>Caf&eacute; &amp; tea</p><p>100&nbsp;% cotton&#8482;</p>'),
      'Café & tea 100 % cotton™',
    );
  });
});
