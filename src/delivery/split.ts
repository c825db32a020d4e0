// The one message splitter, used by every adapter: platforms cap a message's length (Telegram
// 4096 UTF-16 units after entity parsing, QQ folds long texts), so long texts are split — on
// paragraph boundaries first.

const SEPARATORS = ['\n\n', '\n', '。', '！', '？', '. ', '；', '，', ' '];

/**
 * Splits `text` into chunks of at most `max` characters, preferring to cut between
 * paragraphs, then lines, then sentences; a run with no break at all is cut hard
 * (never inside a surrogate pair). Joining the chunks gives back the text up to
 * whitespace at the cuts.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** Index to cut `text` at so that the head fits in `max`. */
function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const sep of SEPARATORS) {
    const at = window.lastIndexOf(sep);
    // Keep sentence punctuation with its sentence; drop whitespace separators.
    const cut = sep.trim() === '' ? at : at + sep.length;
    // A cut in the first fifth would leave a tiny chunk; try a finer separator instead.
    if (at > 0 && cut <= max && cut >= max / 5) return cut;
  }
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // high surrogate: keep the pair together
  return cut;
}
