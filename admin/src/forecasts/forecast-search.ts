/** The forecasts screen's address: `serviceLevel` (a share, e.g. 0.98) and `all` (every variant, not only those to order). */

export interface ForecastSearch {
  serviceLevel?: number;
  all?: boolean;
}

export const serviceLevels = [0.9, 0.95, 0.98, 0.99] as const;
export const defaultServiceLevel = 0.95;

export function parseForecastSearch(search: Record<string, unknown>): ForecastSearch {
  const level = Number(search.serviceLevel);
  return {
    ...((serviceLevels as readonly number[]).includes(level) ? { serviceLevel: level } : {}),
    ...(search.all === true || search.all === 'true' ? { all: true } : {}),
  };
}
