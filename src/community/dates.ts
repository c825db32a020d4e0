// Dates as the community features show them: the one user format of src/flow/format.ts
// (11月30日 this year, 2025年11月30日 otherwise; with a time: 12月1日 09:06).
import { formatDate, formatDateTime } from '../flow/format.js';

export function formatDay(ms: number, timeZone: string, now: Date): string {
  return formatDate(new Date(ms), timeZone, now);
}

export function formatMoment(ms: number, timeZone: string, now: Date): string {
  return formatDateTime(new Date(ms), timeZone, now);
}
