import type { ExperimentTargeting } from '../schema.ts';

/** What targeting rules look at, worked out once per request. */
export interface VisitorTraits {
  /** The request came without a visitor id: the visitor's first page. */
  newVisitor: boolean;
  device: 'desktop' | 'mobile' | 'tablet' | 'other';
  /** ISO 3166-1 alpha-2, upper case; null when unknown. */
  country: string | null;
}

/** Whether a visitor not yet in the experiment may enter it (one already in stays in). */
export function isTargeted(targeting: ExperimentTargeting, visitor: VisitorTraits): boolean {
  if (targeting.audience === 'new_visitors' && !visitor.newVisitor) return false;
  if (targeting.devices && !targeting.devices.includes(visitor.device as 'mobile' | 'desktop')) return false;
  if (targeting.countries && (!visitor.country || !targeting.countries.includes(visitor.country)))
    return false;
  return true;
}
