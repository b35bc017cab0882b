// retryAfterMs: Retry-After as seconds or an HTTP date, the 1 s default, garbage, and the cap.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryAfterMs } from '../../src/transport/http-client.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const httpDate = (offsetMs: number) => new Date(NOW + offsetMs).toUTCString();

describe('retryAfterMs', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    { name: 'seconds', header: '3', cap: 10_000, ms: 3000 },
    { name: 'zero seconds', header: '0', cap: 10_000, ms: 0 },
    { name: 'fractional seconds', header: '1.5', cap: 10_000, ms: 1500 },
    { name: 'seconds over the cap', header: '120', cap: 10_000, ms: 10_000 },
    { name: 'negative seconds', header: '-5', cap: 10_000, ms: 0 },
    { name: 'HTTP date 30 s ahead', header: httpDate(30_000), cap: 60_000, ms: 30_000 },
    { name: 'HTTP date beyond the cap', header: httpDate(600_000), cap: 10_000, ms: 10_000 },
    { name: 'HTTP date in the past', header: httpDate(-60_000), cap: 10_000, ms: 0 },
    { name: 'absent', header: undefined, cap: 10_000, ms: 1000 },
    { name: 'absent, cap below 1 s', header: undefined, cap: 50, ms: 50 },
    { name: 'garbage', header: 'soon', cap: 10_000, ms: 1000 },
    { name: 'garbage, cap below 1 s', header: 'soon', cap: 200, ms: 200 },
  ])('$name ($header, cap $cap) → $ms ms', ({ header, cap, ms }) => {
    expect(retryAfterMs(header, cap)).toBe(ms);
  });
});
