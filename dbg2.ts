import { fitBgNbd, fitGammaGamma } from './src/modules/analytics/customer-value/index.ts';
let seed = 7;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const asOf = Date.parse('2026-06-30T12:00:00Z'); const dayMs = 86400000;
const hs = [];
for (let c = 0; c < 400; c++) {
  let t = asOf - (60 + random() * 300) * dayMs; const rate = 0.005 + random() * 0.04; const spend = 2000 + Math.floor(random() * 6000);
  const dropout = 0.05 + random() * 0.6;
  const times = []; const spends = []; let n = 0;
  while (t < asOf && n < 30) { times.push(t); spends.push(Math.round(spend * (0.5 + random()))); n++; if (random() < dropout) break; t += (-Math.log(1 - random()) / rate) * dayMs; }
  const x = times.length - 1; const first = times[0];
  hs.push({ repeatPurchases: x, lastPurchaseTime: x ? (times[x] - first) / dayMs : 0, age: (asOf - first) / dayMs, meanRepeatSpend: x ? spends.slice(1).reduce((a, b) => a + b, 0) / x : 0 });
}
console.log(fitBgNbd(hs)); console.log(fitGammaGamma(hs));
