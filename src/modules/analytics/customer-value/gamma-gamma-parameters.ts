/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013). Each purchase of a customer is worth
 * z ~ Gamma(shape p, rate ν); the customers' ν ~ Gamma(shape q, rate v). `v` carries the spend unit.
 */
export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}
