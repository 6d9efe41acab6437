/**
 * The marketing module's public face: ad spend imported from the platforms' reports, campaign and
 * channel returns (ROAS, cost per order, MER), and the attribution models and spend ratios.
 */
export * as attribution from './attribution/index.ts';
export { campaignReport } from './campaign-report.ts';
export { importAdSpend } from './import-ad-spend.ts';
export { marketingRoutes } from './routes.ts';
