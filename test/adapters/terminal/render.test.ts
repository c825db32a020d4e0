import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/terminal/render.js';

describe('terminal renderReply', () => {
  it('prints a line per file instead of the file', () => {
    const out = renderReply({ text: '举报 #1 的附件（2 份）：', files: [{ kind: 'photo', ref: 'AgAC1' }, { kind: 'document', ref: 'x' }] });
    expect(out.split('\n')).toEqual(['举报 #1 的附件（2 份）：', '（附件：照片）', '（附件：文件）']);
    expect(out).not.toContain('AgAC1');
  });
});
