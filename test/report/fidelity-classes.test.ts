// Every registered check judges one behaviour class of a fidelity report, or is excluded with why: a check
// added to src/checks without a class fails here, before it silently counts for nothing.

import { expect, it } from 'vitest';
import { CHECK_NAMES } from '../../src/checks/index.js';
import { BEHAVIOUR_CLASSES, CHECK_CLASSES, classOfCheck, EXCLUDED_CHECKS } from '../../src/report/fidelity-classes.js';

it('maps every registered check to a behaviour class or excludes it', () => {
  const unclassified = CHECK_NAMES.filter((n) => !(n in CHECK_CLASSES) && !(n in EXCLUDED_CHECKS));
  expect(unclassified, 'give each new check a class in src/report/fidelity-classes.ts').toEqual([]);
});

it('names no check that is not registered, and none both mapped and excluded', () => {
  const named = [...Object.keys(CHECK_CLASSES), ...Object.keys(EXCLUDED_CHECKS)];
  expect(named.filter((n) => !CHECK_NAMES.includes(n))).toEqual([]);
  expect(Object.keys(CHECK_CLASSES).filter((n) => n in EXCLUDED_CHECKS)).toEqual([]);
});

it('has a check for every class, and excludes request-shape (the suite’s own request)', () => {
  expect(BEHAVIOUR_CLASSES.filter((c) => !Object.values(CHECK_CLASSES).includes(c))).toEqual([]);
  expect(classOfCheck('request-shape')).toBeUndefined();
  expect(classOfCheck('toString')).toBeUndefined(); // an inherited name is not a check
});
