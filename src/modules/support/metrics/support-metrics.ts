import { and, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { quantileSorted } from 'simple-statistics';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { getStore } from '../../access/index.ts';
import { supportCsatSurveys } from '../csat/schema.ts';
import { supportTickets, type TicketPriority, type TicketStatus } from '../schema.ts';
import { businessMinutesBetween } from '../sla/business-hours.ts';
import { storeSla } from '../sla/sla-settings.ts';
import { liveStatuses, slaTicketOf } from '../sla/ticket-due-times.ts';
import { ticketSla } from '../sla/ticket-sla.ts';

export const supportMetricsQuery = z
  .object({
    /** First day of the period (the store's calendar), inclusive; default 29 days before `to`. */
    from: z.iso.date().optional(),
    /** Last day of the period, inclusive; default today. */
    to: z.iso.date().optional(),
  })
  .strict();
export type SupportMetricsQuery = z.input<typeof supportMetricsQuery>;

/** A year and a day: a period longer than that is not a support report. */
const MAX_DAYS = 367;

export interface Durations {
  /** How many tickets the figures are over. */
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
}

export interface SlaShare {
  /** Clocks that stopped in time, over those that stopped or ran out (running ones are not judged yet). */
  met: number;
  judged: number;
  share: number | null;
}

export interface Csat {
  /** Share of good ratings among the responses. */
  score: number | null;
  good: number;
  bad: number;
  responses: number;
  surveysSent: number;
  responseRate: number | null;
}

export interface GroupMetrics {
  created: number;
  solved: number;
  firstResponse: Durations;
  resolution: Durations;
  withinSla: { firstResponse: SlaShare; resolution: SlaShare };
  csat: Csat;
}

export interface SupportMetrics extends GroupMetrics {
  from: string;
  to: string;
  timezone: string;
  backlog: { now: number };
  days: { date: string; created: number; solved: number; backlog: number }[];
  byAgent: ({ assigneeId: string | null } & GroupMetrics)[];
  byChannel: ({ channel: string } & GroupMetrics)[];
}

interface MetricTicket {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: string;
  assigneeId: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  solvedAt: Date | null;
  updatedAt: Date;
}

interface Survey {
  ticketId: string;
  sentAt: Date | null;
  rating: string | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

function durations(pairs: [Date, Date][], hours: Parameters<typeof businessMinutesBetween>[2]): Durations {
  const calendar = pairs.map(([a, b]) => (b.getTime() - a.getTime()) / 60_000).sort((x, y) => x - y);
  const business = pairs.map(([a, b]) => businessMinutesBetween(a, b, hours)).sort((x, y) => x - y);
  const q = (sorted: number[], p: number) => (sorted.length ? round(quantileSorted(sorted, p)) : null);
  return {
    count: pairs.length,
    medianMinutes: q(calendar, 0.5),
    p90Minutes: q(calendar, 0.9),
    medianBusinessMinutes: q(business, 0.5),
    p90BusinessMinutes: q(business, 0.9),
  };
}

function share(met: number, judged: number): SlaShare {
  return { met, judged, share: judged ? round(met / judged) : null };
}

/** Where a ticket's clocks stopped (the SLA clock's reading: solved, or closed without solving). */
const stoppedAt = (t: MetricTicket) => slaTicketOf(t).solvedAt;

/**
 * The support report of a period (days of the store's calendar): first response and resolution
 * times (median and p90, calendar and business minutes) and the share within SLA over the tickets
 * created in the period, tickets created and solved per day, the backlog (live tickets) now and at
 * the end of each day, and CSAT over the surveys sent in the period — for the store, per agent
 * (the ticket's assignee) and per channel. Merged tickets are left out. Worked out in the process
 * from one read of the tickets that overlap the period, so both databases give the same figures.
 */
export async function supportMetrics(
  db: Db,
  storeId: string,
  query: SupportMetricsQuery,
  at: Date,
): Promise<SupportMetrics> {
  const { timezone } = await getStore(db, storeId);
  const q = supportMetricsQuery.parse(query);
  const today = DateTime.fromJSDate(at, { zone: timezone }).startOf('day');
  const toDay = q.to ? DateTime.fromISO(q.to, { zone: timezone }) : today;
  const fromDay = q.from ? DateTime.fromISO(q.from, { zone: timezone }) : toDay.minus({ days: 29 });
  const dayCount = Math.round(toDay.diff(fromDay, 'days').days) + 1;
  if (dayCount < 1) {
    throw unprocessable('invalid_period', 'The period must end on or after its first day.', { path: 'to' });
  }
  if (dayCount > MAX_DAYS) {
    throw unprocessable('period_too_long', `A period is at most ${MAX_DAYS} days.`, { path: 'from' });
  }
  const start = fromDay.toJSDate();
  const end = toDay.plus({ days: 1 }).toJSDate();
  const sla = await storeSla(db, storeId);
  const t = supportTickets;
  // Every ticket open at some moment of the period: created before its end, not stopped before its start.
  const tickets = (await db
    .select({
      id: t.id,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      assigneeId: t.assigneeId,
      createdAt: t.createdAt,
      firstResponseAt: t.firstResponseAt,
      solvedAt: t.solvedAt,
      updatedAt: t.updatedAt,
    })
    .from(t)
    .where(
      and(
        eq(t.storeId, storeId),
        isNull(t.mergedIntoId),
        lt(t.createdAt, end),
        or(
          inArray(t.status, [...liveStatuses]),
          gte(t.solvedAt, start),
          and(isNull(t.solvedAt), gte(t.updatedAt, start)),
        ),
      ),
    )) as MetricTicket[];
  const [{ backlog }] = (await db
    .select({ backlog: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.storeId, storeId), isNull(t.mergedIntoId), inArray(t.status, [...liveStatuses])))) as [
    { backlog: number },
  ];
  const s = supportCsatSurveys;
  const surveys: Survey[] = await db
    .select({ ticketId: s.ticketId, sentAt: s.sentAt, rating: s.rating })
    .from(s)
    .where(and(eq(s.storeId, storeId), gte(s.sentAt, start), lt(s.sentAt, end)));

  const inPeriod = (d: Date | null) => d !== null && d >= start && d < end;
  const created = tickets.filter((ticket) => inPeriod(ticket.createdAt));
  const surveysByTicket = new Map(surveys.map((survey) => [survey.ticketId, survey]));

  const group = (members: MetricTicket[], surveyList: Survey[]): GroupMetrics => {
    const mine = members.filter((ticket) => inPeriod(ticket.createdAt));
    const firstResponses = mine.filter((ticket) => ticket.firstResponseAt);
    const solved = mine.filter((ticket) => ticket.solvedAt);
    let frMet = 0;
    let frJudged = 0;
    let resMet = 0;
    let resJudged = 0;
    for (const ticket of mine) {
      const clocks = ticketSla(slaTicketOf(ticket), sla.policy, sla.hours, at);
      if (clocks.firstResponse.state === 'met') frMet++;
      if (['met', 'missed', 'breached'].includes(clocks.firstResponse.state)) frJudged++;
      if (clocks.resolution.state === 'met') resMet++;
      if (['met', 'missed', 'breached'].includes(clocks.resolution.state)) resJudged++;
    }
    const good = surveyList.filter((survey) => survey.rating === 'good').length;
    const bad = surveyList.filter((survey) => survey.rating === 'bad').length;
    return {
      created: mine.length,
      solved: members.filter((ticket) => inPeriod(ticket.solvedAt)).length,
      firstResponse: durations(
        firstResponses.map((ticket) => [ticket.createdAt, ticket.firstResponseAt!]),
        sla.hours,
      ),
      resolution: durations(
        solved.map((ticket) => [ticket.createdAt, ticket.solvedAt!]),
        sla.hours,
      ),
      withinSla: { firstResponse: share(frMet, frJudged), resolution: share(resMet, resJudged) },
      csat: {
        score: good + bad ? round(good / (good + bad)) : null,
        good,
        bad,
        responses: good + bad,
        surveysSent: surveyList.length,
        responseRate: surveyList.length ? round((good + bad) / surveyList.length) : null,
      },
    };
  };

  const days: SupportMetrics['days'] = [];
  for (let i = 0; i < dayCount; i++) {
    const dayStart = fromDay.plus({ days: i }).toJSDate();
    const dayEnd = fromDay.plus({ days: i + 1 }).toJSDate();
    const within = (d: Date | null) => d !== null && d >= dayStart && d < dayEnd;
    days.push({
      date: fromDay.plus({ days: i }).toISODate()!,
      created: created.filter((ticket) => within(ticket.createdAt)).length,
      solved: tickets.filter((ticket) => within(ticket.solvedAt)).length,
      backlog: tickets.filter((ticket) => {
        const stop = stoppedAt(ticket);
        return ticket.createdAt < dayEnd && (stop === null || stop >= dayEnd);
      }).length,
    });
  }

  const surveysOf = (members: MetricTicket[]) =>
    members.flatMap((ticket) => surveysByTicket.get(ticket.id) ?? []);
  const groupBy = <K extends string | null>(key: (ticket: MetricTicket) => K) => {
    const groups = new Map<K, MetricTicket[]>();
    for (const ticket of tickets) {
      const members = groups.get(key(ticket));
      if (members) members.push(ticket);
      else groups.set(key(ticket), [ticket]);
    }
    return [...groups].map(([k, members]) => [k, group(members, surveysOf(members))] as const);
  };

  return {
    from: fromDay.toISODate()!,
    to: toDay.toISODate()!,
    timezone,
    ...group(tickets, surveys),
    backlog: { now: backlog },
    days,
    byAgent: groupBy((ticket) => ticket.assigneeId)
      .map(([assigneeId, metrics]) => ({ assigneeId, ...metrics }))
      .filter((g) => g.created + g.solved + g.csat.surveysSent > 0),
    byChannel: groupBy((ticket) => ticket.channel)
      .map(([channel, metrics]) => ({ channel, ...metrics }))
      .filter((g) => g.created + g.solved + g.csat.surveysSent > 0),
  };
}
