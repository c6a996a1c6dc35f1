/**
 * Date bounds for range queries. A bare day (`2024-01-15`, what `<input type="date">` gives) is
 * taken in UTC and widened to the whole day, so "to 15 January" includes assets made that
 * afternoon; a full date-time is used as given. Anything unparseable is undefined, so a
 * half-typed date is ignored instead of becoming a 400.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The first instant of the day (or the date-time itself), as an ISO-8601 string. */
export function dayStart(value: string): string | undefined {
  return bound(value.trim(), 'T00:00:00.000Z');
}

/** The last millisecond of the day (or the date-time itself), as an ISO-8601 string. */
export function dayEnd(value: string): string | undefined {
  return bound(value.trim(), 'T23:59:59.999Z');
}

function bound(value: string, time: string): string | undefined {
  if (DAY.test(value)) {
    const iso = `${value}${time}`;
    // Date.parse accepts 2024-02-30 by rolling over; a real day round-trips to itself.
    const parsed = Date.parse(iso);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString() === iso ? iso : undefined;
  }
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
  return undefined;
}
