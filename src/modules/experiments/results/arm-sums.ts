import type { RatioCovariateStatistic } from '../statistics/index.ts';
import type { VisitorValue } from './experiment-metrics.ts';

/**
 * The sufficient statistics of one arm for one metric: the sums, squares and cross products of a
 * visitor's numerator, denominator and their pre-period values. A superset of what every test
 * needs (proportion, mean, ratio, and CUPED on each), so visitors are read once.
 */
export function armSums(values: readonly VisitorValue[]): RatioCovariateStatistic {
  const s: RatioCovariateStatistic = {
    n: 0,
    numeratorSum: 0,
    numeratorSumSquares: 0,
    denominatorSum: 0,
    denominatorSumSquares: 0,
    preNumeratorSum: 0,
    preNumeratorSumSquares: 0,
    preDenominatorSum: 0,
    preDenominatorSumSquares: 0,
    numeratorDenominatorSum: 0,
    numeratorPreNumeratorSum: 0,
    numeratorPreDenominatorSum: 0,
    denominatorPreNumeratorSum: 0,
    denominatorPreDenominatorSum: 0,
    preNumeratorPreDenominatorSum: 0,
  };
  for (const { m, d, preM, preD } of values) {
    s.n += 1;
    s.numeratorSum += m;
    s.numeratorSumSquares += m * m;
    s.denominatorSum += d;
    s.denominatorSumSquares += d * d;
    s.preNumeratorSum += preM;
    s.preNumeratorSumSquares += preM * preM;
    s.preDenominatorSum += preD;
    s.preDenominatorSumSquares += preD * preD;
    s.numeratorDenominatorSum += m * d;
    s.numeratorPreNumeratorSum += m * preM;
    s.numeratorPreDenominatorSum += m * preD;
    s.denominatorPreNumeratorSum += d * preM;
    s.denominatorPreDenominatorSum += d * preD;
    s.preNumeratorPreDenominatorSum += preM * preD;
  }
  return s;
}
