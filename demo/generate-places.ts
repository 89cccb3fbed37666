// Townships (乡镇 / 街道) and their villages and communities (村 / 社区).
import {
  COMMUNITY_STEMS,
  LANDFORMS,
  SURNAMES,
  TOWNSHIP_STEMS,
  VILLAGE_FIRSTS,
  VILLAGE_MIDDLES,
} from './chinese-names.js';
import { COUNTY_CODE, DEMO_FIGURES } from './figures.js';
import type { DemoTownship, DemoVillage } from './generate-county.js';
import type { Random } from './random.js';

interface Plan {
  communities: number;
  villages: number;
  /** Bounds for the number of villages when the total is evened out to 413. */
  min: number;
  max: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generatePlaces(random: Random): { townships: DemoTownship[]; villages: DemoVillage[] } {
  if (TOWNSHIP_STEMS.length !== DEMO_FIGURES.townships) throw new Error('the township list must hold 28 entries');

  // Code numbers follow the national convention: subdistricts 0xx, towns 1xx, townships 2xx.
  const nextNumber = { 街道: 1, 镇: 101, 乡: 201 };
  const townships: DemoTownship[] = TOWNSHIP_STEMS.map(({ stem, suffix }, index) => ({
    id: index + 1,
    code: `${COUNTY_CODE}${pad(nextNumber[suffix]++, 3)}`,
    name: `${stem}${suffix}`,
    kind: suffix === '街道' ? 'subdistrict' : 'township',
  }));

  const plans = townships.map((township, index): Plan => {
    const suffix = TOWNSHIP_STEMS[index].suffix;
    // Subdistricts are the county seat: mostly urban communities, a few villages at the edge.
    if (suffix === '街道') return { communities: random.int(8, 11), villages: random.int(2, 4), min: 1, max: 6 };
    // A town has one or two communities around its market street, the rest are villages.
    if (suffix === '镇') return { communities: random.int(1, 2), villages: random.int(12, 18), min: 9, max: 24 };
    return { communities: random.int(0, 1), villages: random.int(7, 11), min: 5, max: 15 };
  });
  evenOut(random, plans, DEMO_FIGURES.villages);

  const names = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const villages: DemoVillage[] = [];
  townships.forEach((township, index) => {
    const plan = plans[index];
    const stem = TOWNSHIP_STEMS[index].stem;
    // Community codes run 001…, village codes 201…, as in the national statistical codes.
    for (let i = 0; i < plan.communities; i++) {
      const name =
        township.kind === 'township' && i === 0 && !names.has(`${stem}社区`)
          ? unique(() => `${stem}社区`)
          : unique(() => `${random.pick(COMMUNITY_STEMS)}社区`);
      villages.push({
        id: 0,
        code: `${township.code}${pad(i + 1, 3)}`,
        township_id: township.id,
        name,
        kind: 'community',
        area: 'urban',
      });
    }
    for (let i = 0; i < plan.villages; i++) {
      const name = unique(() => `${villageStem(random)}村`);
      villages.push({
        id: 0,
        code: `${township.code}${pad(201 + i, 3)}`,
        township_id: township.id,
        name,
        kind: 'village',
        area: 'rural',
      });
    }
  });
  villages.forEach((village, index) => (village.id = index + 1));
  return { townships, villages };
}

/** Adds or removes villages in random townships, within their bounds, until the total is right. */
function evenOut(random: Random, plans: Plan[], total: number): void {
  const sum = () => plans.reduce((s, p) => s + p.communities + p.villages, 0);
  while (sum() !== total) {
    const plan = random.pick(plans);
    if (sum() < total && plan.villages < plan.max) plan.villages++;
    else if (sum() > total && plan.villages > plan.min) plan.villages--;
  }
}

/** 白鹤坪, 李家湾, 青溪: the shapes most Hunan village names take. */
function villageStem(random: Random): string {
  const landform = random.pick(LANDFORMS);
  const shape = random.weighted([
    ['first-landform', 3],
    ['first-middle-landform', 4],
    ['family', 3],
  ] as const);
  if (shape === 'first-landform') return `${random.pick(VILLAGE_FIRSTS)}${landform}`;
  if (shape === 'first-middle-landform')
    return `${random.pick(VILLAGE_FIRSTS)}${random.pick(VILLAGE_MIDDLES)}${landform}`;
  return `${random.weighted(SURNAMES)}家${landform}`;
}
