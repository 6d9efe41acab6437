import type { MessageCatalog } from './english.ts';

/** A no-break space, which French typography puts before « : », « ? » and inside guillemets. */
const NBSP = '\u00a0';

/** The storefront's own words in French. */
export const frenchMessages: MessageCatalog = (f) => {
  // French counts 0 and 1 in the singular.
  const productCount = (n: number) => (n <= 1 ? `${n} produit` : `${f.number(n)} produits`);
  const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;
  return {
    skipToContent: 'Aller au contenu',
    mainNavigation: 'Menu principal',
    shopAll: 'Tout le catalogue',
    search: 'Recherche',
    home: 'Accueil',
    sitemap: 'Plan du site',
    poweredBy: 'Propulsé par Storepilot',
    footerNavigation: 'Pied de page',
    languageNavigation: 'Langue',
    breadcrumb: 'Fil d’Ariane',

    onlineStore: 'Boutique en ligne',
    homeIntro: (count, currency) =>
      `Parcourez toute la collection${NBSP}: ${productCount(count)}, prix en ${currency}.`,
    allProducts: 'Tous les produits',
    nothingOnSaleYet: 'Aucun produit en vente pour le moment. Revenez bientôt.',
    homeDescription: (store, names, more) =>
      names.length === 0
        ? `${store}, boutique en ligne.`
        : `Achetez chez ${store}${NBSP}: ${names.join(', ')}${more ? ' et plus encore' : ''}.`,

    chooseOption: 'Choisir une option',
    availability: 'Disponibilité',
    inStock: 'En stock',
    onlyLeft: (n) => (n === 1 ? 'Plus qu’un exemplaire en stock' : `Plus que ${f.number(n)} en stock`),
    outOfStock: 'En rupture de stock',
    backorder: 'Disponible sur commande',
    sku: 'Référence',
    productType: 'Type',
    vendor: 'Fabricant',
    moreFrom: (store) => `Plus chez ${store}`,
    viewAll: 'Tout voir',
    productAtStore: (title, store) => `${title} chez ${store}.`,

    productCount,
    withPage: (title, page) => `${title} (page ${f.number(page)})`,
    listingDescription: (name, store, count) => `${name} chez ${store}${NBSP}: ${productCount(count)}.`,
    filters: 'Filtres',
    products: 'Produits',
    sortBy: 'Trier par',
    sortLead: `Trier${NBSP}:`,
    sortFeatured: 'En vedette',
    sortRelevance: 'Pertinence',
    sortNewest: 'Nouveautés',
    sortPriceAsc: 'Prix croissant',
    sortPriceDesc: 'Prix décroissant',
    sortTitle: 'Nom, de A à Z',
    sortTitleDesc: 'Nom, de Z à A',
    activeFilters: 'Filtres actifs',
    removeFilter: (label) => `Retirer le filtre ${label}`,
    clearAll: 'Tout effacer',
    facetCategory: 'Catégorie',
    facetBrand: 'Marque',
    facetProductType: 'Type de produit',
    facetPrice: 'Prix',
    priceMin: 'Min',
    priceMax: 'Max',
    apply: 'Appliquer',
    priceAndMore: (low) => `${low} et plus`,
    priceUpTo: (high) => `jusqu’à ${high}`,
    anyPrice: 'Tous les prix',
    pages: 'Pages',
    previousPage: '‹ Précédent',
    nextPage: 'Suivant ›',
    noMatchingProducts: 'Aucun produit ne correspond à ces filtres.',
    emptyCategory: 'Rien dans cette catégorie pour le moment.',
    emptyCollection: 'Rien dans cette collection pour le moment. Revenez bientôt.',

    searchTitle: (q) => `Recherche${NBSP}: ${q}`,
    resultsFor: (q) => `Résultats pour ${quoted(q)}`,
    searchTheStore: 'Rechercher dans la boutique',
    searchPlaceholder: `Que cherchez-vous${NBSP}?`,
    searchButton: 'Rechercher',
    correctedSearch: (q) => [`Aucun résultat exact pour ${quoted(q)}. Résultats pour `, '.'],
    nothingMatches: (q) => `Aucun résultat pour ${quoted(q)}. Essayez avec moins de mots ou d’autres mots.`,

    pageNotUnderstood: 'Adresse incomprise',
    addressUnreadable: 'Cette adresse n’a pas pu être lue',
    addressProblem: (parameter) => `La partie ${quoted(parameter)} de l’adresse n’est pas valide.`,
    searchTheShop: 'Rechercher dans la boutique',
    backToShop: 'Retour à la boutique',
    productUnavailable: 'Ce produit n’est pas disponible',
    productUnavailableDetail: 'Il a peut-être été retiré, renommé, ou n’est pas encore en vente.',
    pageNotFound: 'Page introuvable',
    pageNotFoundDetail: 'L’adresse est peut-être mal saisie, ou la page a été déplacée.',

    feedDescription: (store) => `Produits de ${store}`,
  };
};
