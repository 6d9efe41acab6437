import { DateTime } from 'luxon';
import { z } from 'zod';
import { badRequest } from '../../../platform/errors.ts';
import { channelGroups, isChannelGroup } from '../../analytics/channel-grouping/index.ts';
import { type BudgetPeriod, budgetPeriods } from '../schema.ts';

/** Longest a campaign may run: its pacing and reports read its days one by one. */
const maxCampaignDays = 3 * 366;
const utmTag = z.string().trim().min(1).max(100);

/**
 * A campaign as sent to the API. Types are checked here (400 `validation_failed`); the rules that
 * deserve their own code (a channel GA4 does not know, dates the wrong way round, a budget below
 * zero) are checked by `checkCampaign`, so a client can tell the manager which field to fix.
 */
export const campaignInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel: z.string().min(1).max(60),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    /** Minor units of the store's currency. */
    budget: z.number().int(),
    budgetPeriod: z.string().default('total'),
    /** utm_campaign; a slug of the name when left out. */
    utmCampaign: utmTag.optional(),
    utmSource: utmTag,
    utmMedium: utmTag,
    landingUrl: z.string().max(2000).nullable().optional(),
  })
  .strict();
export type CampaignInput = z.input<typeof campaignInput>;

export interface CheckedCampaign {
  name: string;
  channel: string;
  startsOn: string;
  endsOn: string;
  budget: number;
  budgetPeriod: BudgetPeriod;
  utmCampaign: string;
  utmSource: string;
  utmMedium: string;
  landingUrl: string | null;
}

/** Tags are written in lower case with no spaces, as ad platforms' URL builders write them. */
export function slugTag(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The campaign's rules, each with its code: `invalid_channel` (not a GA4 default channel group),
 * `invalid_campaign_dates` (ends before it starts, or runs over three years), `invalid_budget`
 * (below zero or beyond what minor units hold), `invalid_budget_period`, `invalid_landing_url`.
 */
export function checkCampaign(input: z.output<typeof campaignInput>): CheckedCampaign {
  if (!isChannelGroup(input.channel)) {
    throw badRequest('invalid_channel', `"${input.channel}" is not one of GA4's default channel groups.`, {
      channel: input.channel,
      channels: channelGroups,
    });
  }
  const start = DateTime.fromISO(input.startsOn, { zone: 'utc' });
  const end = DateTime.fromISO(input.endsOn, { zone: 'utc' });
  const days = Math.round(end.diff(start, 'days').days) + 1;
  if (days < 1) {
    throw badRequest('invalid_campaign_dates', 'The campaign ends before it starts.', {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
  }
  if (days > maxCampaignDays) {
    throw badRequest('invalid_campaign_dates', `A campaign runs ${maxCampaignDays} days at most.`, { days });
  }
  if (input.budget < 0 || !Number.isSafeInteger(input.budget)) {
    throw badRequest('invalid_budget', 'The budget is a whole number of minor units, at least 0.', {
      budget: input.budget,
    });
  }
  if (!(budgetPeriods as readonly string[]).includes(input.budgetPeriod)) {
    throw badRequest('invalid_budget_period', 'The budget is for the whole campaign or for each month.', {
      budgetPeriod: input.budgetPeriod,
      budgetPeriods,
    });
  }
  const utmCampaign = input.utmCampaign ?? slugTag(input.name);
  if (utmCampaign === '') {
    throw badRequest('invalid_utm_campaign', 'Give the campaign a utm_campaign tag.', { name: input.name });
  }
  return {
    name: input.name,
    channel: input.channel,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    budget: input.budget,
    budgetPeriod: input.budgetPeriod as BudgetPeriod,
    utmCampaign,
    utmSource: input.utmSource,
    utmMedium: input.utmMedium,
    landingUrl: checkLandingUrl(input.landingUrl ?? null),
  };
}

function checkLandingUrl(url: string | null): string | null {
  if (url === null || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw badRequest('invalid_landing_url', 'The landing page is not an absolute address.', {
      landingUrl: url,
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw badRequest('invalid_landing_url', 'The landing page must be an http or https address.', {
      landingUrl: url,
    });
  }
  return parsed.toString();
}
