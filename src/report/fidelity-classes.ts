// The behaviour classes of a fidelity report, and which class each registered check judges: one table,
// so a new check must be given a class (or excluded, with why) before it counts (test/report/fidelity-classes).

/** What a mock may reproduce of the API, in the order the reports list them. */
export const BEHAVIOUR_CLASSES = [
  'authentication',
  'state',
  'validation',
  'response-shapes',
  'status-codes',
  'content-types',
  'headers',
  'paging',
] as const;
export type BehaviourClass = (typeof BEHAVIOUR_CLASSES)[number];

/** Each class as the reports name it. */
export const CLASS_LABELS: Readonly<Record<BehaviourClass, string>> = {
  authentication: 'authentication enforced',
  state: 'state kept',
  validation: 'request validation',
  'response-shapes': 'response shapes',
  'status-codes': 'status codes',
  'content-types': 'content types',
  headers: 'headers',
  paging: 'paging',
};

/** Checks that judge no behaviour of the target, with why. */
export const EXCLUDED_CHECKS: Readonly<Record<string, string>> = {
  'request-shape': "it judges the suite's own request, not the target",
};

/** The class each registered check judges (src/checks/index.ts `CHECK_NAMES`). */
export const CHECK_CLASSES: Readonly<Record<string, BehaviourClass>> = {
  'ignored-auth': 'authentication',
  'update-reflected': 'state',
  'update-persisted': 'state',
  'list-contains': 'state',
  'use-after-delete': 'state',
  'clone-copies': 'state',
  'same-fields': 'state',
  'negative-data-rejection': 'validation',
  'positive-data-acceptance': 'validation',
  'response-schema': 'response-shapes',
  'status-code': 'status-codes',
  'not-server-error': 'status-codes',
  'content-type': 'content-types',
  'response-headers': 'headers',
  'page-size': 'paging',
};

/** The class a check judges; undefined for an excluded check or a name this version does not know. */
export function classOfCheck(name: string): BehaviourClass | undefined {
  return Object.hasOwn(CHECK_CLASSES, name) ? CHECK_CLASSES[name] : undefined;
}
