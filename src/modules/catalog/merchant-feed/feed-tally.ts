import type { FeedAttribute, FeedProblem, FeedProblemSeverity } from './feed-types.ts';
import { feedProblemLabels } from './validate-feed-item.ts';

/** How many items share one problem: the admin shows "12 items will be rejected: missing image". */
export interface FeedProblemCount {
  code: string;
  severity: FeedProblemSeverity;
  attribute: FeedAttribute;
  label: string;
  items: number;
  /** Up to five affected item ids, to link to. */
  sampleItemIds: string[];
}

export interface FeedSummary {
  products: number;
  items: number;
  /** Items written to the feed. */
  included: number;
  /** Items left out because they have errors. */
  rejected: number;
  /** Errors first, then by how many items each affects. */
  problems: FeedProblemCount[];
}

const SAMPLE_SIZE = 5;

/** Counts a feed run as it streams, so the totals are known when the last chunk has gone out. */
export class FeedTally {
  products = 0;
  items = 0;
  included = 0;
  rejected = 0;
  private readonly byCode = new Map<string, FeedProblemCount>();

  /** Records one item's problems (each code counted once per item) and whether it was included. */
  recordItem(problems: readonly FeedProblem[], included: boolean): void {
    this.items++;
    if (included) this.included++;
    else this.rejected++;
    const seen = new Set<string>();
    for (const problem of problems) {
      if (seen.has(problem.code)) continue;
      seen.add(problem.code);
      let count = this.byCode.get(problem.code);
      if (!count) {
        count = {
          code: problem.code,
          severity: problem.severity,
          attribute: problem.attribute,
          label: feedProblemLabels[problem.code] ?? problem.code.replaceAll('_', ' '),
          items: 0,
          sampleItemIds: [],
        };
        this.byCode.set(problem.code, count);
      }
      count.items++;
      if (count.sampleItemIds.length < SAMPLE_SIZE) count.sampleItemIds.push(problem.itemId);
    }
  }

  summary(): FeedSummary {
    const problems = [...this.byCode.values()]
      .map((count) => ({ ...count, sampleItemIds: [...count.sampleItemIds] }))
      .sort(
        (a, b) =>
          (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
          b.items - a.items ||
          a.code.localeCompare(b.code),
      );
    return {
      products: this.products,
      items: this.items,
      included: this.included,
      rejected: this.rejected,
      problems,
    };
  }
}
