/**
 * Forecast units over the first `days` days of a daily forecast; a fractional day counts that
 * share of its day (a 2.5-day lead time takes half of the third day).
 */
export function demandOverDays(forecast: readonly number[], days: number): number {
  if (!(days >= 0)) throw new RangeError(`days must not be negative, got ${days}`);
  if (forecast.length < Math.ceil(days)) {
    throw new RangeError(`the forecast covers ${forecast.length} days, ${Math.ceil(days)} are needed`);
  }
  const whole = Math.floor(days);
  let total = 0;
  for (let d = 0; d < whole; d++) total += forecast[d]!;
  if (days > whole) total += (days - whole) * forecast[whole]!;
  return total;
}
