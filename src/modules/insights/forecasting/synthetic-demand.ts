import { seededRandom } from '../../../demo/product-art.ts';

/**
 * Random draws from a fixed seed, for demand series with known structure: tests check that the
 * methods recover that structure, and the benchmark times model choice on them.
 */
export function seededDraws(seed: string) {
  const uniform = seededRandom(seed);
  const normal = (): number => {
    // Box-Muller; 1 − u keeps the logarithm away from zero.
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    // Past about 30 the product of uniforms underflows slowly; the normal approximation is close.
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = uniform();
    while (product > limit) {
      count++;
      product *= uniform();
    }
    return count;
  };
  return { uniform, normal, poisson };
}
