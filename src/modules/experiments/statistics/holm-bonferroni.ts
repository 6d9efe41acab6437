/**
 * Holm–Bonferroni (Holm 1979, "A simple sequentially rejective multiple test procedure") for an
 * experiment with several variants each compared with control: the more variants, the likelier
 * one of them looks significant by chance. Holm keeps the family-wise error rate (the chance of at
 * least one false winner) at α and rejects at least as much as plain Bonferroni.
 *
 * Sort the m p-values p_(1) ≤ … ≤ p_(m); the adjusted p-value of the k-th is
 *   p̃_(k) = max over j ≤ k of min(1, (m − j + 1) p_(j)),
 * and a variant is significant when its adjusted p-value is below α. (R's p.adjust(…, "holm").)
 * Applied to frequentist p-values only; Bayesian chances are reported as they are.
 */
export function holmAdjusted(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
