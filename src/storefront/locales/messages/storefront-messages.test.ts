import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishMessages } from './english.ts';
import { catalogs, messagesFor, messagesWith } from './storefront-messages.ts';

const format = { number: (n: number) => String(n) };
const englishKeys = Object.keys(englishMessages(format)).filter((key) => key !== 'number');

test('German, French and Spanish translate every word of the storefront', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    const translated = catalog(format);
    const missing = englishKeys.filter((key) => !(key in translated));
    assert.deepEqual(missing, [], `${language} lacks ${missing.join(', ')}`);
    const untranslated = englishKeys.filter(
      (key) =>
        typeof translated[key as keyof typeof translated] === 'string' &&
        translated[key as keyof typeof translated] ===
          englishMessages(format)[key as keyof typeof translated],
    );
    // "Sitemap", "Pages", "Type" … are the same word in some languages; most must differ.
    assert.ok(untranslated.length < 6, `${language} keeps English for ${untranslated.join(', ')}`);
  }
});

test('a regional locale speaks its language; a language without a catalog speaks English', () => {
  assert.equal(messagesFor('de-CH').inStock, 'Auf Lager');
  assert.equal(messagesFor('fr-CA').home, 'Accueil');
  assert.equal(messagesFor('es-419').search, 'Buscar');
  assert.equal(messagesFor('ja').inStock, 'In stock');
  assert.equal(messagesFor('en-GB').productCount(2), '2 products');
});

test('a key a catalog lacks falls back to English, the rest is the catalog’s', () => {
  const partial = messagesWith('de', () => ({ home: 'Startseite', search: undefined }));
  assert.equal(partial.home, 'Startseite');
  assert.equal(partial.search, 'Search', 'undefined counts as missing');
  assert.equal(partial.inStock, 'In stock');
  assert.equal(partial.productCount(1234), '1.234 products', 'English words, German numbers');
});

test('plurals and numbers follow the locale', () => {
  assert.equal(messagesFor('de').productCount(1), '1 Produkt');
  assert.equal(messagesFor('de').productCount(1234), '1.234 Produkte');
  // Swiss German groups thousands with an apostrophe (which one depends on the ICU version).
  const swiss = new Intl.NumberFormat('de-CH').format(1234);
  assert.match(swiss, /^1.234$/);
  assert.notEqual(swiss, '1.234');
  assert.equal(messagesFor('de-CH').productCount(1234), `${swiss} Produkte`);
  assert.equal(messagesFor('fr').productCount(0), '0 produit', 'French counts 0 in the singular');
  assert.equal(messagesFor('fr').productCount(1234), `${new Intl.NumberFormat('fr').format(1234)} produits`);
  assert.equal(messagesFor('es').productCount(2), '2 productos');
  assert.equal(messagesFor('en').productCount(1234), '1,234 products');
  assert.deepEqual(messagesFor('de').correctedSearch('tee'), [
    'Keine genauen Treffer für „tee“. Stattdessen Ergebnisse für ',
    '.',
  ]);
});
