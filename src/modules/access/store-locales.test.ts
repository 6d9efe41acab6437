import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalLocale, localeOfPathSegment, nextEnabledLocales, storeLocales } from './store-locales.ts';

test('servable BCP 47 tags come back canonical; anything else is refused', () => {
  assert.equal(canonicalLocale('FR-ca'), 'fr-CA');
  assert.equal(canonicalLocale('zh-hant-tw'), 'zh-Hant-TW');
  assert.equal(canonicalLocale('es-419'), 'es-419');
  assert.equal(canonicalLocale('iw'), 'he', 'deprecated codes take their modern form');
  for (const bad of [
    '',
    'e',
    'english',
    'en_US',
    'en-u-ca-buddhist',
    'de-CH-1996',
    'x-private',
    'fr-',
    '*',
  ]) {
    assert.equal(canonicalLocale(bad), undefined, bad);
  }
});

test('the default locale is always served and always first', () => {
  const store = { locale: 'en', enabledLocales: ['fr', 'en', 'de'] };
  assert.deepEqual(storeLocales(store), ['en', 'fr', 'de']);
  assert.deepEqual(nextEnabledLocales(store, { locales: ['en', 'it'] }), ['it']);
  assert.deepEqual(nextEnabledLocales(store, { locale: 'fr' }), ['en', 'de'], 'the old default stays served');
  assert.deepEqual(nextEnabledLocales(store, { locale: 'fr', locales: ['fr'] }), []);
});

test('path segments name served locales without regard to case', () => {
  const store = { locale: 'en', enabledLocales: ['fr-CA'] };
  assert.equal(localeOfPathSegment(store, 'fr-ca'), 'fr-CA');
  assert.equal(localeOfPathSegment(store, 'FR-CA'), 'fr-CA');
  assert.equal(localeOfPathSegment(store, 'fr'), undefined);
});
