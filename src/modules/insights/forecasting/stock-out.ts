/**
 * When stock runs out under a daily forecast. Day 0 is the forecast's first day. Stock arriving on
 * a day counts from that day on.
 */

export interface Arrival {
  /** Forecast day on which it can be sold (0: the first forecast day). */
  day: number;
  units: number;
}

/**
 * Days the stock lasts: whole days until the first day whose cumulative forecast exceeds the
 * stock available by then, plus the share of that day the remainder covers. Null when the stock
 * outlasts the forecast.
 */
export function daysOfCover(
  forecast: readonly number[],
  available: number,
  arrivals: readonly Arrival[] = [],
): number | null {
  let stock = available;
  let demand = 0;
  for (let day = 0; day < forecast.length; day++) {
    for (const arrival of arrivals) if (arrival.day === day) stock += arrival.units;
    const before = demand;
    demand += forecast[day]!;
    if (demand > stock) {
      const left = stock - before;
      return day + (left > 0 ? left / forecast[day]! : 0);
    }
  }
  return null;
}

/**
 * The first forecast day whose cumulative demand exceeds available stock plus what has arrived by
 * then: the day a customer would find it out of stock. Null when that is beyond the forecast.
 */
export function stockOutDay(
  forecast: readonly number[],
  available: number,
  arrivals: readonly Arrival[] = [],
): number | null {
  const cover = daysOfCover(forecast, available, arrivals);
  return cover === null ? null : Math.floor(cover);
}
