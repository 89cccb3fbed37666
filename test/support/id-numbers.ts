import { idNumberCheckCharacter } from '../../domain/id-number.js';

/** A valid ID number for a birth date 'YYYY-MM-DD' and a three-digit sequence (odd: male). */
export function validIdNumber(birthDate: string, sequence: string): string {
  const first17 = `430725${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}
