/**
 * Calendar days in the user's local time zone, as 'YYYY-MM-DD' text: they sort as they read, serve as index
 * keys, and are what a person means by "today" or "the last 7 days". A page load belongs to the day it
 * started; the day is fixed when it is recorded (a later change of time zone does not move old records).
 */
export type RangeId = 'today' | '7d' | '30d' | 'all';
export const RANGE_IDS: readonly RangeId[] = ['today', '7d', '30d', 'all'];

/** Days each bounded range covers, today included. */
const RANGE_DAYS: Readonly<Record<Exclude<RangeId, 'all'>, number>> = { today: 1, '7d': 7, '30d': 30 };

export interface DayRange {
  id: RangeId;
  /** First day, or null for "since the first record". */
  from: string | null;
  /** Last day (today). */
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parts(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day: "${day}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The local midnight that starts `day` (the Date constructor also handles days that start at 01:00 under DST). */
export function startOfDay(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(y, m - 1, d).getTime();
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return dayKey(new Date(y, m - 1, d + n).getTime());
}

export function rangeOf(id: RangeId, now: number): DayRange {
  const to = dayKey(now);
  return { id, from: id === 'all' ? null : addDays(to, 1 - RANGE_DAYS[id]), to };
}

/** Every day from `from` to `to`, both included (empty when from is after to). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The millisecond bounds [start, end) of a range, for queries on page loads' start times. */
export function rangeBounds(range: DayRange): { start: number; end: number } {
  return { start: range.from === null ? -Infinity : startOfDay(range.from), end: startOfDay(addDays(range.to, 1)) };
}
