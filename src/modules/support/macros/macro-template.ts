import { Drop, Liquid, LiquidError } from 'liquidjs';
import { badRequest } from '../../../platform/errors.ts';
import { type MacroValues, macroVariableNames } from './macro-variables.ts';

/**
 * A variable the ticket has no value for: empty in conditions (`{% if tracking_url %}` is false) and
 * filters, and marked where it is printed, so the rendered parts say where it was.
 */
class MissingValue extends Drop {
  constructor(readonly variable: string) {
    super();
  }
  override valueOf(): undefined {
    return undefined;
  }
}

// Marks for a missing value printed (private-use characters no text contains), split out afterwards.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Tags that would read other files: a macro is one text. */
const fileTags = ['include', 'render', 'layout'];

/**
 * Macros are plain text (the answer is mailed as text and shown as such), so nothing is
 * HTML-escaped here; the thread escapes it when it is shown. Bounded like the e-mail templates: a
 * macro is a merchant's text.
 */
const engine = new Liquid({
  // Applied last to every `{{ }}`: a missing value, printed as is, leaves its mark.
  outputEscape: ((value: unknown) =>
    value instanceof MissingValue ? `${OPEN}${value.variable}${CLOSE}` : value) as (value: unknown) => string,
  strictFilters: true,
  ownPropertyOnly: true,
  lenientIf: true,
  templates: {},
  parseLimit: 50_000,
  renderLimit: 500,
  memoryLimit: 5_000_000,
});
for (const name of fileTags) {
  engine.registerTag(name, {
    parse() {
      throw new Error(`{% ${name} %} is not available in macros`);
    },
    *render() {},
  });
}

/** A piece of a rendered macro: text, or the place of a variable the ticket has no value for. */
export type MacroPart = { text: string } | { missing: string };

export interface RenderedMacro {
  /** The answer as it would be sent: missing variables print nothing. */
  text: string;
  /** The same text in pieces, so a screen can mark where a value is missing. */
  parts: MacroPart[];
  /** Variables the macro uses that had no value (each once, in order of first use). */
  missing: string[];
}

const known = new Set<string>(macroVariableNames);

function positionOf(err: unknown): string {
  const token = (err as { token?: { getPosition?(): number[] } }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  return line ? ` (line ${line}, column ${column})` : '';
}

/** The top-level names a macro text uses; 400 `invalid_macro` when it does not parse. */
function variablesOf(source: string, path: string): string[] {
  try {
    return engine.globalVariablesSync(source);
  } catch (err) {
    const message =
      err instanceof LiquidError ? err.message.replace(/, line:\d+, col:\d+$/, '') : String(err);
    throw badRequest(
      'invalid_macro',
      `The macro text does not read as a template: ${message}${positionOf(err)}`,
      {
        path,
      },
    );
  }
}

/**
 * Checks a macro text before it is saved: it parses, and uses only the documented variables
 * (400 `invalid_macro` / `unknown_variable`, with the field's path).
 */
export function checkMacroText(source: string, path: string): void {
  const unknown = variablesOf(source, path).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw badRequest(
      'unknown_variable',
      `Unknown variable${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Use one of ${macroVariableNames.join(', ')}.`,
      { path, variables: unknown },
    );
  }
}

/**
 * Renders a macro with a ticket's values. A variable without a value renders as nothing and is
 * reported in `missing`, as is an unknown name (a macro saved before the list changed): rendering
 * never fails on data. A text that does not parse is 400 `invalid_macro`.
 */
export function renderMacroText(source: string, values: MacroValues): RenderedMacro {
  const used = variablesOf(source, 'body');
  const scope: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const name of used) {
    const value = known.has(name) ? values[name as keyof MacroValues] : null;
    if (value) scope[name] = value;
    else {
      scope[name] = new MissingValue(name);
      missing.push(name);
    }
  }
  let rendered: string;
  try {
    rendered = engine.parseAndRenderSync(source, scope);
  } catch (err) {
    throw badRequest(
      'invalid_macro',
      `The macro could not be rendered: ${err instanceof Error ? err.message : String(err)}`,
      { path: 'body' },
    );
  }
  const parts: MacroPart[] = [];
  const pattern = new RegExp(`${OPEN}([a-z0-9_]+)${CLOSE}`, 'gi');
  let at = 0;
  for (const match of rendered.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: rendered.slice(at, match.index) });
    parts.push({ missing: match[1]! });
    at = match.index + match[0].length;
  }
  if (at < rendered.length) parts.push({ text: rendered.slice(at) });
  return { text: parts.map((p) => ('text' in p ? p.text : '')).join(''), parts, missing };
}
