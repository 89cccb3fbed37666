import { describe, expect, it } from 'vitest';
import { EDUCATION_LEVELS } from '../db/schema.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import {
  COUNTY_CODE,
  DEMO_FIGURES,
  TERM_END,
  TERM_START,
  generateDemoCounty,
  type DemoCounty,
} from './generate-county.js';
import { BY_ELECTION_START } from './generate-recruitment-history.js';
import { idNumberCheckCharacter, idNumberGender, isValidIdNumber } from '../domain/id-number.js';

const county = generateDemoCounty();

/** Age in whole years on the first day of the term. */
function ageAtTermStart(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = TERM_START.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

function secretariesByVillage(c: DemoCounty): Map<number, number[]> {
  const villageOf = new Map(c.people.map((p) => [p.id, p.village_id]));
  const result = new Map<number, number[]>(c.villages.map((v) => [v.id, []]));
  for (const pos of c.positions) {
    if (pos.committee === 'party_branch' && pos.title === 'secretary')
      result.get(villageOf.get(pos.person_id)!)!.push(pos.person_id);
  }
  return result;
}

/** The people with a pool entry: the reserves (后备干部). */
const reservesOf = (c: DemoCounty) => new Set(c.pool.reserves.map((r) => r.person_id));
const isReserve = (c: DemoCounty) => {
  const ids = reservesOf(c);
  return (p: { id: number }) => ids.has(p.id);
};

describe('generateDemoCounty', () => {
  it('gives the same county for the same seed, and another for another seed', () => {
    expect(generateDemoCounty('taoyuan-2021')).toEqual(county);
    const other = generateDemoCounty('another-county');
    expect(other.people.map((p) => p.name)).not.toEqual(county.people.map((p) => p.name));
    expect(other.villages.map((v) => v.name)).not.toEqual(county.villages.map((v) => v.name));
  });

  it.each([['taoyuan-2021'], ['another-county']])('reproduces the figures of the report (seed %s)', (seed) => {
    const c = seed === 'taoyuan-2021' ? county : generateDemoCounty(seed);
    expect(c.townships).toHaveLength(28);
    expect(c.townships.filter((t) => t.kind === 'subdistrict')).toHaveLength(DEMO_FIGURES.subdistricts);
    expect(c.villages).toHaveLength(413);
    const cadres = c.people.filter((p) => !isReserve(c)(p));
    expect(cadres.length).toBeGreaterThanOrEqual(2400);
    expect(cadres.length).toBeLessThanOrEqual(2600);
    const newlyElected = c.people.filter((p) => p.newly_elected);
    expect(newlyElected).toHaveLength(895);
    const secretaryIds = new Set([...secretariesByVillage(c).values()].flat());
    expect(newlyElected.filter((p) => secretaryIds.has(p.id))).toHaveLength(191);
    expect(c.people.filter((p) => p.is_mentor)).toHaveLength(421);
    expect(c.people.filter(isReserve(c))).toHaveLength(620);
  });

  it('numbers every row from 1 without gaps', () => {
    for (const rows of [county.townships, county.villages, county.people, county.positions, county.users]) {
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    }
  });

  it('names and codes townships and villages the way the statistics do', () => {
    for (const t of county.townships) {
      expect(t.code).toMatch(new RegExp(`^${COUNTY_CODE}\\d{3}$`));
      expect(t.name).toMatch(t.kind === 'subdistrict' ? /街道$/ : /[镇乡]$/);
    }
    const townshipById = new Map(county.townships.map((t) => [t.id, t]));
    for (const v of county.villages) {
      expect(v.code.startsWith(townshipById.get(v.township_id)!.code)).toBe(true);
      expect(v.code).toHaveLength(12);
      expect(v.name).toMatch(v.kind === 'community' ? /社区$/ : /村$/);
      expect(v.area).toBe(v.kind === 'community' ? 'urban' : 'rural');
    }
    expect(new Set(county.villages.map((v) => v.code)).size).toBe(413);
    expect(new Set(county.villages.map((v) => v.name)).size).toBe(413);
    // Communities are mostly in the subdistricts (the county seat).
    const communities = county.villages.filter((v) => v.kind === 'community');
    const urban = communities.filter((v) => townshipById.get(v.township_id)!.kind === 'subdistrict');
    expect(urban.length * 2).toBeGreaterThan(communities.length);
    for (const t of county.townships) expect(county.villages.some((v) => v.township_id === t.id)).toBe(true);
  });

  it('gives every village exactly one Party secretary, and every cadre one or two seats', () => {
    for (const [, secretaries] of secretariesByVillage(county)) expect(secretaries).toHaveLength(1);
    const seats = new Map<number, number>();
    for (const pos of county.positions) {
      seats.set(pos.person_id, (seats.get(pos.person_id) ?? 0) + 1);
      // the 2021 election's seats, and a few deputies by-elected (补选) since
      expect([TERM_START, BY_ELECTION_START]).toContain(pos.term_start);
      expect(pos.term_end).toBe(TERM_END);
    }
    for (const p of county.people) {
      if (isReserve(county)(p)) expect(seats.has(p.id)).toBe(false);
      else expect([1, 2]).toContain(seats.get(p.id));
    }
    const byId = new Map(county.people.map((p) => [p.id, p]));
    for (const pos of county.positions) {
      if (pos.committee === 'party_branch') expect(byId.get(pos.person_id)!.party_member).toBe(true);
    }
  });

  it('makes mentors of serving cadres and reserves of young people', () => {
    for (const p of county.people.filter((p) => p.is_mentor)) {
      expect(p.newly_elected).toBe(false);
      expect(isReserve(county)(p)).toBe(false);
    }
    const reserves = county.people.filter(isReserve(county));
    for (const p of reserves) expect(p.newly_elected || p.is_mentor).toBe(false);
    const young = reserves.filter((p) => ageAtTermStart(p.birth_date) >= 22 && ageAtTermStart(p.birth_date) <= 35);
    expect(young.length / reserves.length).toBeGreaterThan(0.8);
    for (const p of county.people.filter((p) => !isReserve(county)(p))) {
      expect(ageAtTermStart(p.birth_date)).toBeGreaterThanOrEqual(25);
      expect(ageAtTermStart(p.birth_date)).toBeLessThanOrEqual(60);
    }
  });

  it('fills personal fields with valid, unique values', () => {
    const villageById = new Map(county.villages.map((v) => [v.id, v]));
    for (const p of county.people) {
      expect(isValidIdNumber(p.id_number)).toBe(true);
      expect(p.id_number.slice(0, 6)).toBe(COUNTY_CODE);
      expect(p.id_number.slice(6, 14)).toBe(p.birth_date.replaceAll('-', ''));
      expect(idNumberCheckCharacter(p.id_number.slice(0, 17))).toBe(p.id_number[17]);
      expect(idNumberGender(p.id_number)).toBe(p.gender);
      expect(p.phone).toMatch(/^1[3589]\d{9}$/);
      expect(EDUCATION_LEVELS).toContain(p.education);
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(villageById.get(p.village_id)!.township_id).toBe(p.township_id);
    }
    expect(new Set(county.people.map((p) => p.id_number)).size).toBe(county.people.length);
    expect(new Set(county.people.map((p) => p.phone)).size).toBe(county.people.length);
  });

  it('creates accounts whose scope matches their role', () => {
    const users = county.users;
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
    const person = new Map(county.people.map((p) => [p.id, p]));
    const secretaries = secretariesByVillage(county);
    for (const u of users) {
      expect(u.display_name).toMatch(/[\u4e00-\u9fff]/);
      switch (u.role) {
        case 'county_admin':
        case 'auditor':
          expect([u.township_id, u.village_id, u.person_id]).toEqual([null, null, null]);
          break;
        case 'township_officer':
        case 'township_secretary':
          expect(u.username).toBe(
            `${u.role === 'township_officer' ? 'officer' : 'secretary'}-${String(u.township_id).padStart(2, '0')}`,
          );
          expect([u.village_id, u.person_id]).toEqual([null, null]);
          break;
        default: {
          const p = person.get(u.person_id!)!;
          expect([u.township_id, u.village_id]).toEqual([p.township_id, p.village_id]);
          if (u.role === 'village_secretary') {
            expect(u.username).toBe(`village-${String(u.village_id).padStart(3, '0')}`);
            expect(secretaries.get(u.village_id!)).toEqual([p.id]);
          }
          if (u.role === 'mentor') expect(p.is_mentor).toBe(true);
        }
      }
    }
    const count = (role: string) => users.filter((u) => u.role === role).length;
    expect([count('county_admin'), count('auditor'), count('township_officer'), count('township_secretary')]).toEqual([
      1, 1, 28, 28,
    ]);
    expect(count('village_secretary')).toBe(413);
    expect(count('mentor')).toBe(421);
    // Everyone on the roster can sign in, through exactly one person account unless they mentor too.
    const linked = new Set(users.filter((u) => u.person_id !== null).map((u) => u.person_id));
    expect(linked.size).toBe(county.people.length);
    expect(users.find((u) => u.username === 'mentor-001')!.person_id).toBe(county.people.find((p) => p.is_mentor)!.id);
  });

  it('lists demo accounts that exist with the role they claim', () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(county.users.find((u) => u.username === account.username)?.role).toBe(account.role);
    }
    expect(county.townships[0].name).toBe('漳江镇');
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(7);
  });
});

describe('the demo reserve pool', () => {
  const { pool } = county;
  const byReserve = <T extends { reserve_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.reserve_id, [...(map.get(row.reserve_id) ?? []), row]);
    return map;
  };

  it('puts all 620 reserves 在库, entered one to five years ago, each with its status chain', () => {
    expect(pool.reserves).toHaveLength(620);
    const changes = byReserve(pool.statusChanges);
    for (const r of pool.reserves) {
      expect(r.status).toBe('in_pool');
      expect(r.entered_on! >= '2021-11-30' && r.entered_on! <= '2025-11-30').toBe(true);
      expect(changes.get(r.id)!.map((c) => c.to_status)).toEqual([
        'nominated',
        'under_review',
        'on_notice',
        'trial',
        'in_pool',
      ]);
    }
  });

  it('leaves gaps for the dashboard: reserves without a mentor, overdue talks, a few 不合格 reviews', () => {
    const withoutMentor = pool.reserves.filter((r) => r.mentor_person_id === null).length;
    expect(withoutMentor).toBeGreaterThan(30);
    expect(withoutMentor).toBeLessThan(150);
    const records = byReserve(pool.records);
    const overdue = pool.reserves.filter((r) => {
      if (!r.mentor_person_id) return false;
      const talks = (records.get(r.id) ?? []).filter((x) => x.kind === 'mentor_talk').map((x) => x.started_on);
      const last = talks.at(-1) ?? r.entered_on!;
      const [y, m] = last.split('-').map(Number);
      return `${y + Math.floor((m + 5) / 12)}-${String(((m + 5) % 12) + 1).padStart(2, '0')}` < '2026-11';
    });
    expect(overdue.length).toBeGreaterThan(20);
    const fails = pool.records.filter((x) => x.kind === 'review' && x.detail === 'fail');
    expect(fails.length).toBeGreaterThan(0);
    expect(fails.length).toBeLessThan(pool.records.filter((x) => x.kind === 'review').length / 10);
  });

  it('marks some villages for the relaxed age limit and puts discipline records only on non-reserves', () => {
    expect(pool.relaxedVillageIds.length).toBeGreaterThan(10);
    const reserves = reservesOf(county);
    expect(pool.discipline.length).toBeGreaterThan(5);
    for (const d of pool.discipline) expect(reserves.has(d.person_id)).toBe(false);
  });
});

describe('the records targeted recruitment reads', () => {
  it('has three years of assessment results, a few below 称职, and six by-elected deputies', () => {
    const years = new Set(county.assessments.map((a) => a.year));
    expect([...years].sort()).toEqual([2023, 2024, 2025]);
    const below = county.assessments.filter((a) => a.grade === 'basically_competent' || a.grade === 'incompetent');
    expect(below.length).toBeGreaterThan(50);
    expect(county.positions.filter((p) => p.term_start === BY_ELECTION_START)).toHaveLength(6);
    // one result per person and year
    const keys = new Set(county.assessments.map((a) => `${a.year}/${a.person_id}`));
    expect(keys.size).toBe(county.assessments.length);
  });
});
