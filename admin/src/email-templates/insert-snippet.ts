/** A text with `snippet` put in place of the selection, and where the cursor goes (after it). */
export function insertSnippet(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  snippet: string,
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  return { text: text.slice(0, start) + snippet + text.slice(end), cursor: start + snippet.length };
}

/** What a one-line subject can take: a single value, not a loop over a list (null: it goes in the body). */
export function subjectSnippet(snippet: string): string | null {
  return snippet.includes('\n') ? null : snippet;
}
