import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnalyticsScreen } from './analytics/AnalyticsScreen.tsx';
import { parseAnalyticsSearch } from './analytics/analytics-search.ts';
import { ApiError } from './api/http.ts';
import type { Permission } from './api/types.ts';
import { ApiKeysScreen } from './api-keys/ApiKeysScreen.tsx';
import { AuditScreen } from './audit/AuditScreen.tsx';
import { LoginScreen } from './auth/LoginScreen.tsx';
import { sessionQuery } from './auth/session-queries.ts';
import { BriefingScreen } from './briefing/BriefingScreen.tsx';
import { CategoriesScreen } from './categories/CategoriesScreen.tsx';
import { ChannelScreen } from './channels/ChannelScreen.tsx';
import { ChannelsScreen } from './channels/ChannelsScreen.tsx';
import { CollectionCreateScreen, CollectionEditScreen } from './collections/CollectionEditorScreen.tsx';
import { CollectionsScreen } from './collections/CollectionsScreen.tsx';
import { CustomerScreen } from './customers/CustomerScreen.tsx';
import { CustomersScreen } from './customers/CustomersScreen.tsx';
import { SegmentsScreen } from './customers/SegmentsScreen.tsx';
import { DiscountCreateScreen, DiscountEditScreen } from './discounts/DiscountEditorScreen.tsx';
import { DiscountEvaluateScreen } from './discounts/DiscountEvaluateScreen.tsx';
import { DiscountsScreen } from './discounts/DiscountsScreen.tsx';
import { parseDiscountsSearch } from './discounts/discount-search.ts';
import { DraftOrderScreen, NewDraftOrderScreen } from './draft-orders/DraftOrderScreen.tsx';
import { DraftOrdersScreen } from './draft-orders/DraftOrdersScreen.tsx';
import { parseDraftOrdersSearch } from './draft-orders/draft-orders-search.ts';
import { EmailTemplateScreen } from './email-templates/EmailTemplateScreen.tsx';
import { EmailTemplatesScreen } from './email-templates/EmailTemplatesScreen.tsx';
import { parseEmailTemplateSearch } from './email-templates/email-template-search.ts';
import { ExperimentsScreen } from './experiments/ExperimentsScreen.tsx';
import { ExperimentResultsScreen } from './experiments/results/ExperimentResultsScreen.tsx';
import { ForecastsScreen } from './forecasts/ForecastsScreen.tsx';
import { parseForecastSearch } from './forecasts/forecast-search.ts';
import { GoalsScreen } from './goals/GoalsScreen.tsx';
import { InventoryScreen } from './inventory/InventoryScreen.tsx';
import { parseInventorySearch } from './inventory/inventory-search.ts';
import { LocationsScreen } from './inventory/LocationsScreen.tsx';
import { LanguagesScreen } from './languages/LanguagesScreen.tsx';
import { StoreLayout } from './layout/StoreLayout.tsx';
import { MailScreen } from './mail/MailScreen.tsx';
import { parseMailSearch } from './mail/mail-search.ts';
import { ExchangeRatesScreen } from './markets/ExchangeRatesScreen.tsx';
import { MarketScreen } from './markets/MarketScreen.tsx';
import { MarketsScreen } from './markets/MarketsScreen.tsx';
import { NewsletterScreen } from './newsletters/NewsletterScreen.tsx';
import { NewslettersScreen } from './newsletters/NewslettersScreen.tsx';
import { OrderScreen } from './orders/OrderScreen.tsx';
import { OrderSettingsScreen } from './orders/OrderSettingsScreen.tsx';
import { OrdersScreen } from './orders/OrdersScreen.tsx';
import { parseOrdersSearch } from './orders/order-search.ts';
import { PaymentSettingsScreen } from './payments/PaymentSettingsScreen.tsx';
import { PortfolioScreen } from './portfolio/PortfolioScreen.tsx';
import { PrivacyScreen } from './privacy/PrivacyScreen.tsx';
import { ProductImportDetailScreen } from './products/import/ProductImportDetailScreen.tsx';
import { ProductImportScreen } from './products/import/ProductImportScreen.tsx';
import { parseProductsSearch } from './products/list/product-list-search.ts';
import { ProductCreateScreen } from './products/ProductCreateScreen.tsx';
import { ProductEditScreen } from './products/ProductEditScreen.tsx';
import { ProductsScreen } from './products/ProductsScreen.tsx';
import { PurchaseOrderCreateScreen } from './purchasing/PurchaseOrderCreateScreen.tsx';
import { PurchaseOrderScreen } from './purchasing/PurchaseOrderScreen.tsx';
import { PurchaseOrdersScreen } from './purchasing/PurchaseOrdersScreen.tsx';
import { parsePurchaseOrderPrefill } from './purchasing/purchase-order-prefill.ts';
import { parsePurchaseOrdersSearch } from './purchasing/purchase-order-search.ts';
import { SupplierScreen } from './purchasing/SupplierScreen.tsx';
import { SuppliersScreen } from './purchasing/SuppliersScreen.tsx';
import { ReturnsScreen } from './returns/ReturnsScreen.tsx';
import { parseReturnsSearch } from './returns/returns-search.ts';
import { ReviewsScreen } from './reviews/ReviewsScreen.tsx';
import { parseReviewsSearch } from './reviews/reviews-search.ts';
import { SeoAuditScreen } from './seo/SeoAuditScreen.tsx';
import { parseShippingSearch, ShippingScreen } from './shipping/ShippingScreen.tsx';
import { ZoneScreen } from './shipping/ZoneScreen.tsx';
import { CountSheetScreen } from './stock-moves/CountSheetScreen.tsx';
import { CountsScreen } from './stock-moves/CountsScreen.tsx';
import { TransferScreen } from './stock-moves/TransferScreen.tsx';
import { parseTransfersSearch, TransfersScreen } from './stock-moves/TransfersScreen.tsx';
import { readLastStore } from './stores/last-store.ts';
import { RequirePermission } from './stores/RequirePermission.tsx';
import { StoreNotFound } from './stores/StoreNotFound.tsx';
import { WelcomeScreen } from './stores/WelcomeScreen.tsx';
import { InboxScreen } from './support/InboxScreen.tsx';
import { parseInboxSearch } from './support/inbox-search.ts';
import { MacrosScreen } from './support/MacrosScreen.tsx';
import { SlaSettingsScreen } from './support-settings/SlaSettingsScreen.tsx';
import { SupportMetricsScreen } from './support-settings/SupportMetricsScreen.tsx';
import { TaxScreen } from './tax/TaxScreen.tsx';
import { parseTaxSearch } from './tax/tax-search.ts';
import { TeamScreen } from './team/TeamScreen.tsx';
import { CenteredLoader, RouteError, RouteNotFound } from './ui/route-states.tsx';

/** A store page that only roles with `permission` may open. */
function guarded(permission: Permission, what: string, Screen: () => ReactNode) {
  return function GuardedScreen() {
    return (
      <RequirePermission permission={permission} what={what}>
        <Screen />
      </RequirePermission>
    );
  };
}

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {},
  component: LoginScreen,
});

/** Every page but login needs a session; without one, go to login and come back afterwards. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    try {
      const session = await context.queryClient.ensureQueryData(sessionQuery);
      return { session };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: Outlet,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const stores = context.session.stores;
    if (stores.length === 0) return;
    const last = readLastStore();
    const store = stores.find((s) => s.handle === last) ?? stores[0]!;
    // Signing in opens the last store's briefing: the day's news and what to do first.
    throw redirect({ to: '/stores/$store', params: { store: store.handle }, replace: true });
  },
  component: WelcomeScreen,
});

const storeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'stores/$store',
  beforeLoad: ({ context, params }) => {
    if (!context.session.stores.some((s) => s.handle === params.store)) throw notFound();
  },
  component: StoreLayout,
  notFoundComponent: StoreNotFound,
});

/** The store's home: the daily briefing, which everyone in the store has (its parts follow permissions). */
const storeHomeRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: '/',
  component: BriefingScreen,
});

/**
 * A list screen's search, read leniently (`parse` leaves out what is malformed), with every other key
 * of the address set to undefined: the router merges a route's search over its parents', which pass
 * the address through unvalidated, so a key `parse` left out would otherwise reach the screen — and
 * the API, which refuses it — as typed (a hand-edited `?sort=bogus`).
 */
function onlyValid<T extends object>(parse: (raw: Record<string, unknown>) => T) {
  return (raw: Record<string, unknown>): T =>
    ({ ...Object.fromEntries(Object.keys(raw).map((key) => [key, undefined])), ...parse(raw) }) as T;
}

function positivePage(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

export const productsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'products',
  validateSearch: onlyValid(parseProductsSearch),
  component: guarded('catalog:read', 'see the catalog', ProductsScreen),
});

export const productCreateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'products/new',
  component: guarded('catalog:write', 'create products', ProductCreateScreen),
});

export const productImportRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'products/import',
  component: guarded('catalog:write', 'import products', ProductImportScreen),
});

export const productImportDetailRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'products/import/$importId',
  component: guarded('catalog:read', 'see the catalog', ProductImportDetailScreen),
});

export const productEditRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'products/$productId',
  component: guarded('catalog:read', 'see the catalog', ProductEditScreen),
});

export const categoriesRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'categories',
  component: guarded('catalog:read', 'see the catalog', CategoriesScreen),
});

export const collectionsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'collections',
  component: guarded('catalog:read', 'see the catalog', CollectionsScreen),
});

export const collectionCreateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'collections/new',
  component: guarded('catalog:write', 'create collections', CollectionCreateScreen),
});

export const collectionEditRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'collections/$collectionId',
  component: guarded('catalog:read', 'see the catalog', CollectionEditScreen),
});

export const inventoryRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'inventory',
  validateSearch: onlyValid(parseInventorySearch),
  component: guarded('inventory:read', 'see inventory', InventoryScreen),
});

export const locationsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'locations',
  // `adding` opens the form for a new location (the inventory screen's "Add your first location").
  validateSearch: (search: Record<string, unknown>): { adding?: boolean } =>
    search.adding === true || search.adding === 'true' ? { adding: true } : {},
  component: guarded('inventory:read', 'see inventory locations', LocationsScreen),
});

export const channelsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'channels',
  component: guarded('inventory:read', 'see sales channels', ChannelsScreen),
});

export const channelRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'channels/$channelId',
  // `sku` finds one variant in the channel's stock (the API matches SKUs exactly).
  validateSearch: (search: Record<string, unknown>): { sku?: string } =>
    typeof search.sku === 'string' && search.sku.trim() ? { sku: search.sku.trim().slice(0, 200) } : {},
  component: guarded('inventory:read', 'see sales channels', ChannelScreen),
});

export const transfersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'transfers',
  validateSearch: onlyValid(parseTransfersSearch),
  component: guarded('inventory:read', 'see transfers', TransfersScreen),
});

export const transferRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'transfers/$transferId',
  component: guarded('inventory:read', 'see transfers', TransferScreen),
});

export const countsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'counts',
  component: guarded('inventory:read', 'see stock counts', CountsScreen),
});

export const countRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'counts/$countId',
  component: guarded('inventory:read', 'see stock counts', CountSheetScreen),
});

export const purchaseOrdersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'purchasing',
  validateSearch: onlyValid(parsePurchaseOrdersSearch),
  component: guarded('purchasing:read', 'see purchase orders', PurchaseOrdersScreen),
});

export const purchaseOrderCreateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'purchasing/new',
  // `supplierId` and `lines` start the form filled in (reorder suggestions, a supplier's page).
  validateSearch: parsePurchaseOrderPrefill,
  component: guarded('purchasing:write', 'create purchase orders', PurchaseOrderCreateScreen),
});

export const forecastsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'forecasts',
  validateSearch: parseForecastSearch,
  component: guarded('purchasing:read', 'see forecasts and reorders', ForecastsScreen),
});

export const suppliersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'purchasing/suppliers',
  component: guarded('purchasing:read', 'see suppliers', SuppliersScreen),
});

/** Three segments, so it never meets `purchasing/$purchaseOrderId` (one segment after purchasing). */
export const supplierRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'purchasing/suppliers/$supplierId',
  component: guarded('purchasing:read', 'see suppliers', SupplierScreen),
});

export const purchaseOrderRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'purchasing/$purchaseOrderId',
  component: guarded('purchasing:read', 'see purchase orders', PurchaseOrderScreen),
});

export const marketsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'markets',
  component: guarded('pricing:read', 'see markets and prices', MarketsScreen),
});

export const exchangeRatesRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'markets/exchange-rates',
  component: guarded('pricing:read', 'see exchange rates', ExchangeRatesScreen),
});

export const marketRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'markets/$marketId',
  component: guarded('pricing:read', 'see markets and prices', MarketScreen),
});

export const ordersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'orders',
  validateSearch: onlyValid(parseOrdersSearch),
  component: guarded('orders:read', 'see orders', OrdersScreen),
});

export const orderRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'orders/$orderId',
  component: guarded('orders:read', 'see orders', OrderScreen),
});

export const draftOrdersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'draft-orders',
  validateSearch: onlyValid(parseDraftOrdersSearch),
  component: guarded('orders:read', 'see draft orders', DraftOrdersScreen),
});

export const draftOrderCreateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'draft-orders/new',
  component: guarded('orders:write', 'create draft orders', NewDraftOrderScreen),
});

export const draftOrderRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'draft-orders/$draftId',
  component: guarded('orders:read', 'see draft orders', DraftOrderScreen),
});

export const analyticsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'analytics',
  validateSearch: onlyValid(parseAnalyticsSearch),
  component: guarded('analytics:read', 'see the analytics', AnalyticsScreen),
});

export const customersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'customers',
  component: guarded('customers:read', 'see customers', CustomersScreen),
});

export const segmentsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'customers/segments',
  component: guarded('customers:read', 'see customers', SegmentsScreen),
});

export const customerRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'customers/$customerId',
  component: guarded('customers:read', 'see customers', CustomerScreen),
});

export const goalsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'goals',
  component: guarded('analytics:read', 'see the goals', GoalsScreen),
});

export const newslettersRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'newsletters',
  component: guarded('newsletters:read', 'see newsletters', NewslettersScreen),
});

export const newsletterRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'newsletters/$newsletterId',
  component: guarded('newsletters:read', 'see newsletters', NewsletterScreen),
});

export const experimentsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'experiments',
  component: guarded('experiments:read', 'see the experiments', ExperimentsScreen),
});

export const experimentResultsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'experiments/$experimentId',
  component: guarded('experiments:read', 'see the experiments', ExperimentResultsScreen),
});

/** Every store at once: outside any one store, so under the signed-in route, not a store's. */
export const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'portfolio',
  component: PortfolioScreen,
});

export const reviewsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'reviews',
  validateSearch: onlyValid(parseReviewsSearch),
  component: guarded('reviews:read', 'see reviews', ReviewsScreen),
});

export const supportInboxRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'support',
  validateSearch: onlyValid(parseInboxSearch),
  component: guarded('support:read', 'see the support inbox', InboxScreen),
});

export const supportMacrosRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'support/macros',
  component: guarded('support:read', 'see macros', MacrosScreen),
});

export const supportMetricsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'support/metrics',
  component: guarded('support:read', 'see the support metrics', SupportMetricsScreen),
});

export const supportSlaRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'support/sla',
  component: guarded('support:read', 'see the support SLA', SlaSettingsScreen),
});

export const returnsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'returns',
  validateSearch: onlyValid(parseReturnsSearch),
  component: guarded('orders:read', 'see returns', ReturnsScreen),
});

export const taxRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'tax',
  validateSearch: parseTaxSearch,
  component: guarded('pricing:read', 'see tax settings and rates', TaxScreen),
});

export const shippingRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'shipping',
  validateSearch: parseShippingSearch,
  component: guarded('pricing:read', 'see shipping zones and rates', ShippingScreen),
});

export const shippingZoneRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'shipping/zones/$zoneId',
  component: guarded('pricing:read', 'see shipping zones and rates', ZoneScreen),
});

export const discountsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'discounts',
  validateSearch: onlyValid(parseDiscountsSearch),
  component: guarded('promotions:read', 'see discounts', DiscountsScreen),
});

export const discountCreateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'discounts/new',
  component: guarded('promotions:write', 'create discounts', DiscountCreateScreen),
});

export const discountEvaluateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'discounts/evaluate',
  component: guarded('promotions:read', 'try discounts on a cart', DiscountEvaluateScreen),
});

export const discountRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'discounts/$discountId',
  component: guarded('promotions:read', 'see discounts', DiscountEditScreen),
});

export const teamRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'team',
  component: guarded('team:read', 'see the team', TeamScreen),
});

export interface AuditSearch {
  page?: number;
  entityType?: string;
  action?: string;
}

export const auditRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    page: positivePage(search.page),
    entityType: typeof search.entityType === 'string' && search.entityType ? search.entityType : undefined,
    action: typeof search.action === 'string' && search.action ? search.action : undefined,
  }),
  component: guarded('audit:read', 'read the audit log', AuditScreen),
});

export const privacyRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'privacy',
  component: guarded('privacy:manage', 'manage privacy requests', PrivacyScreen),
});

export interface SeoAuditSearch {
  rule?: string;
  severity?: 'critical' | 'warning' | 'notice';
  page?: number;
}

const seoSeverities: readonly string[] = ['critical', 'warning', 'notice'];

export const seoAuditRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'seo',
  validateSearch: (search: Record<string, unknown>): SeoAuditSearch => ({
    rule: typeof search.rule === 'string' && /^[a-z_]{1,60}$/.test(search.rule) ? search.rule : undefined,
    severity:
      typeof search.severity === 'string' && seoSeverities.includes(search.severity)
        ? (search.severity as SeoAuditSearch['severity'])
        : undefined,
    page: positivePage(search.page),
  }),
  component: guarded('catalog:read', 'see the SEO audit', SeoAuditScreen),
});

export const languagesRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'languages',
  component: guarded('store:read', 'see the store languages', LanguagesScreen),
});

export const mailRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'mail',
  validateSearch: onlyValid(parseMailSearch),
  component: guarded('store:read', 'read the store’s mail', MailScreen),
});

export const emailTemplatesRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'settings/email-templates',
  component: guarded('store:read', 'see the e-mail templates', EmailTemplatesScreen),
});

export const emailTemplateRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'settings/email-templates/$templateKey',
  validateSearch: parseEmailTemplateSearch,
  component: guarded('store:read', 'see the e-mail templates', EmailTemplateScreen),
});

export const paymentSettingsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'settings/payments',
  component: guarded('store:read', 'see the payment settings', PaymentSettingsScreen),
});

export const orderSettingsRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'settings/orders',
  component: guarded('orders:read', 'see the order settings', OrderSettingsScreen),
});

export const apiKeysRoute = createRoute({
  getParentRoute: () => storeRoute,
  path: 'api-keys',
  component: guarded('apikeys:read', 'see API keys', ApiKeysScreen),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    homeRoute,
    portfolioRoute,
    storeRoute.addChildren([
      storeHomeRoute,
      productsRoute,
      productCreateRoute,
      productImportRoute,
      productImportDetailRoute,
      productEditRoute,
      categoriesRoute,
      collectionsRoute,
      collectionCreateRoute,
      collectionEditRoute,
      inventoryRoute,
      locationsRoute,
      channelsRoute,
      channelRoute,
      purchaseOrdersRoute,
      purchaseOrderCreateRoute,
      forecastsRoute,
      suppliersRoute,
      supplierRoute,
      purchaseOrderRoute,
      transfersRoute,
      transferRoute,
      countsRoute,
      countRoute,
      marketsRoute,
      exchangeRatesRoute,
      marketRoute,
      taxRoute,
      shippingRoute,
      shippingZoneRoute,
      discountsRoute,
      discountCreateRoute,
      discountEvaluateRoute,
      discountRoute,
      seoAuditRoute,
      ordersRoute,
      orderRoute,
      draftOrdersRoute,
      draftOrderCreateRoute,
      draftOrderRoute,
      returnsRoute,
      reviewsRoute,
      supportInboxRoute,
      supportMacrosRoute,
      supportMetricsRoute,
      supportSlaRoute,
      analyticsRoute,
      goalsRoute,
      experimentsRoute,
      experimentResultsRoute,
      customersRoute,
      segmentsRoute,
      customerRoute,
      newslettersRoute,
      newsletterRoute,
      teamRoute,
      auditRoute,
      privacyRoute,
      languagesRoute,
      mailRoute,
      emailTemplatesRoute,
      emailTemplateRoute,
      paymentSettingsRoute,
      orderSettingsRoute,
      apiKeysRoute,
    ]),
  ]),
]);

export function createAdminRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/admin',
    context: { queryClient },
    defaultPreload: 'intent',
    // Queries own freshness; the router should not cache loader data on top of them.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: CenteredLoader,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: RouteNotFound,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAdminRouter>;
  }
}
