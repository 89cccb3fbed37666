// A small seeded pseudo-random generator for the demo county. Math.random() would give a
// different county on every start; with a seed, every machine, test run and screenshot
// sees the same villages and the same people.
//
// xmur3 turns the seed string into four 32-bit words, sfc32 (Small Fast Counting) makes the
// stream. Both are public domain, tiny, and good enough for made-up data (not for secrets).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /**
   * An independent stream named after a part of the data, so that adding a name to a list
   * changes the names and not, say, which villages are communities.
   */
  fork(label: string): Random;
}

function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRandom(seed: string): Random {
  const seedWords = xmur3(seed);
  const next = sfc32(seedWords(), seedWords(), seedWords(), seedWords());
  // The first outputs of sfc32 still echo the seed; skip them.
  for (let i = 0; i < 15; i++) next();

  const random: Random = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1][0];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    sample(items, k) {
      if (k > items.length) throw new Error(`cannot sample ${k} of ${items.length}`);
      return random.shuffle(items).slice(0, k);
    },
    fork(label) {
      return createRandom(`${seed}/${label}`);
    },
  };
  return random;
}
