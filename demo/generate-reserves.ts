// The demo county's reserve pool (后备干部人才库): the 620 reserves start 在库 with the history a
// county would have on file: an intake 1–5 years ago (推荐 → 考察 → 公示 → 试用 → 在库), a mentor
// for most, mentor and township secretary talks (some overdue), training, placements and yearly
// reviews (a few 不合格). Plus some villages marked for the relaxed age limit and a handful of
// discipline records on other people, so eligibility has something to refuse.
//
// Pure like the rest of the generator: the day the pool is seen from is passed in (the loader
// gives today), so the same seed and day give the same pool.
import type { Insertable } from 'kysely';
import type {
  DisciplineKind,
  ReserveSource,
  ReserveRecordTable,
  ReserveStatusChangeTable,
  ReserveTable,
} from '../db/schema.js';
import type { DemoPerson, DemoVillage } from './generate-county.js';
import type { Random } from './random.js';

export type DemoReserve = Omit<Insertable<ReserveTable>, 'created_at' | 'updated_at'> & { id: number };
export type DemoReserveStatusChange = Omit<Insertable<ReserveStatusChangeTable>, 'recorded_at'>;
export type DemoReserveRecord = Omit<Insertable<ReserveRecordTable>, 'recorded_at'>;
export interface DemoDisciplineRecord {
  person_id: number;
  kind: DisciplineKind;
  starts_on: string;
  ends_on: string | null;
  note: string;
}

export interface DemoPool {
  reserves: DemoReserve[];
  statusChanges: DemoReserveStatusChange[];
  records: DemoReserveRecord[];
  discipline: DemoDisciplineRecord[];
  relaxedVillageIds: number[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** Calendar months later; the day is kept up to the 28th so every month has it. */
function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  return `${year}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

const SOURCE_REASONS: Record<Exclude<ReserveSource, 'legacy'>, string> = {
  organisation: '村党组织推荐',
  mass: '党员群众推荐',
  self: '个人自荐',
};
const TRAININGS = ['全县村级后备干部示范培训班', '乡镇后备干部集中轮训', '乡村振兴专题网络培训', '基层党建实务培训'];
const PLACEMENTS = [
  ['shadowing', '跟班学习：村“两委”日常工作'],
  ['secondment', '挂职：乡镇便民服务中心'],
  ['assistant', '助理：村党组织书记助理'],
] as const;
const TALK_NOTES = ['交流近期工作与思想动态', '谈工作计划与不足', '了解困难，明确下阶段任务'];

export function generateReservePool(
  random: Random,
  input: { villages: DemoVillage[]; people: DemoPerson[]; reserveIds: number[]; today: string },
): DemoPool {
  const { people, today } = input;
  const byId = new Map(people.map((p) => [p.id, p]));
  const mentorsByTownship = new Map<number, number[]>();
  for (const p of people.filter((p) => p.is_mentor)) {
    mentorsByTownship.set(p.township_id, [...(mentorsByTownship.get(p.township_id) ?? []), p.id]);
  }

  // 年龄放宽村: remote villages, about one in twelve (not the county seat's communities).
  const marking = random.fork('relaxed');
  const relaxedVillageIds = input.villages
    .filter((v) => v.kind === 'village' && v.area === 'rural' && marking.chance(0.08))
    .map((v) => v.id);

  const reserves: DemoReserve[] = [];
  const statusChanges: DemoReserveStatusChange[] = [];
  const records: DemoReserveRecord[] = [];
  const pool = random.fork('pool');
  for (const personId of input.reserveIds) {
    const person = byId.get(personId)!;
    const id = reserves.length + 1;
    const enteredOn = addDays(today, -pool.int(365, 5 * 365));
    const source = pool.weighted<Exclude<ReserveSource, 'legacy'>>([
      ['organisation', 60],
      ['mass', 25],
      ['self', 15],
    ]);
    const mentors = mentorsByTownship.get(person.township_id) ?? [];
    // Most have a mentor; the others are the gap the county's dashboard shows.
    const mentor = mentors.length > 0 && pool.chance(0.88) ? pool.pick(mentors) : null;
    reserves.push({
      id,
      person_id: personId,
      township_id: person.township_id,
      village_id: person.village_id,
      status: 'in_pool',
      source,
      intake_year: Number(enteredOn.slice(0, 4)),
      entered_on: enteredOn,
      mentor_person_id: mentor,
    });

    const trialEnds = addMonths(enteredOn, 6);
    const chain = [
      [null, 'nominated', SOURCE_REASONS[source], addDays(enteredOn, -40)],
      ['nominated', 'under_review', '村党组织、乡镇资格初审通过', addDays(enteredOn, -30)],
      ['under_review', 'on_notice', '乡镇考察合格，县级联审通过，公示 5 个工作日', addDays(enteredOn, -8)],
      ['on_notice', 'trial', '公示期满无异议，入库试用', enteredOn],
      ['trial', 'in_pool', '试用期满，考察合格', trialEnds],
    ] as const;
    for (const [from, to, reason, on] of chain) {
      statusChanges.push({ reserve_id: id, from_status: from, to_status: to, reason, changed_on: on });
    }

    const record = (kind: DemoReserveRecord['kind'], startedOn: string, more: Partial<DemoReserveRecord> = {}) =>
      records.push({ reserve_id: id, kind, started_on: startedOn, ...more });

    // 导师谈话 every six months from the mentor's first month; about one in six has let the last
    // one slip past its due day.
    if (mentor) {
      const talks: string[] = [];
      for (let talk = addMonths(enteredOn, 1); talk <= today; talk = addMonths(talk, 6)) talks.push(talk);
      // the latest one never happened: the talk after the one before it is past due
      if (pool.chance(0.16)) talks.pop();
      for (const talk of talks) record('mentor_talk', talk, { note: pool.pick(TALK_NOTES) });
    }
    // 乡镇党委书记谈话 yearly; a few are overdue.
    const secretaryOverdue = pool.chance(0.1);
    for (let talk = addMonths(enteredOn, 2); talk <= today; talk = addMonths(talk, 12)) {
      if (secretaryOverdue && addMonths(talk, 12) > today) break;
      record('secretary_talk', talk, { note: '乡镇党委书记谈心谈话' });
    }
    // Training every year in the pool, and one or two placements.
    for (let year = Number(enteredOn.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
      const day = `${year}-${String(pool.int(3, 10)).padStart(2, '0')}-${String(pool.int(1, 28)).padStart(2, '0')}`;
      if (day < enteredOn || day > today) continue;
      record('training', day, { detail: pool.pick(TRAININGS), ended_on: addDays(day, pool.int(2, 5)) });
    }
    for (let k = pool.int(0, 2); k > 0; k--) {
      const [detail, note] = pool.pick(PLACEMENTS);
      const start = addDays(enteredOn, pool.int(30, 300));
      if (start > today) continue;
      const end = addMonths(start, pool.int(2, 6));
      record('placement', start, { detail, note, ended_on: end > today ? null : end });
    }
    // 年度考察 each December the reserve was in the pool; a few 不合格.
    for (let year = Number(trialEnds.slice(0, 4)); `${year}-12-20` <= today; year++) {
      if (`${year}-12-20` < trialEnds) continue;
      const fail = pool.chance(0.04);
      record('review', `${year}-12-20`, {
        detail: fail ? 'fail' : 'pass',
        note: fail ? '年度考察不合格：工作参与不足，乡镇决定继续培养' : '年度考察合格',
      });
    }
  }

  // 不合格党员 / 立案审查 / 处分影响期 on a handful of serving cadres (never a reserve).
  const reserveSet = new Set(input.reserveIds);
  const others = people.filter((p) => !reserveSet.has(p.id) && !p.is_mentor);
  const marked = random.fork('discipline');
  const discipline: DemoDisciplineRecord[] = marked.sample(others, 9).map((p, i) => {
    const kind: DisciplineKind = (['unqualified_member', 'under_investigation', 'disciplinary_period'] as const)[i % 3];
    const starts = addDays(today, -marked.int(60, 3 * 365));
    return {
      person_id: p.id,
      kind,
      starts_on: starts,
      ends_on: kind === 'under_investigation' ? null : kind === 'disciplinary_period' ? addMonths(starts, 24) : null,
      note:
        kind === 'unqualified_member'
          ? '民主评议党员被评为不合格党员'
          : kind === 'under_investigation'
            ? '县纪委监委立案审查'
            : '党内警告处分，影响期 24 个月',
    };
  });

  return { reserves, statusChanges, records, discipline, relaxedVillageIds };
}
