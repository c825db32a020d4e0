import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectBadIntent } from '../../src/nlu/intent.js';

interface Case {
  text: string;
  kind: string | null;
}
const cases: Case[] = readFileSync(fileURLToPath(new URL('../fixtures/nlu/intent.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

describe('detectBadIntent', () => {
  it('fires on the examples from the issue', () => {
    expect(detectBadIntent('卡密我已经用了，但想说没收到让他退款')?.kind).toBe('used_but_claim_not_received');
    expect(detectBadIntent('能不能P一下截图')?.kind).toBe('edit_screenshot');
    expect(detectBadIntent('已经退过一次了再申请一次')?.kind).toBe('claim_twice');
  });

  it('returns the matched span', () => {
    const r = detectBadIntent('能不能P一下截图');
    expect(r?.match).toContain('截图');
  });

  it('does not fire on honest messages', () => {
    expect(detectBadIntent('卡密显示已被使用，我没用过')).toBeUndefined();
    expect(detectBadIntent('商家说我P图，我截图是原图，没有改过')).toBeUndefined();
  });

  for (const c of cases.filter((x) => x.kind)) {
    it(`fires (${c.kind}): ${c.text}`, () => {
      expect(detectBadIntent(c.text)?.kind).toBe(c.kind);
    });
  }
  for (const c of cases.filter((x) => !x.kind)) {
    it(`stays quiet: ${c.text}`, () => {
      expect(detectBadIntent(c.text)).toBeUndefined();
    });
  }

  it('handles traditional Chinese', () => {
    expect(detectBadIntent('能不能幫我P一下截圖')?.kind).toBe('edit_screenshot');
  });
});
