/** The portfolio API's answer (src/modules/portfolio). */
export interface PortfolioKpi {
  value: number | null;
  previous: number | null;
  change: number | null;
}

export interface PortfolioKpis {
  netSales: PortfolioKpi;
  orders: PortfolioKpi;
  sessions: PortfolioKpi;
  conversionRate: PortfolioKpi;
  averageOrderValue: PortfolioKpi;
}

export interface PortfolioStore {
  store: { id: string; handle: string; name: string; baseCurrency: string; timezone: string };
  role: string;
  converted: boolean;
  kpis: PortfolioKpis;
  trend: { day: string; netSales: number | null }[];
  anomalies: { day: string; flagged: string[] };
  goals: { on_pace: number; at_risk: number; behind: number };
}

export interface Portfolio {
  currency: string;
  period: { from: string; to: string; days: number };
  comparison: { from: string; to: string; days: number };
  stores: PortfolioStore[];
  totals: PortfolioKpis;
  trend: { day: string; netSales: number }[];
  unconverted: string[];
}
