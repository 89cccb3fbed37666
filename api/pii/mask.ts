// Personal data in lists: enough to tell two people apart, not enough to misuse.

/**
 * ****************34: only the last two characters. The hidden part must not be rebuilt from
 * what else a list shows: the first six are the county's region code (known to anyone), the next
 * eight the birth date (a list shows only the birth year and age), so showing six and four left
 * just the birth date to fill in. With two shown, a birth year still leaves about 3,000 numbers.
 */
export const ID_NUMBER_SHOWN = 2;
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return '*'.repeat(value.length - ID_NUMBER_SHOWN) + value.slice(-ID_NUMBER_SHOWN);
}

/** 138****5678 */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
