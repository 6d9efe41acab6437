/**
 * The four BG/NBD parameters (Fader, Hardie & Lee 2005). While alive, a customer buys at a rate
 * λ ~ Gamma(shape r, rate α); after each purchase they drop out with probability p ~ Beta(a, b).
 * α carries the time unit of the histories it was fitted on; r, a and b have none.
 */
export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}
