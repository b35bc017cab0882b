// Deliberately broken variants of the reference mock (mutants) that the conformance cases must catch,
// and benign variants they must not flag. Each is a set of `startMock` options: a response
// `transform` for what an answer looks like, `faults` (src/mock/faults.ts) for what a transform cannot
// express (auth, validation, paging, state). `apis` are the APIs the variant breaks: the mutation test
// runs the cases of those APIs only.
//
// The variants are kept by theme in catalogue-answers.ts (per API), catalogue-behaviour.ts (faults),
// catalogue-documented.ts (issue 9) and catalogue-benign.ts; their shared tools in catalogue-tools.ts.

import { BROKEN_ANSWERS } from './catalogue-answers.js';
import { BROKEN_BEHAVIOUR } from './catalogue-behaviour.js';
import { BROKEN_DOCUMENTED } from './catalogue-documented.js';
import type { MockVariant } from './catalogue-tools.js';

export type { MockVariant } from './catalogue-tools.js';
export { BENIGN } from './catalogue-benign.js';

export const BROKEN: MockVariant[] = [...BROKEN_ANSWERS, ...BROKEN_BEHAVIOUR, ...BROKEN_DOCUMENTED];
