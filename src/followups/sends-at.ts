// When a follow-up due at `dueAt` is actually sent: nothing goes out during quiet hours
// (scheduler.ts fires due rows only outside them), so a row due at night is sent when they end.
// The scheduler's own test and what 导出/进度 list both come from here, so the time shown is the time sent.
import { afterQuietHours, type QuietHours } from '../calendar/quiet.js';

export function sendsAt(dueAt: Date, zone: string, quiet: QuietHours): Date {
  return afterQuietHours(dueAt, zone, quiet);
}

/** Whether a follow-up may be sent at `now` (outside quiet hours). */
export const maySendAt = (now: Date, zone: string, quiet: QuietHours): boolean => sendsAt(now, zone, quiet).getTime() <= now.getTime();
