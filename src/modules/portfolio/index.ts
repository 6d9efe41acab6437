/**
 * The portfolio's public face: one view over every store a person may read analytics of, in one
 * reporting currency (docs/portfolio.md). It owns no table: it reads access, analytics, markets,
 * insights and goals through their public faces.
 */
export { type Portfolio, type PortfolioStore, portfolio, portfolioQuery } from './portfolio.ts';
export { portfolioRoutes } from './routes.ts';
