// The people of the demo county: the two committees (村(社区)"两委") of every village with
// their seats, who among them is newly elected or a mentor, and the reserve pool.
import type { COMMITTEES, POSITION_TITLES } from '../db/schema.js';
import { DEMO_FIGURES, TERM_END, TERM_START } from './figures.js';
import type { DemoPerson, DemoPosition, DemoTownship, DemoVillage } from './generate-county.js';
import { EDUCATION_WEIGHTS, PersonDetailsMaker } from './person-details.js';
import type { Random } from './random.js';

type Committee = (typeof COMMITTEES)[number];
type Title = (typeof POSITION_TITLES)[number];
type Seat = readonly [Committee, Title];

interface CadreDraft {
  village: DemoVillage;
  seats: Seat[];
  gender: 'male' | 'female';
  newlyElected: boolean;
  mentor: boolean;
}

const isSecretary = (draft: CadreDraft) => draft.seats.some(([c, t]) => c === 'party_branch' && t === 'secretary');

export function generatePeople(
  random: Random,
  townships: DemoTownship[],
  villages: DemoVillage[],
): { people: DemoPerson[]; positions: DemoPosition[]; reserveIds: number[] } {
  const structure = random.fork('committees');
  const drafts = villages.flatMap((village) => draftCommittees(structure, village));
  chooseNewlyElected(random.fork('newly-elected'), drafts);
  chooseMentors(random.fork('mentors'), drafts, townships);

  const details = new PersonDetailsMaker(random.fork('details'));
  const traits = random.fork('traits');
  const people: DemoPerson[] = [];
  const positions: DemoPosition[] = [];
  for (const draft of drafts) {
    const secretary = isSecretary(draft);
    const age = draft.mentor
      ? traits.int(40, 60)
      : secretary
        ? draft.newlyElected
          ? traits.int(28, 48)
          : traits.int(38, 58)
        : draft.newlyElected
          ? traits.int(25, 45)
          : traits.int(30, 60);
    // Seats on the Party branch committee require membership; secretaries always have it.
    const inBranch = draft.seats.some(([committee]) => committee === 'party_branch');
    const person: DemoPerson = {
      id: people.length + 1,
      ...details.make(draft.gender, age),
      gender: draft.gender,
      education: traits.weighted(draft.newlyElected ? EDUCATION_WEIGHTS.newlyElected : EDUCATION_WEIGHTS.serving),
      party_member: inBranch || traits.chance(draft.mentor ? 0.9 : 0.55),
      township_id: draft.village.township_id,
      village_id: draft.village.id,
      newly_elected: draft.newlyElected,
      is_mentor: draft.mentor,
    };
    people.push(person);
    for (const [committee, title] of draft.seats) {
      positions.push({
        id: positions.length + 1,
        person_id: person.id,
        committee,
        title,
        term_start: TERM_START,
        term_end: TERM_END,
      });
    }
  }

  // Reserves (后备干部): one or two per village, younger and better schooled, no seat yet. Their
  // pool entries and histories are made in generate-reserves.ts. Ages are at the term's start:
  // most are still well under the age limit of 40 today, a few (34) reach it within a year or so.
  const reserveIds: number[] = [];
  const reserveRandom = random.fork('reserves');
  const perVillage = Math.floor(DEMO_FIGURES.reserves / villages.length);
  const withExtra = new Set(reserveRandom.sample(villages, DEMO_FIGURES.reserves % villages.length).map((v) => v.id));
  for (const village of villages) {
    const count = perVillage + (withExtra.has(village.id) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const gender = reserveRandom.chance(0.4) ? 'female' : 'male';
      const age = reserveRandom.chance(0.95) ? reserveRandom.int(22, 33) : 34;
      reserveIds.push(people.length + 1);
      people.push({
        id: people.length + 1,
        ...details.make(gender, age),
        gender,
        education: reserveRandom.weighted(EDUCATION_WEIGHTS.reserve),
        party_member: reserveRandom.chance(0.5),
        township_id: village.township_id,
        village_id: village.id,
        newly_elected: false,
        is_mentor: false,
      });
    }
  }
  return { people, positions, reserveIds };
}

/** Five to seven cadres, each with one or two seats; one Party secretary per village. */
function draftCommittees(random: Random, village: DemoVillage): CadreDraft[] {
  const size = random.weighted([
    [5, 3],
    [6, 4],
    [7, 3],
  ] as const);
  const seats: Seat[][] = Array.from({ length: size }, () => []);
  // 一肩挑: since 2021 most villages elect one person as Party secretary and committee director.
  const oneShoulder = random.chance(0.85);
  seats[0].push(['party_branch', 'secretary']);
  let next = 1;
  if (oneShoulder) seats[0].push(['villagers_committee', 'director']);
  else seats[next++].push(['villagers_committee', 'director']);
  if (random.chance(0.6)) {
    seats[next].push(['party_branch', 'deputy_secretary']);
    if (random.chance(0.4)) seats[next].push(['villagers_committee', 'deputy_director']);
    next++;
  } else if (random.chance(0.5)) {
    seats[next++].push(['villagers_committee', 'deputy_director']);
  }
  for (let i = next; i < size; i++) {
    const first: Committee = random.chance(0.45) ? 'party_branch' : 'villagers_committee';
    seats[i].push([first, 'member']);
    // 交叉任职: some sit on both committees.
    if (random.chance(0.3))
      seats[i].push([first === 'party_branch' ? 'villagers_committee' : 'party_branch', 'member']);
  }
  // Each committee has at least three seats: fill from cadres who hold only one.
  for (const committee of ['party_branch', 'villagers_committee'] as const) {
    for (const own of seats) {
      if (seats.filter((s) => s.some(([c]) => c === committee)).length >= 3) break;
      if (own.length === 1 && own[0][0] !== committee) own.push([committee, 'member']);
    }
  }

  const drafts = seats.map((own, index): CadreDraft => ({
    village,
    seats: own,
    gender: random.chance(index === 0 ? 0.12 : 0.3) ? 'female' : 'male',
    newlyElected: false,
    mentor: false,
  }));
  // Every committee keeps a woman member (妇女委员).
  if (!drafts.some((d) => d.gender === 'female')) drafts[drafts.length - 1].gender = 'female';
  return drafts;
}

/** Exactly 895 newcomers, 191 of them new Party secretaries. */
function chooseNewlyElected(random: Random, drafts: CadreDraft[]): void {
  const secretaries = drafts.filter(isSecretary);
  const others = drafts.filter((d) => !isSecretary(d));
  for (const d of random.sample(secretaries, DEMO_FIGURES.newSecretaries)) d.newlyElected = true;
  for (const d of random.sample(others, DEMO_FIGURES.newlyElected - DEMO_FIGURES.newSecretaries)) d.newlyElected = true;
}

/**
 * Exactly 421 mentors from the serving (not newly elected) cadres, shared out between the
 * townships in proportion to their newcomers, since pairings stay inside a township.
 * Serving secretaries are asked first.
 */
function chooseMentors(random: Random, drafts: CadreDraft[], townships: DemoTownship[]): void {
  const newcomers = townships.map((t) => drafts.filter((d) => d.newlyElected && d.village.township_id === t.id).length);
  const totalNew = newcomers.reduce((a, b) => a + b, 0);
  const exact = newcomers.map((n) => (n * DEMO_FIGURES.mentors) / totalNew);
  const quotas = exact.map(Math.floor);
  // Largest remainder: the seats left over go to the townships closest to the next one.
  const leftover = DEMO_FIGURES.mentors - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < leftover; k++) quotas[byRemainder[k][1]]++;

  townships.forEach((township, index) => {
    const serving = random.shuffle(drafts.filter((d) => !d.newlyElected && d.village.township_id === township.id));
    const ranked = [...serving.filter(isSecretary), ...serving.filter((d) => !isSecretary(d))];
    if (ranked.length < quotas[index]) throw new Error(`${township.name} has too few serving cadres for its mentors`);
    for (const d of ranked.slice(0, quotas[index])) d.mentor = true;
  });
}
