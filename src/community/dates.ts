// Dates as the community features show them to users.

/** A day in the bot's time zone: 2026-11-30. */
export function formatDay(ms: number, timeZone: string, _now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** A day and time: 12/1 09:06 (when a limit lifts). */
export function formatMoment(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}
