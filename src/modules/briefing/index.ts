/**
 * The daily briefing: what happened yesterday against what was expected, and a ranked list of what
 * to do now, gathered from the modules that know (docs/briefing.md). Read on the admin's home page
 * and, for those who ask, in a morning e-mail.
 */
export type { ActionKind, BriefingAction, Urgency } from './briefing-types.ts';
export {
  type BriefingPart,
  briefingDayOf,
  briefingParts,
  type DailyBriefing,
  dailyBriefing,
} from './daily-briefing.ts';
export { type BriefingMailSubscription, getBriefingMail, setBriefingMail } from './mail-subscription.ts';
export {
  MORNING_MAIL_JOB,
  morningMailSchedule,
  registerMorningMailJob,
  sendMorningMailIfDue,
} from './morning-mail-job.ts';
export { briefingMailRoutes, briefingRoutes } from './routes.ts';
