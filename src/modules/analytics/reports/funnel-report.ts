import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { measuresByValue } from './breakdown-report.ts';
import { breakdownDimensions, periodQuery, periodsOf } from './kpi-report.ts';
import { emptyMeasures, type FunnelStep, funnelOf } from './metric-totals.ts';

export const funnelQuery = periodQuery.extend({ breakdown: z.enum(breakdownDimensions).optional() }).strict();
export type FunnelQuery = z.output<typeof funnelQuery>;

export interface FunnelReport {
  period: { from: string; to: string; days: number };
  comparison: { from: string; to: string; days: number } | null;
  /** The closed funnel of the whole store, and of the comparison period. */
  total: FunnelStep[];
  previous: FunnelStep[] | null;
  /** The open funnel (each step counted on its own), for reference. */
  open: FunnelStep[];
  breakdown: string | null;
  /** The closed funnel of each breakdown value, most sessions first. */
  rows: { value: string; funnel: FunnelStep[] }[];
}

/** The checkout funnel over a period (closed, docs/metrics.md), whole and per breakdown value. */
export async function funnelReport(db: Db, store: { id: string }, query: FunnelQuery): Promise<FunnelReport> {
  const { current, comparison } = periodsOf(query);
  const [now, before, byValue] = await Promise.all([
    measuresByValue(db, store.id, 'all', current),
    comparison ? measuresByValue(db, store.id, 'all', comparison) : Promise.resolve(null),
    query.breakdown ? measuresByValue(db, store.id, query.breakdown, current) : Promise.resolve(null),
  ]);
  const total = now.get('') ?? emptyMeasures();
  const rows = [...(byValue ?? [])]
    .map(([value, measures]) => ({
      value,
      funnel: funnelOf(measures, 'closed'),
      sessions: measures.sessions,
    }))
    .sort((a, b) => b.sessions - a.sessions || a.value.localeCompare(b.value))
    .map(({ value, funnel }) => ({ value, funnel }));
  return {
    period: current,
    comparison,
    total: funnelOf(total, 'closed'),
    previous: before ? funnelOf(before.get('') ?? emptyMeasures(), 'closed') : null,
    open: funnelOf(total, 'open'),
    breakdown: query.breakdown ?? null,
    rows,
  };
}
