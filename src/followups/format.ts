// "11月22日 17:00" for follow-up messages, as flow/format.ts formatDateTime writes it, but cheaper:
// date-fns format with a TZDate costs ~25 µs a call and Intl formatToParts ~7 µs, which would eat
// much of the scheduler's 5 ms budget for a batch of 100; the zone offset plus UTC fields is ~2 µs.
import { tzOffset } from '@date-fns/tz';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatMoment(at: Date | string, zone: string): string {
  const d = new Date(at);
  const local = new Date(d.getTime() + tzOffset(zone, d) * 60_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
