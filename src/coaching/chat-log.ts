// A chat log with the other side pasted in one message (exploratory testing, explore3 F20):
// "[2026-11-29 22:05] 我：你好 … [2026-11-29 22:10] 客服小美：亲 我们这边查一下 …", one line or
// one line a turn, the user's own lines labelled (我：, 买家：) or not. Split into turns, each with
// its time and speaker as typed and whose it is: the user's ('me') or the other side's ('other').
// Pure: no engine state. Read by pasted-log.ts, which coaches the other side's last position.

export interface Turn {
  /** The timestamp as typed, if any ("2026-11-30 09:30"). */
  at?: string;
  /** The speaker's label as typed ("客服小美"), if any. */
  label?: string;
  side: 'me' | 'other';
  /** What was said, without time and label. */
  text: string;
}

/** The user's own labels. */
const ME = /^(?:我|我方|本人|买家|自己|me)$/i;
/** Labels of the other side: 客服小美, 商家, 卖家, 星辰点卡店, 平台客服, 售后… */
const OTHER_WORD = /客服|商家|卖家|店家|店主|店铺|小店|老板|掌柜|售后|官方|平台|对方|卡盟|商户|(?:点卡|卡)店/;
/** Not a label but a sentence ("我问客服：", "商家说：", "他回复："). */
const NOT_A_LABEL = /说|问|回复|回我|讲|告诉|答|叫我|让我|跟|和我|对我|给我|找|^我.|^(?:他|她|它)/;
const NAME = '[\\p{L}\\p{N}_·\\-]{1,12}';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const DATE = '(?:\\d{4}[-/.年])?\\d{1,2}[-/.月]\\d{1,2}日?';
/** A timestamp inside a line: bracketed, or with its date ("2026-11-29 22:05"). */
const INLINE_TS = new RegExp(`[\\[【(（]\\s*(?:${DATE}\\s*)?${TIME}\\s*[\\]】)）]|${DATE}\\s+${TIME}`, 'gu');
/** A timestamp at the start of a segment (a bare "22:05" too). */
const LEAD_TS = new RegExp(`^\\s*(?:[\\[【(（]\\s*((?:${DATE}\\s*)?${TIME})\\s*[\\]】)）]|((?:${DATE}\\s+)?${TIME}))\\s*`, 'u');
const LEAD_LABEL = new RegExp(`^(${NAME})\\s*[:：]\\s*`, 'u');
/** A header line of an exported log: "客服小美 2026-11-29 22:10:05" or "22:10 客服小美". */
const HEADER = new RegExp(`^(?:(${NAME})\\s+((?:${DATE}\\s+)?${TIME})|((?:${DATE}\\s+)?${TIME})\\s+(${NAME}))\\s*$`, 'u');
/** A known speaker's label inside a line, after a space or a sentence end: "… 客服小美：亲 …". */
const INLINE_LABEL = new RegExp(`(?<=[\\s。！？!?，,~～])(${NAME})\\s*[:：]`, 'gu');

interface Raw {
  at?: string;
  label?: string;
  text: string;
}

function labelOk(name: string): boolean {
  return !NOT_A_LABEL.test(name) || ME.test(name);
}

function known(name: string, others: readonly string[]): boolean {
  return labelOk(name) && (ME.test(name) || OTHER_WORD.test(name) || others.some((o) => o && name.includes(o)));
}

/** Cuts one line at inline timestamps and at known speakers' labels. */
function cutLine(line: string, others: readonly string[]): string[] {
  const cuts = new Set<number>();
  for (const m of line.matchAll(INLINE_TS)) if (m.index > 0) cuts.add(m.index);
  for (const m of line.matchAll(INLINE_LABEL)) if (known(m[1], others)) cuts.add(m.index);
  const at = [0, ...[...cuts].sort((a, b) => a - b), line.length];
  const out: string[] = [];
  for (let i = 0; i + 1 < at.length; i++) out.push(line.slice(at[i], at[i + 1]));
  // A timestamp directly before a label stays with it: "[22:10] 客服小美：…" is one turn.
  return out.reduce<string[]>((acc, s) => {
    const prev = acc.at(-1);
    if (prev !== undefined && new RegExp(`^${LEAD_TS.source}$`, 'u').test(prev)) acc[acc.length - 1] = prev + s;
    else acc.push(s);
    return acc;
  }, []);
}

/**
 * The turns of a pasted log, or undefined when the text is not one: at least one turn of the other
 * side (a labelled speaker who is not the user), and two turns or more, or a timestamp.
 * `others`: names of the other side known from the case (merchant, platform).
 */
export function splitChatLog(text: string, others: readonly string[] = []): Turn[] | undefined {
  const raws: Raw[] = [];
  let header: { at?: string; label?: string } | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const h = HEADER.exec(line.trim());
    if (h && labelOk(h[1] ?? h[4])) {
      header = { at: h[2] ?? h[3], label: h[1] ?? h[4] };
      continue;
    }
    for (const seg of cutLine(line, others)) {
      let s = seg.trim();
      const ts = LEAD_TS.exec(s);
      const at = ts ? (ts[1] ?? ts[2]) : undefined;
      if (ts) s = s.slice(ts[0].length);
      const lb = LEAD_LABEL.exec(s);
      const label = lb && labelOk(lb[1]) ? lb[1] : undefined;
      if (label) s = s.slice(lb![0].length);
      s = s.trim();
      if (!s) continue;
      if (at || label) header = undefined;
      // Lines under an exported header belong to it.
      if (!at && !label && header) raws.push({ ...header, text: s });
      else raws.push({ at, label, text: s });
    }
  }
  if (!raws.some((r) => r.at || r.label)) return undefined;
  const labels = [...new Set(raws.map((r) => r.label).filter((l): l is string => !!l))];
  const otherLabels = new Set(labels.filter((l) => !ME.test(l) && known(l, others)));
  // No label says which side it is, but the user's is there: every other name is the other side.
  if (!otherLabels.size && labels.some((l) => ME.test(l))) for (const l of labels) if (!ME.test(l)) otherLabels.add(l);
  if (!otherLabels.size) return undefined;
  // Unlabelled lines and other names (the user's nickname) are the user's.
  const turns: Turn[] = raws.map((r) => ({ ...(r.at ? { at: r.at } : {}), ...(r.label ? { label: r.label } : {}), side: r.label && otherLabels.has(r.label) ? 'other' : 'me', text: r.text }));
  if (turns.length < 2 && !turns.some((x) => x.at)) return undefined;
  return turns;
}
