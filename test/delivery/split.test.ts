import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/delivery/split.js';
import { MAX_MESSAGE_LENGTH } from '../../adapters/telegram/render.js';

const para = (n: number, ch: string) => ch.repeat(n);

describe('splitText', () => {
  it('leaves a short text whole', () => {
    expect(splitText('你好\n\n世界', MAX_MESSAGE_LENGTH)).toEqual(['你好\n\n世界']);
  });

  it('splits a 5,000-character text on a paragraph boundary', () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => para(498, String(i)));
    const text = paragraphs.join('\n\n'); // 10 × 498 + 9 × 2 = 4998
    expect(text.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
    const chunks = splitText(text, MAX_MESSAGE_LENGTH);
    expect(chunks).toHaveLength(2);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    // Every paragraph survives intact in exactly one chunk.
    for (const p of paragraphs) expect(chunks.filter((c) => c.includes(p))).toHaveLength(1);
    expect(chunks.join('\n\n')).toBe(text);
  });

  it('falls back to line breaks, then sentences, then a hard cut', () => {
    const lines = splitText('aaaa\nbbbb\ncccc', 10);
    expect(lines).toEqual(['aaaa\nbbbb', 'cccc']);
    const sentences = splitText('第一句话。第二句话。第三句话。', 10);
    expect(sentences).toEqual(['第一句话。第二句话。', '第三句话。']);
    const hard = splitText('x'.repeat(25), 10);
    expect(hard).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = '😀'.repeat(10); // 20 UTF-16 units
    const chunks = splitText(text, 7);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(7);
      expect(c).toMatch(/^(?:😀)+$/u);
    }
    expect(chunks.join('')).toBe(text);
  });
});
