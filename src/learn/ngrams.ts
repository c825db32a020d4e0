// Character n-gram features shared by the NLU scenario model and the coaching detectors.

/** Feature text from already folded/normalised text: numbers → 0, whitespace collapsed. */
export function foldDigits(folded: string): string {
  return folded.replace(/[0-9]+(?:\.[0-9]+)?/g, '0').replace(/\s+/g, ' ').trim();
}

/** Binary character 1–3-grams of `^text$` (lone ^, $ and space left out), scaled to unit length. */
export function charNgrams(text: string): Map<string, number> {
  const f = new Map<string, number>();
  const chars = [...`^${text}$`];
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const g = chars.slice(i, i + n).join('');
      if (g === '^' || g === '$' || g === ' ') continue;
      f.set(g, 1);
    }
  }
  const scale = 1 / Math.sqrt(Math.max(1, f.size));
  for (const k of f.keys()) f.set(k, scale);
  return f;
}
