import type { ReactNode } from 'react';

/** Days of forecast drawn after the history. */
const forecastDays = 28;
const width = 120;
const height = 40;

/**
 * Eight weeks of units sold (solid) and the next four weeks' forecast (dashed), with stock-out
 * days marked red along the bottom: those zeros were not demand, and the forecast leaves them out.
 */
export function DemandSparkline({
  history,
  forecast,
  label,
}: {
  history: readonly { day: string; units: number; stockOut: boolean }[];
  forecast: readonly number[];
  label: string;
}): ReactNode {
  const ahead = forecast.slice(0, forecastDays);
  const days = history.length + ahead.length;
  const top = Math.max(1, ...history.map((d) => d.units), ...ahead);
  const x = (i: number) => (days <= 1 ? 0 : (i / (days - 1)) * (width - 2) + 1);
  const y = (units: number) => height - 4 - (units / top) * (height - 8);
  const line = (points: [number, number][]) =>
    points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const past = history.map((d, i): [number, number] => [x(i), y(d.units)]);
  // The forecast starts from the last day sold, so the two lines join.
  const future = ahead.map((units, i): [number, number] => [x(history.length + i), y(units)]);
  if (past.length > 0) future.unshift(past[past.length - 1]!);
  const sold = history.reduce((sum, d) => sum + d.units, 0);
  const expected = ahead.reduce((sum, units) => sum + units, 0);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${Math.round(sold)} sold in the last ${history.length} days, ${Math.round(expected)} expected in the next ${ahead.length}`}
    >
      <line x1={0} x2={width} y1={height - 4} y2={height - 4} stroke="var(--mantine-color-gray-3)" />
      {history.map((d, i) =>
        d.stockOut ? (
          <rect
            key={d.day}
            x={x(i) - 1}
            y={height - 4}
            width={2.5}
            height={3}
            fill="var(--mantine-color-red-6)"
          />
        ) : null,
      )}
      <polyline points={line(past)} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={1.5} />
      <polyline
        points={line(future)}
        fill="none"
        stroke="var(--mantine-color-orange-6)"
        strokeWidth={1.5}
        strokeDasharray="3 2"
      />
    </svg>
  );
}
