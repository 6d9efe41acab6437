import { durationLabel } from '../support-settings/duration-label.ts';
import type { TicketRow } from './support-types.ts';

export interface SlaBadge {
  label: string;
  color: 'red' | 'orange';
  /** The longer sentence for the badge's title. */
  title: string;
}

const clockWords = { firstResponse: 'first reply', resolution: 'resolution' } as const;

/**
 * What the inbox row says about the ticket's SLA: breached (red) before due soon (orange), the first
 * reply's clock before the resolution's; nothing while both clocks are comfortably running or have
 * stopped. Minutes are business minutes, as the SLA counts them.
 */
export function slaBadgeOf(row: Pick<TicketRow, 'sla'>): SlaBadge | null {
  if (!row.sla) return null;
  const clocks = (['firstResponse', 'resolution'] as const).map((kind) => ({ kind, ...row.sla![kind] }));
  const breached = clocks.find((c) => c.state === 'breached');
  if (breached) {
    const late = breached.minutesLeft ? ` by ${durationLabel(-breached.minutesLeft)}` : '';
    return {
      label: `${clockWords[breached.kind]} overdue`,
      color: 'red',
      title: `SLA breached: the ${clockWords[breached.kind]} was due ${new Date(breached.dueAt).toLocaleString()}, late${late} of business hours`,
    };
  }
  const soon = clocks.find((c) => c.state === 'due_soon');
  if (soon) {
    const left = durationLabel(soon.minutesLeft ?? 0);
    return {
      label: `${clockWords[soon.kind]} due in ${left}`,
      color: 'orange',
      title: `SLA due soon: ${left} of business hours left for the ${clockWords[soon.kind]}`,
    };
  }
  return null;
}
