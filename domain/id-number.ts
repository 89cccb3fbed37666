// Mainland resident identity numbers (居民身份证号码, GB 11643-1999): six digits of region,
// eight of birth date, three of sequence (odd for men, even for women) and a check
// character computed with ISO 7064 MOD 11-2. Demo numbers follow the rule so that any
// validation in forms or imports accepts them, and masking shows realistic shapes.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('an identity number starts with 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Shape, a real calendar birth date and the check character. */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  const birth = idNumber.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  return idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** The gender the sequence digit encodes. */
export function idNumberGender(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/** The birth date a valid ID number encodes, or undefined when the number is not valid. */
export function parseIdNumber(idNumber: string): { birthDate: string; gender: 'male' | 'female' } | undefined {
  if (!isValidIdNumber(idNumber)) return undefined;
  const birth = idNumber.slice(6, 14);
  return {
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: idNumberGender(idNumber),
  };
}
