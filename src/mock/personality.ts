// The mock's personalities: three readings of what the documents leave open, each inside the documents,
// each a choice of stages (stages/):
// - default: our reading (the documents plus every x-inferred constraint), as a Go service that rejects
//   what it does not expect: the default stages;
// - lenient: where the documents are silent it ignores or coerces as real services do: a query value
//   that breaks only our reading is ignored (unknown values, odd flags); a JSON number in a string field
//   becomes a string, as Java services coerce; a body that breaks only our reading is taken as it is,
//   unless what it would store cannot be answered within the documents (then 400, and nothing stays);
//   a clone gets a derived name (the DaVinci profile);
// - strict: our reading, and it also refuses what a careful service refuses though the documents are
//   silent (blank names, empty path patterns, references to ids that do not exist).
// The suite must pass all three: a difference the documents allow is an observation, never a failure.

import { carefulToo, documentsDecide, refuse } from './stages/refuse.js';
import { rollbackOutsideDocuments } from './stages/rollback.js';
import type { Stages } from './stages/types.js';
import { validateBody } from './stages/validate-body.js';

export { PERSONALITIES, type Personality } from './personality-names.js';
import type { Personality } from './personality-names.js';

/** What each personality changes in the default stages. */
export const PERSONALITY_STAGES: Record<Personality, (stages: Stages) => Stages> = {
  default: (stages) => stages,
  lenient: (stages) => ({
    ...stages,
    refuseParameters: refuse(documentsDecide, 'invalid parameters'),
    validateBody: validateBody({ coerce: true }),
    refuseBody: refuse(documentsDecide, 'invalid request body'),
    behave: rollbackOutsideDocuments(stages.behave),
  }),
  strict: (stages) => ({ ...stages, refuseBody: refuse(carefulToo, 'invalid request body') }),
};
