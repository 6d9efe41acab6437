import { DateTime } from 'luxon';
import { formatMoney } from '../../platform/money.ts';
import { mailLayout, mailText } from '../transactional-mail/index.ts';
import type { DailyBriefing } from './daily-briefing.ts';
import { metricFigure } from './metric-figure.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Actions per store in the e-mail: the head of the list; the home page has the rest. */
const actionsPerStore = 5;

function change(relative: number | null): string {
  if (relative === null) return '';
  const pct = Math.round(relative * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)}%`;
}

function storeSection(briefing: DailyBriefing, baseUrl: string): string {
  const { store } = briefing;
  const home = `${baseUrl}/admin/stores/${encodeURIComponent(store.handle)}`;
  const rows = (briefing.yesterday ?? [])
    .filter((m) => m.actual !== null)
    .map((m) => {
      const expected = m.expected === null ? '—' : metricFigure(m.metric, m.expected, store.currency);
      const flag = m.flagged ? ' ⚠' : '';
      return `<tr><td>${escapeHtml(m.words)}${flag}</td><td class="amount">${escapeHtml(metricFigure(m.metric, m.actual!, store.currency))}</td><td class="amount muted">${escapeHtml(expected)}</td><td class="amount">${escapeHtml(m.flagged ? change(m.relativeChange) : '')}</td></tr>`;
    })
    .join('\n');
  const table = rows
    ? `<table class="items"><tr><td class="muted">Yesterday</td><td class="amount muted">Actual</td><td class="amount muted">Expected</td><td class="amount muted"></td></tr>\n${rows}</table>`
    : '';
  const actions = briefing.actions.slice(0, actionsPerStore);
  const list = actions.length
    ? `<ol>${actions
        .map(
          (a) =>
            `<li><p><a href="${escapeHtml(baseUrl + a.link)}">${escapeHtml(a.title)}</a><br><span class="muted">${escapeHtml(a.detail)}${
              a.atStake && a.atStake.amount > 0
                ? ` At stake: ${escapeHtml(formatMoney(a.atStake.amount, a.atStake.currency, 'en'))}.`
                : ''
            }</span></p></li>`,
        )
        .join('')}</ol>`
    : '<p>Nothing needs you today.</p>';
  const more =
    briefing.actions.length > actions.length
      ? `<p><a href="${escapeHtml(home)}">${briefing.actions.length - actions.length} more in the briefing</a></p>`
      : '';
  return `<h2>${escapeHtml(store.name)}</h2>\n${table}\n<h3>What to do now</h3>\n${list}\n${more}`;
}

/**
 * The morning e-mail of one person: a section per store they belong to (each store's own
 * yesterday), the first actions of each with links into the admin, HTML and plain text.
 */
export function renderBriefingMail(
  briefings: readonly DailyBriefing[],
  options: { baseUrl: string; recipientName: string; on: string },
): { subject: string; html: string; text: string } {
  const dayWords = DateTime.fromISO(options.on, { zone: 'utc' }).setLocale('en').toFormat('cccc d LLLL');
  const actionCount = briefings.reduce((n, b) => n + b.actions.filter((a) => a.urgency === 'now').length, 0);
  const subject =
    actionCount > 0
      ? `Your briefing for ${dayWords}: ${actionCount} ${actionCount === 1 ? 'thing' : 'things'} to do now`
      : `Your briefing for ${dayWords}`;
  const greeting = `<h1>Good morning${options.recipientName ? `, ${escapeHtml(options.recipientName.split(' ')[0]!)}` : ''}</h1>`;
  const content = [greeting, ...briefings.map((b) => storeSection(b, options.baseUrl))].join('\n');
  const html = mailLayout({ storeName: 'Storepilot', locale: 'en', subject, content });
  return { subject, html, text: mailText('Storepilot', content) };
}
