/** A report's header row, looked up the way people and platforms spell column names. */
export interface ReportHeader {
  /** The header cells as written (trimmed), for messages. */
  readonly cells: readonly string[];
  /** The first column named any of `names` (compared normalised), or undefined. */
  find(names: readonly string[]): number | undefined;
  /** The first column whose normalised name matches `pattern`, with the match. */
  findMatching(pattern: RegExp): { index: number; match: RegExpExecArray } | undefined;
  /** How many of `names` the header has. */
  count(names: readonly string[]): number;
}

/**
 * Column names compared without case, surrounding spaces or quotes, repeated spaces, or the
 * invisible characters some exports put at the start (a stray byte-order mark, zero-width space).
 */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/[\ufeff\u200b]/g, '')
    .trim()
    .replace(/^"+|"+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function reportHeader(cells: readonly string[]): ReportHeader {
  const normalised = cells.map(normaliseColumnName);
  const indexOf = new Map<string, number>();
  normalised.forEach((name, index) => {
    if (name !== '' && !indexOf.has(name)) indexOf.set(name, index);
  });
  return {
    cells: cells.map((cell) => cell.trim()),
    find(names) {
      for (const name of names) {
        const index = indexOf.get(normaliseColumnName(name));
        if (index !== undefined) return index;
      }
      return undefined;
    },
    findMatching(pattern) {
      for (const [index, name] of normalised.entries()) {
        const match = pattern.exec(name);
        if (match) return { index, match };
      }
      return undefined;
    },
    count(names) {
      return names.filter((name) => indexOf.has(normaliseColumnName(name))).length;
    },
  };
}
