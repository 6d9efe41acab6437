/**
 * Spreadsheet programs run a cell that starts with =, +, -, @, tab or carriage return as a formula,
 * so a product title like "=HYPERLINK(…)" in an exported file is a trap for whoever opens it.
 * WooCommerce's exporter defuses such cells by putting a ' in front, and so do we. The rule here is
 * one-to-one so every text survives a round trip: a value gets one more leading ' when it starts
 * with any run of ' followed by a trigger, and reading removes exactly one.
 */
const needsGuard = /^'*[=+\-@\t\r]/;
const guarded = /^'+[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return needsGuard.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return guarded.test(text) ? text.slice(1) : text;
}
