import type { MessageCatalog } from './english.ts';

/** The storefront's own words in German (formal address, as German shops write). */
export const germanMessages: MessageCatalog = (f) => {
  const productCount = (n: number) => (n === 1 ? '1 Produkt' : `${f.number(n)} Produkte`);
  return {
    skipToContent: 'Zum Inhalt springen',
    mainNavigation: 'Hauptmenü',
    shopAll: 'Sortiment',
    search: 'Suche',
    home: 'Startseite',
    sitemap: 'Sitemap',
    poweredBy: 'Betrieben mit Storepilot',
    footerNavigation: 'Fußzeile',
    languageNavigation: 'Sprache',
    breadcrumb: 'Navigationspfad',

    onlineStore: 'Onlineshop',
    homeIntro: (count, currency) =>
      `Entdecken Sie das ganze Sortiment: ${productCount(count)}, Preise in ${currency}.`,
    allProducts: 'Alle Produkte',
    nothingOnSaleYet: 'Noch sind keine Produkte im Angebot. Schauen Sie bald wieder vorbei.',
    homeDescription: (store, names, more) =>
      names.length === 0
        ? `${store} – Onlineshop.`
        : `Bei ${store} einkaufen: ${names.join(', ')}${more ? ' und mehr' : ''}.`,

    chooseOption: 'Variante wählen',
    availability: 'Verfügbarkeit',
    inStock: 'Auf Lager',
    sku: 'Artikelnummer',
    productType: 'Art',
    vendor: 'Hersteller',
    moreFrom: (store) => `Mehr von ${store}`,
    viewAll: 'Alle ansehen',
    productAtStore: (title, store) => `${title} bei ${store}.`,

    productCount,
    withPage: (title, page) => `${title} (Seite ${f.number(page)})`,
    listingDescription: (name, store, count) => `${name} bei ${store}: ${productCount(count)}.`,
    filters: 'Filter',
    products: 'Produkte',
    sortBy: 'Sortieren nach',
    sortLead: 'Sortieren:',
    sortFeatured: 'Empfohlen',
    sortRelevance: 'Beste Treffer',
    sortNewest: 'Neueste',
    sortPriceAsc: 'Preis aufsteigend',
    sortPriceDesc: 'Preis absteigend',
    sortTitle: 'Name, A bis Z',
    sortTitleDesc: 'Name, Z bis A',
    activeFilters: 'Aktive Filter',
    removeFilter: (label) => `Filter ${label} entfernen`,
    clearAll: 'Alle entfernen',
    facetCategory: 'Kategorie',
    facetBrand: 'Marke',
    facetProductType: 'Produktart',
    facetPrice: 'Preis',
    priceMin: 'Min.',
    priceMax: 'Max.',
    apply: 'Anwenden',
    priceAndMore: (low) => `ab ${low}`,
    priceUpTo: (high) => `bis ${high}`,
    anyPrice: 'Jeder Preis',
    pages: 'Seiten',
    previousPage: '‹ Zurück',
    nextPage: 'Weiter ›',
    noMatchingProducts: 'Keine Produkte passen zu diesen Filtern.',
    emptyCategory: 'In dieser Kategorie gibt es noch nichts.',
    emptyCollection: 'In dieser Kollektion ist gerade nichts. Schauen Sie bald wieder vorbei.',

    searchTitle: (q) => `Suche: ${q}`,
    resultsFor: (q) => `Ergebnisse für „${q}“`,
    searchTheStore: 'Im Shop suchen',
    searchPlaceholder: 'Wonach suchen Sie?',
    searchButton: 'Suchen',
    correctedSearch: (q) => [`Keine genauen Treffer für „${q}“. Stattdessen Ergebnisse für `, '.'],
    nothingMatches: (q) => `Nichts passt zu „${q}“. Versuchen Sie es mit weniger oder anderen Wörtern.`,

    pageNotUnderstood: 'Adresse nicht verstanden',
    addressUnreadable: 'Diese Adresse konnte nicht gelesen werden',
    addressProblem: (parameter) => `Der Teil „${parameter}“ der Adresse ist ungültig.`,
    searchTheShop: 'Im Shop suchen',
    backToShop: 'Zurück zum Shop',
    productUnavailable: 'Dieses Produkt ist nicht erhältlich',
    productUnavailableDetail: 'Es wurde vielleicht entfernt, umbenannt oder ist noch nicht im Verkauf.',
    pageNotFound: 'Seite nicht gefunden',
    pageNotFoundDetail: 'Die Adresse ist vielleicht falsch geschrieben, oder die Seite ist umgezogen.',

    feedDescription: (store) => `Produkte von ${store}`,
  };
};
