/**
 * Exchange rates travel as exact decimal text ("1.0856": units of the market's currency per unit of
 * the base currency); the console never turns them into floats.
 */

export type CheckedRate = { ok: true; rate: string } | { ok: false; message: string };

/**
 * A typed rate as the API takes it: digits with one decimal point (a decimal comma is read as one),
 * above 0, at most 12 digits either side of the point (what the server stores exactly).
 */
export function checkRateText(input: string): CheckedRate {
  const text = input.trim().replace(/\s/g, '').replace(',', '.');
  if (text === '') return { ok: false, message: 'Enter the rate, e.g. 1.0856.' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && !match[2]))
    return { ok: false, message: 'Enter a number such as 1.0856.' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (whole.replace(/^0$/, '').length > 12 || fraction.length > 12) {
    return { ok: false, message: 'Use at most 12 digits before and after the point.' };
  }
  if (/^0*$/.test(whole) && fraction === '') return { ok: false, message: 'The rate must be more than 0.' };
  return { ok: true, rate: `${whole || '0'}${fraction ? `.${fraction}` : ''}` };
}

/** "1 EUR = 1.0856 USD". */
export function rateText(baseCurrency: string, quoteCurrency: string, rate: string): string {
  return `1 ${baseCurrency} = ${rate} ${quoteCurrency}`;
}
