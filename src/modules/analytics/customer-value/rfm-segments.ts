/** A customer's RFM scores, each 1 (worst) to 5 (best); recency 5 = bought most recently. */
export interface RfmScores {
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
}

/** The named segments, from the most to the least valuable relationship. */
export const rfmSegments = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
] as const;

export type RfmSegment = (typeof rfmSegments)[number];

/**
 * The common recency × frequency grid (rows R = 5 … 1, columns F = 1 … 5), with the Hibernating
 * corner R = 1, F = 1 split by spend: those who also spent little (M ≤ 2) are Lost.
 */
const grid: Record<number, readonly RfmSegment[]> = {
  5: ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  1: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
};

export function rfmSegment(scores: RfmScores): RfmSegment {
  const { recency, frequency, monetary } = scores;
  for (const score of [recency, frequency, monetary]) {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new RangeError(`RFM scores are whole numbers 1 to 5, got ${recency}/${frequency}/${monetary}`);
    }
  }
  if (recency === 1 && frequency === 1 && monetary <= 2) return 'lost';
  return grid[recency]![frequency - 1]!;
}

/** What each segment means to a store owner, and the usual move; for the admin and the briefing. */
export const rfmSegmentDescriptions: Record<RfmSegment, { label: string; meaning: string; action: string }> =
  {
    champions: {
      label: 'Champions',
      meaning: 'Bought recently and more often than almost everyone else.',
      action: 'Reward them; ask for reviews and referrals; show new products first.',
    },
    loyal: {
      label: 'Loyal',
      meaning: 'Buy often and not long ago.',
      action: 'Offer a loyalty programme or bundles; upsell.',
    },
    potential_loyalists: {
      label: 'Potential loyalists',
      meaning: 'Recent customers with a few orders already.',
      action: 'Recommend related products; a membership or second-order offer.',
    },
    new: {
      label: 'New',
      meaning: 'Bought very recently, for the first time or nearly.',
      action: 'Welcome series; help them get value from the first order.',
    },
    promising: {
      label: 'Promising',
      meaning: 'Fairly recent, but have bought only rarely.',
      action: 'Build awareness of the range; a time-limited offer.',
    },
    need_attention: {
      label: 'Need attention',
      meaning: 'Middle of the road on both recency and frequency; could go either way.',
      action: 'A personalised offer based on what they bought before.',
    },
    about_to_sleep: {
      label: 'About to sleep',
      meaning: 'Few orders, and the last is some time ago.',
      action: 'Share bestsellers and popular products; a reactivation discount.',
    },
    at_risk: {
      label: 'At risk',
      meaning: 'Ordered often, but not for a long time.',
      action: 'Win-back e-mails with personal recommendations; ask what went wrong.',
    },
    cannot_lose: {
      label: 'Cannot lose',
      meaning: 'Were among the most frequent buyers and have not come back for a long time.',
      action: 'Reach out personally; a strong win-back offer; do not let a competitor keep them.',
    },
    hibernating: {
      label: 'Hibernating',
      meaning: 'Few orders, long ago.',
      action: 'Low-cost reminders; relevant new products; do not spend much.',
    },
    lost: {
      label: 'Lost',
      meaning: 'Bought once or twice, long ago, and spent little.',
      action: 'Leave them out of paid campaigns; a last low-cost reactivation at most.',
    },
  };
