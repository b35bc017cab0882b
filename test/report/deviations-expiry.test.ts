// Expiry of known deviations: an entry applies through its expiry day (UTC), then is reported expired and
// the failure stays failed.

import { describe, expect, it } from 'vitest';
import { applyDeviations, describeExpired } from '../../src/report/deviations.js';
import { FAILED, fixtureReport } from './fixtures.js';
import { dev, statusOf, TODAY } from './deviations-fixtures.js';

describe('applyDeviations', () => {
  const report = fixtureReport(); // live: davinci, versori, sailpoint; authorize skipped

  describe('expiry (today fixed at 2026-06-15)', () => {
    it('applies through the expiry day; from the next day it is expired and the failure stays failed', () => {
      const onTheDay = applyDeviations(report, [dev({ id: FAILED.id, expires: '2026-06-15' })], TODAY);
      expect(statusOf(onTheDay.report.results, FAILED.id)).toBe('known');
      expect(onTheDay.expired).toEqual([]);

      const dayBefore = applyDeviations(
        report,
        [dev({ id: FAILED.id, expires: '2026-06-14', reason: 'old ticket' })],
        TODAY,
      );
      expect(statusOf(dayBefore.report.results, FAILED.id)).toBe('failed');
      expect(dayBefore.report.results.find((r) => r.id === FAILED.id)!.deviation).toBeUndefined();
      expect(dayBefore.expired).toEqual([{ id: FAILED.id, reason: 'old ticket', expires: '2026-06-14' }]);
      expect(dayBefore.report.deviations).toEqual({ expired: dayBefore.expired });
      expect(dayBefore.report.summary).toEqual(report.summary);
    });

    it('compares dates in UTC', () => {
      const lateEvening = new Date('2026-06-14T23:30:00-02:00'); // 2026-06-15T01:30Z
      expect(
        applyDeviations(report, [dev({ id: FAILED.id, expires: '2026-06-14' })], lateEvening).expired,
      ).toHaveLength(1);
    });

    it('an expired entry that matches nothing is still reported expired', () => {
      const { expired, report: out } = applyDeviations(
        report,
        [dev({ id: 'versori/removedOperation/*', expires: '2025-01-31', reason: 'gone' })],
        TODAY,
      );
      expect(expired).toEqual([{ id: 'versori/removedOperation/*', reason: 'gone', expires: '2025-01-31' }]);
      expect(out.deviations).toEqual({ expired });
      expect(describeExpired(expired, 'conformance.deviations.yaml').join('\n')).toMatch(
        /1 known deviation expired \(conformance\.deviations\.yaml\)[\s\S]*EXPIRED versori\/removedOperation\/\* \(expired after 2025-01-31\): gone/,
      );
    });

    it('an expired entry does not hide behind an unexpired one; the unexpired one still applies', () => {
      const { expired, report: out } = applyDeviations(
        report,
        [
          dev({ id: FAILED.id, expires: '2026-01-01' }),
          dev({ id: FAILED.id, expires: '2026-12-31', reason: 'renewed' }),
        ],
        TODAY,
      );
      expect(expired.map((e) => e.expires)).toEqual(['2026-01-01']);
      expect(out.results.find((r) => r.id === FAILED.id)!.deviation).toEqual({
        reason: 'renewed',
        expires: '2026-12-31',
      });
    });
  });
});
