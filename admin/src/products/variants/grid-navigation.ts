import type { KeyboardEvent } from 'react';

/**
 * Spreadsheet moves in the variant grid. Tab and Shift+Tab go across cells (the browser's own order);
 * Enter and the up/down arrows go down and up the column, and Enter never submits the product form.
 * Each cell's input carries `data-grid-cell="<row>:<column>"`.
 */
export const gridCell = (row: number, column: number) => ({ 'data-grid-cell': `${row}:${column}` });

export function cellPosition(element: EventTarget | null): { row: number; column: number } | null {
  if (!(element instanceof HTMLElement)) return null;
  const [row, column] = (element.dataset.gridCell ?? '').split(':').map(Number);
  return Number.isInteger(row) && Number.isInteger(column) ? { row: row!, column: column! } : null;
}

export function onGridKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const at = cellPosition(event.target);
  if (!at) return;
  let step = 0;
  if (event.key === 'Enter') step = event.shiftKey ? -1 : 1;
  else if (event.key === 'ArrowDown' && !event.altKey) step = 1;
  else if (event.key === 'ArrowUp' && !event.altKey) step = -1;
  if (step === 0) return;
  event.preventDefault();
  const next = event.currentTarget.querySelector<HTMLInputElement>(
    `[data-grid-cell="${at.row + step}:${at.column}"]`,
  );
  if (!next) return;
  next.focus();
  if (next.type === 'text') next.select();
}

/** Cells copied from a spreadsheet: rows by line, cells by tab; the trailing line break dropped. */
export function pastedCells(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/** A pasted cell read as a checkbox: yes, true, 1, x, ✓ tick it; anything else clears it. */
export function pastedFlag(text: string): boolean {
  return /^(yes|y|true|1|x|✓|✔)$/i.test(text.trim());
}
