import { describe, expect, it } from 'vitest';
import { formatMoment } from '../../src/followups/format.js';
import { formatDateTime } from '../../src/flow/format.js';

describe('formatMoment', () => {
  it('writes what formatDateTime writes, in any zone, across midnight, year ends and DST changes', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (const zone of zones) {
      for (let i = 0; i < 400; i++) {
        const at = new Date(start + i * 22 * 3600_000 + i * 7 * 60_000);
        expect(formatMoment(at, zone)).toBe(formatDateTime(at, zone));
      }
    }
    expect(formatMoment('2025-12-31T16:05:00Z', 'Asia/Shanghai')).toBe('1月1日 00:05');
  });
});
