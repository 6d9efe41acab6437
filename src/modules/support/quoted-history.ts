/**
 * A reply without the history it quotes: everything from the first attribution line ("On Tue, 3
 * Mar 2026, Ada <ada@example.com> wrote:", "Le … a écrit :", "Am … schrieb …:", Outlook's
 * "-----Original Message-----" or "From: … Sent: …" header) on, and every line starting with ">".
 * When nothing would be left (a message that is all quote), the text is kept as it came.
 */
const attributionLine = [
  /^On\b.{0,300}\bwrote:\s*$/i,
  /^Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^El\b.{0,300}\bescribió:\s*$/i,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];

export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    // Gmail wraps a long attribution over two lines: "On Tue, 3 Mar 2026 at 10:00, Ada <ada@" / "example.com> wrote:".
    const joined = `${trimmed} ${lines[i + 1]?.trim() ?? ''}`.trim();
    if (attributionLine.some((p) => p.test(trimmed) || p.test(joined)) && !/^>/.test(trimmed)) break;
    if (/^From:\s.+/i.test(trimmed) && /^(Sent|Date):\s/i.test(lines[i + 1]?.trim() ?? '')) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  return result || text.trim();
}
