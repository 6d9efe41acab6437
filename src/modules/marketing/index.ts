/**
 * The marketing module's public face: campaigns (plans with budgets, tags, links and pacing), ad
 * spend imported from the platforms' reports or entered by hand, multi-touch attribution of orders
 * to channels and campaigns (ROAS, CPA, CAC, MER), discount code performance, and the attribution
 * models and spend ratios.
 */
export * as attribution from './attribution/index.ts';
export { attributionReport } from './attribution-report.ts';
export { campaignReport } from './campaign-report.ts';
export { budgetPacing, type Pacing, pacingWindow } from './campaigns/budget-pacing.ts';
export { campaignLink } from './campaigns/campaign-link.ts';
export { campaignsWithPacing } from './campaigns/campaign-pacing.ts';
export {
  type Campaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns/campaign-records.ts';
export { discountCodeReport } from './discount-code-report.ts';
export { importAdSpend } from './import-ad-spend.ts';
export { recordManualSpend } from './manual-ad-spend.ts';
export { marketingRoutes } from './routes.ts';
