// Names, birth dates, identity numbers and phone numbers for made-up people.
import type { EducationLevel } from '../db/schema.js';
import { GIVEN_NAME_CHARACTERS, SURNAMES } from './chinese-names.js';
import { COUNTY_CODE, TERM_START } from './figures.js';
import { idNumberCheckCharacter } from '../domain/id-number.js';
import type { Random } from './random.js';

type Gender = 'male' | 'female';
type Weights<T> = readonly (readonly [T, number])[];

/** Schooling by group: the 2021 election brought in younger, better-educated cadres. */
export const EDUCATION_WEIGHTS = {
  serving: [
    ['junior_high', 18],
    ['high_school', 37],
    ['vocational', 15],
    ['college', 22],
    ['bachelor', 8],
  ],
  newlyElected: [
    ['junior_high', 4],
    ['high_school', 22],
    ['vocational', 16],
    ['college', 38],
    ['bachelor', 18],
    ['master', 2],
  ],
  reserve: [
    ['high_school', 12],
    ['vocational', 15],
    ['college', 38],
    ['bachelor', 32],
    ['master', 3],
  ],
} as const satisfies Record<string, Weights<EducationLevel>>;

// Mobile prefixes of the three carriers (13x, 15x, 18x, 19x).
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

const DAY_MS = 86_400_000;

export interface PersonDetails {
  name: string;
  birth_date: string;
  id_number: string;
  phone: string;
}

/** Keeps identity and phone numbers unique across the county. */
export class PersonDetailsMaker {
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly random: Random) {}

  make(gender: Gender, age: number): PersonDetails {
    const birthDate = this.birthDate(age);
    return {
      name: this.name(gender, Number(birthDate.slice(0, 4))),
      birth_date: birthDate,
      id_number: this.idNumber(birthDate, gender),
      phone: this.phone(),
    };
  }

  /** A date on which the person is exactly `age` years old at the start of the term. */
  private birthDate(age: number): string {
    const [year, month, day] = TERM_START.split('-').map(Number);
    const latest = Date.UTC(year - age, month - 1, day);
    return new Date(latest - this.random.int(0, 364) * DAY_MS).toISOString().slice(0, 10);
  }

  private name(gender: Gender, birthYear: number): string {
    const generation = birthYear < 1980 ? 'older' : 'younger';
    const characters = GIVEN_NAME_CHARACTERS[gender][generation];
    // Single-character given names were common in the 1950s–60s and again among the young.
    const single = this.random.chance(birthYear < 1970 || birthYear >= 1990 ? 0.3 : 0.15);
    let given = this.random.pick(characters);
    if (!single) {
      let second = this.random.pick(characters);
      while (second === given) second = this.random.pick(characters);
      given += second;
    }
    return `${this.random.weighted(SURNAMES)}${given}`;
  }

  private idNumber(birthDate: string, gender: Gender): string {
    for (;;) {
      // The 17th digit is odd for men and even for women.
      const last = this.random.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const sequence = `${String(this.random.int(0, 99)).padStart(2, '0')}${last}`;
      const first17 = `${COUNTY_CODE}${birthDate.replaceAll('-', '')}${sequence}`;
      const idNumber = `${first17}${idNumberCheckCharacter(first17)}`;
      if (!this.idNumbers.has(idNumber)) {
        this.idNumbers.add(idNumber);
        return idNumber;
      }
    }
  }

  private phone(): string {
    for (;;) {
      const phone = `${this.random.pick(PHONE_PREFIXES)}${String(this.random.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }
}
