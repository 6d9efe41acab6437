import type { MessageCatalog } from './english.ts';

/** The storefront's own words in Spanish (informal address, as most Spanish-language shops write). */
export const spanishMessages: MessageCatalog = (f) => {
  const productCount = (n: number) => (n === 1 ? '1 producto' : `${f.number(n)} productos`);
  return {
    skipToContent: 'Saltar al contenido',
    mainNavigation: 'Principal',
    shopAll: 'Ver todo',
    search: 'Buscar',
    home: 'Inicio',
    sitemap: 'Mapa del sitio',
    poweredBy: 'Funciona con Storepilot',
    footerNavigation: 'Pie de página',
    languageNavigation: 'Idioma',
    breadcrumb: 'Ruta de navegación',

    onlineStore: 'Tienda en línea',
    homeIntro: (count, currency) =>
      `Explora toda la colección: ${productCount(count)}, precios en ${currency}.`,
    allProducts: 'Todos los productos',
    nothingOnSaleYet: 'Todavía no hay productos a la venta. Vuelve pronto.',
    homeDescription: (store, names, more) =>
      names.length === 0
        ? `Tienda en línea de ${store}.`
        : `Compra en ${store}: ${names.join(', ')}${more ? ' y más' : ''}.`,

    chooseOption: 'Elige una opción',
    availability: 'Disponibilidad',
    inStock: 'En stock',
    sku: 'Referencia',
    productType: 'Tipo',
    vendor: 'Fabricante',
    moreFrom: (store) => `Más de ${store}`,
    viewAll: 'Ver todo',
    productAtStore: (title, store) => `${title} en ${store}.`,

    productCount,
    withPage: (title, page) => `${title} (página ${f.number(page)})`,
    listingDescription: (name, store, count) => `${name} en ${store}: ${productCount(count)}.`,
    filters: 'Filtros',
    products: 'Productos',
    sortBy: 'Ordenar por',
    sortLead: 'Ordenar:',
    sortFeatured: 'Destacados',
    sortRelevance: 'Más relevantes',
    sortNewest: 'Novedades',
    sortPriceAsc: 'Precio: de menor a mayor',
    sortPriceDesc: 'Precio: de mayor a menor',
    sortTitle: 'Nombre: de la A a la Z',
    sortTitleDesc: 'Nombre: de la Z a la A',
    activeFilters: 'Filtros activos',
    removeFilter: (label) => `Quitar el filtro ${label}`,
    clearAll: 'Borrar todo',
    facetCategory: 'Categoría',
    facetBrand: 'Marca',
    facetProductType: 'Tipo de producto',
    facetPrice: 'Precio',
    priceMin: 'Mín.',
    priceMax: 'Máx.',
    apply: 'Aplicar',
    priceAndMore: (low) => `${low} o más`,
    priceUpTo: (high) => `hasta ${high}`,
    anyPrice: 'Cualquier precio',
    pages: 'Páginas',
    previousPage: '‹ Anterior',
    nextPage: 'Siguiente ›',
    noMatchingProducts: 'Ningún producto coincide con estos filtros.',
    emptyCategory: 'Todavía no hay nada en esta categoría.',
    emptyCollection: 'Ahora mismo no hay nada en esta colección. Vuelve pronto.',

    searchTitle: (q) => `Búsqueda: ${q}`,
    resultsFor: (q) => `Resultados para «${q}»`,
    searchTheStore: 'Buscar en la tienda',
    searchPlaceholder: '¿Qué estás buscando?',
    searchButton: 'Buscar',
    correctedSearch: (q) => [`No hay coincidencias exactas para «${q}». Mostrando resultados para `, '.'],
    nothingMatches: (q) => `Nada coincide con «${q}». Prueba con menos palabras o con otras.`,

    pageNotUnderstood: 'Dirección no comprendida',
    addressUnreadable: 'No se pudo leer esta dirección',
    addressProblem: (parameter) => `La parte «${parameter}» de la dirección no es válida.`,
    searchTheShop: 'Buscar en la tienda',
    backToShop: 'Volver a la tienda',
    productUnavailable: 'Este producto no está disponible',
    productUnavailableDetail: 'Puede que se haya retirado, cambiado de nombre o que aún no esté a la venta.',
    pageNotFound: 'Página no encontrada',
    pageNotFoundDetail: 'Puede que la dirección esté mal escrita o que la página se haya movido.',

    feedDescription: (store) => `Productos de ${store}`,
  };
};
