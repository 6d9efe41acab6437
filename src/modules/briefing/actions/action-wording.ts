/** "1 order", "3 orders": the briefing's counts in words. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How long the longest-waiting case has waited, as the end of an action's detail. */
export function oldestWaited(oldestSince: Date | null, at: Date): string {
  if (!oldestSince) return '';
  const days = Math.floor((at.getTime() - oldestSince.getTime()) / 86_400_000);
  return days < 1 ? 'the oldest came in today' : `the oldest has waited ${plural(days, 'day', 'days')}`;
}
