/** Shapes of the briefing API's answers (src/modules/briefing/). */

export type Urgency = 'now' | 'today' | 'this_week';

export interface BriefingAction {
  kind: string;
  urgency: Urgency;
  title: string;
  detail: string;
  /** A full admin path, /admin base included. */
  link: string;
  atStake: { amount: number; currency: string } | null;
}

export interface MetricAgainstExpected {
  metric: 'revenue' | 'orders' | 'sessions' | 'conversionRate' | 'averageOrderValue' | 'refunds';
  words: string;
  actual: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  relativeChange: number | null;
  flagged: boolean;
  direction: 'up' | 'down' | 'none';
  severity: string;
  note: string | null;
  explanation: { sentence: string; dimension: string | null } | null;
}

export interface DailyBriefing {
  store: { id: string; handle: string; name: string; currency: string; timezone: string };
  day: string;
  generatedAt: string;
  yesterday: MetricAgainstExpected[] | null;
  actions: BriefingAction[];
  parts: string[];
}

export interface BriefingMail {
  enabled: boolean;
  sendHour: number;
  timeZone: string;
  lastSentOn: string | null;
}
