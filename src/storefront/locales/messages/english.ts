/** How a catalog writes numbers for its page's locale (`1,234` in English, `1.234` in German). */
export interface MessageFormat {
  number(n: number): string;
}

/**
 * The storefront's own words in English: the reference catalog. Every other language gives what it
 * has of the same keys (`Partial<StorefrontMessages>`); a key it lacks shows in English. Messages
 * with values are functions, so each language places the values, plurals and quotation marks its
 * own way; values are plain text and escaped where the page shows them.
 */
export function englishMessages(f: MessageFormat) {
  const productCount = (n: number) => (n === 1 ? '1 product' : `${f.number(n)} products`);
  return {
    number: f.number,

    // Header, footer, breadcrumbs
    skipToContent: 'Skip to content',
    mainNavigation: 'Main',
    shopAll: 'Shop all',
    search: 'Search',
    home: 'Home',
    sitemap: 'Sitemap',
    poweredBy: 'Powered by Storepilot',
    footerNavigation: 'Footer',
    languageNavigation: 'Language',
    breadcrumb: 'Breadcrumb',

    // Home
    onlineStore: 'Online store',
    homeIntro: (count: number, currency: string) =>
      `Browse the whole collection: ${productCount(count)}, prices in ${currency}.`,
    allProducts: 'All products',
    nothingOnSaleYet: 'No products are on sale yet. Please come back soon.',
    homeDescription: (store: string, names: readonly string[], more: boolean) =>
      names.length === 0
        ? `${store} online store.`
        : `Shop ${store}: ${names.join(', ')}${more ? ' and more' : ''}.`,

    // Product page
    chooseOption: 'Choose an option',
    availability: 'Availability',
    inStock: 'In stock',
    /** A variant with few units left (at or below its low-stock threshold). */
    onlyLeft: (n: number) => `Only ${f.number(n)} left`,
    outOfStock: 'Out of stock',
    /** A variant with no units that is still sold, to be delivered when stock comes in. */
    backorder: 'Available on back-order',
    sku: 'SKU',
    productType: 'Type',
    vendor: 'Vendor',
    moreFrom: (store: string) => `More from ${store}`,
    viewAll: 'View all',
    productAtStore: (title: string, store: string) => `${title} at ${store}.`,

    // Listings: search, categories, collections
    productCount,
    withPage: (title: string, page: number) => `${title} (page ${f.number(page)})`,
    listingDescription: (name: string, store: string, count: number) =>
      `${name} at ${store}: ${productCount(count)}.`,
    filters: 'Filters',
    products: 'Products',
    sortBy: 'Sort by',
    sortLead: 'Sort:',
    sortFeatured: 'Featured',
    sortRelevance: 'Best match',
    sortNewest: 'Newest',
    sortPriceAsc: 'Price, low to high',
    sortPriceDesc: 'Price, high to low',
    sortTitle: 'Name, A to Z',
    sortTitleDesc: 'Name, Z to A',
    activeFilters: 'Active filters',
    removeFilter: (label: string) => `Remove filter ${label}`,
    clearAll: 'Clear all',
    facetCategory: 'Category',
    facetBrand: 'Brand',
    facetProductType: 'Product type',
    facetPrice: 'Price',
    priceMin: 'Min',
    priceMax: 'Max',
    apply: 'Apply',
    priceAndMore: (low: string) => `${low} and more`,
    priceUpTo: (high: string) => `up to ${high}`,
    anyPrice: 'Any price',
    pages: 'Pages',
    previousPage: '‹ Previous',
    nextPage: 'Next ›',
    noMatchingProducts: 'No products match these filters.',
    emptyCategory: 'Nothing in this category yet.',
    emptyCollection: 'Nothing in this collection right now. Please come back soon.',

    // Search
    searchTitle: (q: string) => `Search: ${q}`,
    resultsFor: (q: string) => `Results for “${q}”`,
    searchTheStore: 'Search the store',
    searchPlaceholder: 'What are you looking for?',
    searchButton: 'Search',
    /** The text before and after the words the search read instead (shown in bold between them). */
    correctedSearch: (q: string): [string, string] => [
      `No exact matches for “${q}”. Showing results for `,
      '.',
    ],
    nothingMatches: (q: string) => `Nothing matches “${q}”. Try fewer or other words.`,

    // Errors
    pageNotUnderstood: 'Page not understood',
    addressUnreadable: 'This address could not be read',
    /** `detail` is the check's own English sentence, which names the parameter and what it takes. */
    addressProblem: (_parameter: string, detail: string) => detail,
    searchTheShop: 'Search the shop',
    backToShop: 'Back to the shop',
    productUnavailable: 'This product is not available',
    productUnavailableDetail: 'It may have been removed, renamed or not be on sale yet.',
    pageNotFound: 'Page not found',
    pageNotFoundDetail: 'The address may be mistyped, or the page has moved.',

    // Google Merchant feed
    feedDescription: (store: string) => `Products of ${store}`,
  };
}

export type StorefrontMessages = ReturnType<typeof englishMessages>;

/** Another language's catalog: what it translates; the rest falls back to English. */
export type MessageCatalog = (f: MessageFormat) => Partial<StorefrontMessages>;
