/**
 * The plan builder's shorthand for a set scheme: `65x8, 75x6, 85x4x3, 65x8+`.
 * `PCTxREPS` is one set at PCT % for REPS; a third `xN` repeats it N times; a trailing `+` marks an AMRAP.
 */
export type QuickEntrySet = { percentage: number; reps: number; isAmrap: boolean };
export type QuickEntryResult = { ok: true; sets: QuickEntrySet[] } | { ok: false; error: string };

const TOKEN = /^(\d{1,3}(?:\.\d{1,2})?)\s*%?\s*[x×]\s*(\d{1,3})(?:\s*[x×]\s*(\d{1,2}))?\s*(\+)?$/i;

export function parseQuickEntry(text: string): QuickEntryResult {
  const tokens = text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length === 0) return { ok: false, error: 'enter sets like 65x8, 85x4x3, 65x8+' };
  const sets: QuickEntrySet[] = [];
  for (const token of tokens) {
    const match = TOKEN.exec(token);
    if (!match) return { ok: false, error: `"${token}" is not PCTxREPS (e.g. 75x5, 85x3x2, 65x8+)` };
    const [, pct, reps, times, plus] = match;
    const percentage = Math.round(Number(pct) * 100) / 10000;
    if (percentage <= 0 || percentage > 1.5)
      return { ok: false, error: `"${token}": percentage must be above 0 and at most 150` };
    if (Number(reps) < 1) return { ok: false, error: `"${token}": reps must be at least 1` };
    for (let i = 0; i < Number(times ?? 1); i++) sets.push({ percentage, reps: Number(reps), isAmrap: Boolean(plus) });
  }
  return { ok: true, sets };
}

/** The inverse, collapsing repeats: used to show a slot's sets as shorthand. */
export function formatQuickEntry(sets: QuickEntrySet[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sets.length;) {
    const s = sets[i]!;
    let n = 1;
    while (i + n < sets.length && sameSet(sets[i + n]!, s)) n++;
    const pct = Math.round(s.percentage * 10000) / 100;
    parts.push(`${pct}x${s.reps}${n > 1 ? `x${n}` : ''}${s.isAmrap ? '+' : ''}`);
    i += n;
  }
  return parts.join(', ');
}

const sameSet = (a: QuickEntrySet, b: QuickEntrySet) =>
  a.percentage === b.percentage && a.reps === b.reps && a.isAmrap === b.isAmrap;
