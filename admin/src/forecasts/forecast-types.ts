/** The answer of GET …/insights/reorder-forecasts (src/modules/insights/reorder-forecasts/). */

export interface ForecastSupplier {
  id: string;
  name: string;
  currency: string;
  leadTimeDays: number;
  minimumOrderQuantity: number | null;
}

export interface ForecastOrder {
  coverDays: number;
  demandOverCover: number;
  safetyStock: number;
  targetUnits: number;
  shortfall: number;
  quantity: number;
  packs: number;
  packSize: number;
  minimumOrderQuantity: number;
  roundedUpBy: 'nothing' | 'packs' | 'minimum' | 'economic-lot';
}

export interface ReorderForecastItem {
  variantId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  supplier: ForecastSupplier | null;
  unitCost: { amount: number; currency: string } | null;
  method: string;
  pattern: string;
  accuracy: { mase: number | null; wape: number | null; origins: number } | null;
  demandSd: number;
  history: { day: string; units: number; stockOut: boolean }[];
  forecast: number[];
  censoredDays: number;
  available: number;
  incoming: number;
  leadTimeDays: number | null;
  daysOfCover: number | null;
  stockOutDate: string | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  reorderNow: boolean;
  order: ForecastOrder | null;
  drafts: { id: string; label: string; supplierId: string; quantity: number }[];
}

export interface ReorderForecastGroup {
  supplier: ForecastSupplier;
  lines: { variantId: string; quantity: number }[];
  units: number;
  total: { amount: number; currency: string };
  belowSupplierMinimum: boolean;
}

export interface ReorderForecasts {
  today: string;
  settings: { serviceLevel: number; reviewPeriodDays: number };
  items: ReorderForecastItem[];
  groups: ReorderForecastGroup[];
}

export interface CreatedReorderDraft {
  id: string;
  label: string;
  supplierId: string;
  lines: number;
  units: number;
}
