// 居民身份证号 (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence, and a
// check character by ISO 7064 MOD 11-2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The birth date an ID number encodes, or undefined when it is not a valid number. */
export function parseIdNumber(idNumber: string): { birthDate: string } | undefined {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return undefined;
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return undefined;
  const y = idNumber.slice(6, 10);
  const m = idNumber.slice(10, 12);
  const d = idNumber.slice(12, 14);
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return undefined;
  return { birthDate: `${y}-${m}-${d}` };
}
