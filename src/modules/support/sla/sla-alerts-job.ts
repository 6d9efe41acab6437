import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { listAllStores } from '../../access/index.ts';
import { type SlaClockName, supportSlaAlerts, supportTickets } from '../schema.ts';

export const SLA_ALERTS_JOB = 'support.sla-alerts';

/** Every ten minutes: a warning an hour ahead leaves at least fifty minutes before the breach. */
export const slaAlertsSchedule: ScheduleDefinition = {
  name: SLA_ALERTS_JOB,
  jobName: SLA_ALERTS_JOB,
  everySeconds: 600,
  payload: {},
};

/** How far ahead a clock counts as about to breach (`support.sla_due_soon`). */
export const DUE_SOON_AHEAD_MS = 60 * 60 * 1000;
const BATCH = 500;

const t = supportTickets;

/** The clock's kept due time and whether it runs, as SQL over the ticket row. */
const clocks: Record<
  SlaClockName,
  { due: typeof t.firstResponseDueAt | typeof t.resolutionDueAt; running: SQL }
> = {
  first_response: { due: t.firstResponseDueAt, running: sql`${t.firstResponseAt} is null` },
  resolution: { due: t.resolutionDueAt, running: sql`true` },
};

/** A running clock due by `horizon` whose warning of the kind it now needs was not sent yet. */
function needsAlert(clock: SlaClockName, at: string, horizon: string): SQL {
  const { due, running } = clocks[clock];
  return sql`(${running} and ${due} <= ${horizon}::timestamptz and not exists (
    select 1 from ${supportSlaAlerts} a where a.ticket_id = ${t.id} and a.clock = ${clock}
      and a.kind = case when ${due} <= ${at}::timestamptz then 'breached' else 'due_soon' end))`;
}

export interface SlaAlertCounts {
  breached: number;
  dueSoon: number;
}

/**
 * Emits `support.sla_breached` for each running SLA clock (first response, resolution) of a live
 * ticket past its due time, and `support.sla_due_soon` for each due within the hour, once per
 * ticket, clock and kind: the alert row is inserted first (a second run or another instance finds it
 * and sends nothing) and the event goes out in the same transaction. A clock already breached when
 * first seen gets only the breach. Reads the due times kept on the rows (partial due indexes).
 */
export async function sendSlaAlerts(db: Db, at: Date = now()): Promise<SlaAlertCounts> {
  const counts: SlaAlertCounts = { breached: 0, dueSoon: 0 };
  const iso = at.toISOString();
  const horizon = new Date(at.getTime() + DUE_SOON_AHEAD_MS).toISOString();
  for (const store of await listAllStores(db)) {
    for (const clock of ['first_response', 'resolution'] as const) {
      for (;;) {
        const due = clocks[clock].due;
        const rows = await db
          .select({
            id: t.id,
            number: t.number,
            priority: t.priority,
            assigneeId: t.assigneeId,
            dueAt: due,
          })
          .from(t)
          .where(
            and(
              eq(t.storeId, store.id),
              isNull(t.mergedIntoId),
              sql`${t.status} in ('new', 'open', 'pending')`,
              needsAlert(clock, iso, horizon),
            ),
          )
          .orderBy(due)
          .limit(BATCH);
        for (const row of rows) {
          const kind = row.dueAt! <= at ? 'breached' : 'due_soon';
          const sent = await db.transaction(async (tx) => {
            const claimed = await tx
              .insert(supportSlaAlerts)
              .values({ storeId: store.id, ticketId: row.id, clock, kind, dueAt: row.dueAt! })
              .onConflictDoNothing()
              .returning({ ticketId: supportSlaAlerts.ticketId });
            if (claimed.length === 0) return false;
            await emitEvent(tx, {
              storeId: store.id,
              type: kind === 'breached' ? 'support.sla_breached' : 'support.sla_due_soon',
              payload: {
                ticketId: row.id,
                number: row.number,
                clock,
                dueAt: row.dueAt!.toISOString(),
                priority: row.priority,
                assigneeId: row.assigneeId,
              },
            });
            return true;
          });
          if (sent && kind === 'breached') counts.breached++;
          else if (sent) counts.dueSoon++;
        }
        if (rows.length < BATCH) break;
      }
    }
  }
  return counts;
}

export function registerSlaAlertsJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(SLA_ALERTS_JOB, async (_payload, { db, logger }) => {
    const counts = await sendSlaAlerts(db);
    if (counts.breached + counts.dueSoon > 0) logger.info({ job: SLA_ALERTS_JOB, ...counts }, 'SLA alerts');
  });
}
