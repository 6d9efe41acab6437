/**
 * How many visitors per arm a fixed-horizon two-sided test needs to detect a given relative change
 * with the given power — the "about N more visitors" of the verdict, and the minimum sample that
 * should be reached before a fixed-horizon result is read (reading it earlier, repeatedly, is
 * peeking and inflates false positives; the sequential interval is the alternative).
 *
 * Normal approximation, equal arms, the variance of the control per arm in both (textbook, e.g.
 * van Belle, "Statistical Rules of Thumb", 2nd ed., §2.3, whose n ≈ 16 σ²/Δ² is this at α = 0.05,
 * power 0.8):
 *   n per arm = (z_{1−α/2} + z_{power})² · 2 σ² / (δ μ)²
 * where δ is the relative change to detect and μ, σ² the control mean and per-visitor variance
 * (σ² = p(1 − p) for a conversion rate).
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface SampleSizeOptions {
  alpha?: number;
  power?: number;
}

export function visitorsPerArmNeeded(
  relativeChange: number,
  controlMean: number,
  controlVariance: number,
  options: SampleSizeOptions = {},
): number {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const delta = relativeChange * controlMean;
  if (delta === 0 || controlVariance <= 0) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(1 - alpha / 2, 0, 1) + normalQuantile(power, 0, 1);
  return Math.ceil((z * z * 2 * controlVariance) / (delta * delta));
}
