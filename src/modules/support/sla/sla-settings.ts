import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { type Actor, getStore, recordAudit } from '../../access/index.ts';
import { supportSlaPolicies, ticketPriorities } from '../schema.ts';
import { type BusinessHours, type DayHours, weekdayOfficeHours } from './business-hours.ts';
import { recomputeStoreDueTimes } from './ticket-due-times.ts';
import { defaultSlaPolicy, type SlaPolicy } from './ticket-sla.ts';

const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
type Weekday = (typeof weekdays)[number];

/** A store's SLA as the API shows it: the zone is the store's (access), shown for the reader. */
export interface SlaSettings {
  targets: SlaPolicy;
  hours: { days: Partial<Record<Weekday, DayHours>>; closedDates: string[] };
  timezone: string;
  /** False while the store runs on the defaults. */
  custom: boolean;
}

/** The policy and hours the clocks use, ready for `ticketSla`. */
export interface StoreSla {
  policy: SlaPolicy;
  hours: BusinessHours;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time such as 09:00 (24-hour clock).');
const target = z.object({ firstResponseMinutes: z.number(), resolutionMinutes: z.number() }).strict();

export const slaSettingsInput = z
  .object({
    targets: z.object({ urgent: target, high: target, normal: target, low: target }).strict(),
    hours: z
      .object({
        days: z
          .partialRecord(z.enum(weekdays), z.object({ open: time, close: time }).strict().nullable())
          .default({}),
        closedDates: z.array(z.iso.date()).max(366).default([]),
      })
      .strict(),
  })
  .strict();
export type SlaSettingsInput = z.input<typeof slaSettingsInput>;

/** Four weeks of minutes: a target longer than that is a typo, not a promise. */
const MAX_TARGET_MINUTES = 4 * 7 * 24 * 60;

/**
 * The checks a schema cannot say clearly (422): targets are whole positive minutes, the resolution
 * target is not shorter than the first response's, a day closes after it opens, and the week has
 * some open hours (else no clock could ever be due).
 */
function assertSensible(data: z.output<typeof slaSettingsInput>): void {
  for (const priority of ticketPriorities) {
    for (const field of ['firstResponseMinutes', 'resolutionMinutes'] as const) {
      const value = data.targets[priority][field];
      if (!Number.isInteger(value) || value < 1 || value > MAX_TARGET_MINUTES) {
        throw unprocessable(
          'invalid_sla_target',
          `Targets are whole minutes from 1 to ${MAX_TARGET_MINUTES}.`,
          { path: `targets.${priority}.${field}`, value },
        );
      }
    }
    if (data.targets[priority].resolutionMinutes < data.targets[priority].firstResponseMinutes) {
      throw unprocessable(
        'resolution_before_first_response',
        'The resolution target cannot be shorter than the first-response target.',
        { path: `targets.${priority}.resolutionMinutes` },
      );
    }
  }
  let open = 0;
  for (const day of weekdays) {
    const hours = data.hours.days[day];
    if (!hours) continue;
    if (hours.close <= hours.open) {
      throw unprocessable('close_before_open', 'A day must close after it opens.', {
        path: `hours.days.${day}`,
      });
    }
    open++;
  }
  if (open === 0) {
    throw unprocessable('no_business_hours', 'Open on at least one day of the week.', { path: 'hours.days' });
  }
}

function daysOf(hours: BusinessHours): SlaSettings['hours']['days'] {
  return Object.fromEntries(Object.entries(hours.days).map(([d, h]) => [d, { ...h }]));
}

/** The store's SLA settings, the defaults when it has none. */
export async function getSlaSettings(db: Db, storeId: string): Promise<SlaSettings> {
  const store = await getStore(db, storeId);
  const [row] = await db.select().from(supportSlaPolicies).where(eq(supportSlaPolicies.storeId, storeId));
  if (!row) {
    return {
      targets: structuredClone(defaultSlaPolicy),
      hours: { days: daysOf(weekdayOfficeHours(store.timezone)), closedDates: [] },
      timezone: store.timezone,
      custom: false,
    };
  }
  return {
    targets: row.targets as SlaPolicy,
    hours: row.hours as SlaSettings['hours'],
    timezone: store.timezone,
    custom: true,
  };
}

/** What the clocks of the store's tickets run on: its policy, its hours in its zone. */
export async function storeSla(db: Db, storeId: string): Promise<StoreSla> {
  const settings = await getSlaSettings(db, storeId);
  return {
    policy: settings.targets,
    hours: {
      timezone: settings.timezone,
      days: Object.fromEntries(Object.entries(settings.hours.days).map(([d, h]) => [Number(d), h])),
      closedDates: settings.hours.closedDates,
    },
  };
}

/**
 * Saves the store's SLA (400 `validation_failed` for a wrong shape, 422 `invalid_sla_target`,
 * `resolution_before_first_response`, `close_before_open`, `no_business_hours`), audited, with
 * `support.sla_updated`; the due times of the store's live tickets are worked out again under the
 * new policy in the same transaction.
 */
export async function updateSlaSettings(
  db: Db,
  storeId: string,
  actor: Actor,
  input: SlaSettingsInput,
): Promise<SlaSettings> {
  const data = slaSettingsInput.parse(input);
  assertSensible(data);
  const days = Object.fromEntries(
    Object.entries(data.hours.days)
      .filter(([, h]) => h)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const closedDates = [...new Set(data.hours.closedDates)].sort();
  const hours = { days, closedDates };
  return db.transaction(async (tx) => {
    const before = await getSlaSettings(tx, storeId);
    await tx
      .insert(supportSlaPolicies)
      .values({ storeId, targets: data.targets, hours, updatedAt: now() })
      .onConflictDoUpdate({
        target: supportSlaPolicies.storeId,
        set: { targets: data.targets, hours, updatedAt: now() },
      });
    const after = await getSlaSettings(tx, storeId);
    const recomputed = await recomputeStoreDueTimes(tx, storeId, await storeSla(tx, storeId));
    await recordAudit(tx, actor, {
      storeId,
      action: 'support.sla_updated',
      entityType: 'support_sla_policy',
      entityId: storeId,
      before: { targets: before.targets, hours: before.hours },
      after: { targets: after.targets, hours: after.hours },
    });
    await emitEvent(tx, { storeId, type: 'support.sla_updated', payload: { recomputedTickets: recomputed } });
    return after;
  });
}
