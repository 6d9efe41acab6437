import { type Context, Drop, type FilterImplOptions, Liquid, LiquidError, type Template } from 'liquidjs';
import { LRUCache } from 'lru-cache';
import { dateTimeFormat } from '../../platform/intl-formats.ts';
import { formatMoney, isCurrencyCode } from '../../platform/money.ts';
import { addressLines } from './format-address.ts';

/** What a render needs besides the variables: the e-mail's language and the store's time zone. */
export interface MailRenderSettings {
  locale: string;
  timeZone: string;
}

// Kept in the render's globals under a symbol: filters read it, templates cannot name it.
const SETTINGS = Symbol('mail render settings');

interface FilterThis {
  context: Context;
}

function settingsOf(self: FilterThis): MailRenderSettings {
  const globals = self.context.globals as Record<symbol, MailRenderSettings | undefined>;
  return globals[SETTINGS] ?? { locale: 'en', timeZone: 'UTC' };
}

/**
 * An amount in a template: prints formatted in the e-mail's language ("€104.50", "104,50 €") and
 * keeps `amount` (minor units) and `currency` readable for conditions (`order.discount_total.amount > 0`).
 */
class MoneyDrop extends Drop {
  readonly #locale: string;
  constructor(
    readonly amount: number,
    readonly currency: string,
    locale: string,
  ) {
    super();
    this.#locale = locale;
  }
  override valueOf(): string {
    return formatMoney(this.amount, this.currency, this.#locale);
  }
}

function isMoney(value: object): value is { amount: number; currency: string } {
  const keys = Object.keys(value);
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  return (
    keys.length === 2 &&
    Number.isSafeInteger(amount) &&
    typeof currency === 'string' &&
    isCurrencyCode(currency)
  );
}

/** The variables as templates see them: every `{ amount, currency }` becomes a formatted amount. */
export function templateScope(value: unknown, locale: string): unknown {
  if (Array.isArray(value)) return value.map((item) => templateScope(item, locale));
  if (!value || typeof value !== 'object' || value instanceof Drop) return value;
  if (isMoney(value)) return new MoneyDrop(value.amount, value.currency, locale);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, templateScope(v, locale)]));
}

const dateStyles = new Set(['short', 'medium', 'long', 'full']);

/** `{{ order.placed_at | format_date }}` → "14 March 2025" in the e-mail's language and the store's time zone. */
function formatDate(this: FilterThis, value: unknown, style?: unknown): unknown {
  const date =
    value instanceof Date ? value : typeof value === 'string' && value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return value ?? '';
  const { locale, timeZone } = settingsOf(this);
  const options: Intl.DateTimeFormatOptions =
    style === 'datetime'
      ? { dateStyle: 'long', timeStyle: 'short' }
      : { dateStyle: (dateStyles.has(String(style)) ? style : 'long') as 'long' };
  try {
    return dateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    return dateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date);
  }
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEntities[c]!);
const stringOf = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * Filters that write markup themselves (`raw`: the HTML engine does not escape their result, so
 * they escape what they print): an address or a multi-line text with line breaks.
 */
const htmlFilters: Record<string, FilterImplOptions> = {
  format_address: {
    raw: true,
    handler(this: FilterThis, address: unknown) {
      return addressLines(address, settingsOf(this).locale).map(escapeHtml).join('<br>');
    },
  },
  multiline: {
    raw: true,
    handler(value: unknown) {
      return escapeHtml(stringOf(value)).replace(/\r?\n/g, '<br>');
    },
  },
};

/** The same filters for the subject line, which is plain text. */
const textFilters: Record<string, FilterImplOptions> = {
  format_address(this: FilterThis, address: unknown) {
    return addressLines(address, settingsOf(this).locale).join(', ');
  },
  multiline(value: unknown) {
    return stringOf(value).replace(/\s*\r?\n\s*/g, ' ');
  },
};

/** Tags that would read other files: a template is one text, so they are refused when it is parsed. */
const fileTags = ['include', 'render', 'layout'];

function refusedTag(name: string): Parameters<Liquid['registerTag']>[1] {
  return {
    parse() {
      throw new Error(`{% ${name} %} is not available in e-mail templates`);
    },
    *render() {},
  };
}

function createEngine(escapeOutput: boolean, filters: Record<string, FilterImplOptions>): Liquid {
  const engine = new Liquid({
    // Every `{{ }}` is HTML-escaped unless its last filter is `raw` (the body); the subject is text.
    outputEscape: escapeOutput ? 'escape' : undefined,
    strictFilters: true,
    ownPropertyOnly: true,
    lenientIf: true,
    // No file system: a mapping with nothing in it.
    templates: {},
    // A template is a merchant's text: bound what one render may cost.
    parseLimit: 200_000,
    renderLimit: 1_000,
    memoryLimit: 20_000_000,
  });
  for (const name of fileTags) engine.registerTag(name, refusedTag(name));
  engine.registerFilter('format_date', formatDate as FilterImplOptions);
  for (const [name, filter] of Object.entries(filters)) engine.registerFilter(name, filter);
  return engine;
}

const htmlEngine = createEngine(true, htmlFilters);
const textEngine = createEngine(false, textFilters);

/** A template that does not parse or render, with where (1-based line and column of the source). */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
    /** Which text of the template: set once it is known. */
    readonly part: 'subject' | 'body' | null = null,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

function templateError(err: unknown): TemplateError {
  if (err instanceof LiquidError) {
    const token = (err as LiquidError & { token?: { getPosition?(): number[] } }).token;
    const [line = null, column = null] = token?.getPosition?.() ?? [];
    // The library appends ", line:1, col:4" to its message; the position is given separately.
    const message = err.message.replace(/, line:\d+, col:\d+$/, '');
    return new TemplateError(message, line, column);
  }
  return new TemplateError(err instanceof Error ? err.message : String(err), null, null);
}

export interface RenderTextOptions {
  settings: MailRenderSettings;
  /** Throw on an undefined variable (checking a template against the example variables). */
  strict: boolean;
  html: boolean;
}

// Every order's e-mails render the same few texts: each is parsed once (per engine), not per e-mail.
const parsedTemplates = new LRUCache<string, Template[]>({ max: 500 });

function parsed(engine: Liquid, source: string): Template[] {
  const key = `${engine === htmlEngine ? 'html' : 'text'}\u0000${source}`;
  let templates = parsedTemplates.get(key);
  if (!templates) {
    templates = engine.parse(source);
    parsedTemplates.set(key, templates);
  }
  return templates;
}

/** Renders one Liquid text (synchronously; no template reads anything but its variables). */
export function renderLiquid(source: string, scope: object, options: RenderTextOptions): string {
  const engine = options.html ? htmlEngine : textEngine;
  try {
    return engine.renderSync(parsed(engine, source), scope, {
      strictVariables: options.strict,
      globals: { [SETTINGS]: options.settings },
    });
  } catch (err) {
    throw templateError(err);
  }
}
