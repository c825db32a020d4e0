// Quiet hours: reminders go out only between END:00 and START:00 local time (default 09–21).
// START == END means no quiet hours.
import { addDays } from 'date-fns';
import { inZone, wallClock } from '../time/zone.js';

export interface QuietHours {
  /** Local hour (0–23) from which nothing is sent, e.g. 21. */
  start: number;
  /** Local hour (0–23) from which sending resumes, e.g. 9. */
  end: number;
}

function quietHour(hour: number, q: QuietHours): boolean {
  if (q.start === q.end) return false;
  return q.start > q.end ? hour >= q.start || hour < q.end : hour >= q.start && hour < q.end;
}

/** Whether `at` falls in quiet hours in `zone`. */
export function inQuietHours(at: Date, zone: string, q: QuietHours): boolean {
  return quietHour(wallClock(at, zone).hour, q);
}

/** `at` itself when sending is allowed then; otherwise the moment quiet hours end (the next END:00 local). */
export function afterQuietHours(at: Date, zone: string, q: QuietHours): Date {
  if (!inQuietHours(at, zone, q)) return at;
  let end = inZone(at, zone);
  end.setHours(q.end, 0, 0, 0);
  if (end.getTime() <= at.getTime()) {
    end = addDays(end, 1);
    end.setHours(q.end, 0, 0, 0);
  }
  return new Date(end.getTime());
}

/**
 * "Remind me in N days": the same local time of day N days on, moved inside the allowed hours
 * of that day (a 22:30 "明天再提醒" becomes tomorrow 20:00, not the morning after).
 */
export function laterSameDay(from: Date, days: number, zone: string, q: QuietHours): Date {
  const d = addDays(inZone(from, zone), days);
  if (q.start === q.end || !inQuietHours(d, zone, q)) return new Date(d.getTime());
  const h = d.getHours();
  const wrapsMidnight = q.start > q.end;
  // Early morning (before END) → END:00 that day; late evening (from START) → the last allowed hour.
  if (wrapsMidnight && h < q.end) d.setHours(q.end, 0, 0, 0);
  else if (wrapsMidnight) d.setHours(q.start - 1, 0, 0, 0);
  else d.setHours(q.end, 0, 0, 0);
  return new Date(d.getTime());
}
