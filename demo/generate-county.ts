// The demo county: 28 townships, 413 villages and communities, their cadres, mentors,
// reserves and sign-in accounts, made from a seed. Pure: no clock, no I/O, no Math.random,
// so the same seed gives the same county on every machine (tests rely on it).
import type { Selectable } from 'kysely';
import type { PositionTable, Person, Township, User, Village } from '../db/schema.js';
import { generatePeople } from './generate-people.js';
import { generatePlaces } from './generate-places.js';
import { generateRecruitmentHistory, type DemoAssessmentResult } from './generate-recruitment-history.js';
import { generateReservePool, type DemoPool } from './generate-reserves.js';
import { generateUsers } from './generate-users.js';
import { createRandom } from './random.js';

export { COUNTY_CODE, DEMO_FIGURES, TERM_END, TERM_START } from './figures.js';

export type DemoTownship = Omit<Township, 'created_at'>;
export type DemoVillage = Omit<Village, 'created_at' | 'relaxed_age_limit'>;
export type DemoPerson = Omit<Person, 'created_at'>;
export type DemoPosition = Selectable<PositionTable>;
/** A sign-in account; every demo account has the same password, hashed by the loader. */
export type DemoUser = Omit<User, 'created_at' | 'password_hash' | 'active' | 'email'>;

export interface DemoCounty {
  seed: string;
  townships: DemoTownship[];
  villages: DemoVillage[];
  people: DemoPerson[];
  positions: DemoPosition[];
  users: DemoUser[];
  /** The reserve pool's entries, histories and records, seen from `today`. */
  pool: DemoPool;
  /** Earlier years' annual assessment results, which targeted recruitment reads. */
  assessments: DemoAssessmentResult[];
}

/** The day the pool is seen from when none is given (tests); the loader passes today. */
export const DEMO_POOL_DAY = '2026-11-30';

export function generateDemoCounty(seed = 'taoyuan-2021', today = DEMO_POOL_DAY): DemoCounty {
  const random = createRandom(seed);
  // Separate streams per part: a change in one list does not reshuffle the rest.
  const { townships, villages } = generatePlaces(random.fork('places'));
  const { people, positions, reserveIds } = generatePeople(random.fork('people'), townships, villages);
  const users = generateUsers(townships, villages, people, positions);
  const pool = generateReservePool(random.fork('reserve-pool'), { villages, people, reserveIds, today });
  // After the accounts: a by-elected deputy keeps the account of the seat they already had.
  const history = generateRecruitmentHistory(random.fork('recruitment-history'), { people, positions });
  for (const seat of history.byElectedSeats) positions.push({ id: positions.length + 1, ...seat });
  return { seed, townships, villages, people, positions, users, pool, assessments: history.assessments };
}
