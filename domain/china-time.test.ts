import { describe, expect, it, vi } from 'vitest';
import { CHINA_OFFSET_MS, chinaDayOf, chinaIso, chinaMinuteOf, chinaWallClock, chinaYear } from './china-time.js';

describe('China time (UTC+8)', () => {
  it('is eight hours ahead of UTC', () => {
    expect(CHINA_OFFSET_MS).toBe(8 * 3600_000);
    expect(chinaWallClock('2026-03-05T01:02:03Z').toISOString()).toBe('2026-03-05T09:02:03.000Z');
  });

  it('turns to the next day and the next year at 16:00 UTC', () => {
    expect(chinaDayOf(Date.parse('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(chinaDayOf(Date.parse('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(chinaYear(new Date('2025-12-31T15:59:59.999Z'))).toBe(2025);
    expect(chinaYear('2025-12-31T16:00:00Z')).toBe(2026);
  });

  it('reads an instant written in any zone the same way', () => {
    expect(chinaDayOf('2026-03-05T23:30:00+08:00')).toBe('2026-03-05');
    expect(chinaMinuteOf('2026-12-26T01:21:40Z')).toBe('2026-12-26 09:21');
  });

  it('writes a China-time day and clock time as an ISO instant that reads back to the same day', () => {
    expect(chinaIso('2026-03-05')).toBe('2026-03-05T00:00:00+08:00');
    expect(chinaIso('2026-03-05', '23:59:59')).toBe('2026-03-05T23:59:59+08:00');
    expect(new Date(chinaIso('2026-03-05')).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(chinaDayOf(chinaIso('2026-03-05', '23:59:59'))).toBe('2026-03-05');
  });

  it('counts now by default', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-31T16:30:00Z') });
    try {
      expect(chinaYear()).toBe(2027);
      expect(chinaDayOf()).toBe('2027-01-01');
    } finally {
      vi.useRealTimers();
    }
  });
});
