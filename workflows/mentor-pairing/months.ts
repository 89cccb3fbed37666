/**
 * The same day-of-month n months later, clamped to the month's last day (Jan 31 + 1 month is
 * Feb 28/29). Pure arithmetic on UTC fields, so workflow replays agree.
 */
export function addMonths(start: Date, months: number): Date {
  const result = new Date(start.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
