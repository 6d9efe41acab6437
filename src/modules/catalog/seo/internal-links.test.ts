import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLink, normalizeSitePath } from './internal-links.ts';

const page = new URL('https://shop.example/products/merino-sweater');
const host = 'shop.example';

test('relative and same-host links are internal, reduced to a normalised path', () => {
  assert.deepEqual(classifyLink('/collections/knitwear/', page, host), {
    kind: 'internal',
    path: '/collections/knitwear',
  });
  assert.deepEqual(classifyLink('scarf', page, host), { kind: 'internal', path: '/products/scarf' });
  assert.deepEqual(classifyLink('../pages/care?ref=x#top', page, host), {
    kind: 'internal',
    path: '/pages/care',
  });
  assert.deepEqual(classifyLink('https://www.shop.example/pages/about', page, host), {
    kind: 'internal',
    path: '/pages/about',
  });
  assert.deepEqual(classifyLink('http://SHOP.example:8080/', page, host), { kind: 'internal', path: '/' });
  assert.deepEqual(classifyLink('//shop.example/products/caf%C3%A9', page, host), {
    kind: 'internal',
    path: '/products/café',
  });
});

test('other sites are external; e-mail, telephone and anchors are not pages', () => {
  assert.deepEqual(classifyLink('https://wool.example/about', page, host), { kind: 'external' });
  assert.deepEqual(classifyLink('https://shop.example.evil.test/', page, host), { kind: 'external' });
  assert.equal(classifyLink('mailto:help@shop.example', page, host).kind, 'not_a_page');
  assert.equal(classifyLink('tel:+441234', page, host).kind, 'not_a_page');
  assert.equal(classifyLink('#sizes', page, host).kind, 'not_a_page');
  assert.equal(classifyLink('javascript:void(0)', page, host).kind, 'not_a_page');
  assert.equal(classifyLink('  ', page, host).kind, 'not_a_page');
});

test('paths normalise the same way on both sides of the comparison', () => {
  assert.equal(normalizeSitePath('/pages/care/'), '/pages/care');
  assert.equal(normalizeSitePath('/'), '/');
  assert.equal(normalizeSitePath(''), '/');
  assert.equal(normalizeSitePath('/products/caf%C3%A9'), '/products/café');
  assert.equal(normalizeSitePath('/bad%E0%A4%A'), '/bad%E0%A4%A');
});
