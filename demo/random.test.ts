import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: string) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(createRandom('a').fork('x').next()).toBe(createRandom('a').fork('x').next());
    expect(createRandom('a').fork('x').next()).not.toBe(createRandom('a').fork('y').next());
  });

  it('keeps its helpers within bounds', () => {
    const r = createRandom('bounds');
    const ints = Array.from({ length: 2000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(r.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
    expect(() => r.sample([1], 2)).toThrow();
    const picks = Array.from({ length: 1000 }, () =>
      r.weighted([
        ['rare', 1],
        ['common', 9],
      ] as const),
    );
    expect(picks.filter((p) => p === 'common').length).toBeGreaterThan(800);
  });
});
