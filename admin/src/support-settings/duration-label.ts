/** "8 h", "1 h 30 min", "45 min": a number of minutes as a person reads it. */
export function durationLabel(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}
