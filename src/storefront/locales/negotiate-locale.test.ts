import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preferredLocale } from './negotiate-locale.ts';

const served = ['en', 'fr', 'de-CH'];

test('the highest-weighted language the store serves wins; regional variants find their language', () => {
  assert.equal(preferredLocale('fr-CA,fr;q=0.9,en;q=0.8', served, 'en'), 'fr');
  assert.equal(preferredLocale('en;q=0.4, fr;q=0.8', served, 'en'), 'fr', 'weights, not order');
  assert.equal(preferredLocale('en-GB, fr', served, 'en'), 'en');
  assert.equal(
    preferredLocale('ja, de-CH;q=0.5', served, 'en'),
    'de-CH',
    'an unserved first choice is passed over',
  );
  assert.equal(preferredLocale('gsw-CH, de;q=0.9', ['en', 'de'], 'en'), 'de');
});

test('no header, nothing served that matches, q=0, a wildcard or junk: the default', () => {
  assert.equal(preferredLocale(undefined, served, 'en'), 'en');
  assert.equal(preferredLocale('ja, ko', served, 'en'), 'en');
  assert.equal(preferredLocale('fr;q=0, ja', served, 'en'), 'en', 'q=0 refuses a language');
  assert.equal(preferredLocale('*', served, 'en'), 'en');
  assert.equal(preferredLocale('"><script>, $$$;q=abc', served, 'en'), 'en');
  assert.equal(preferredLocale('fr', ['en'], 'en'), 'en', 'a one-locale store never negotiates');
  assert.equal(preferredLocale('zh-TW', ['en', 'zh-Hans'], 'en'), 'en', 'Traditional is not Simplified');
});
