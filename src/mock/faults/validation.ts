// Faults of validation: `shallow-validation` wraps `validateBody`, `ignore-limit` wraps `validateParameters`.

import { isAnswer, type Problems, type Stages } from '../stages/types.js';
import type { FieldError } from '../types.js';

/** Body validation stops two levels down: a field such as `accessControl.scope.matchType` is never checked. */
export function shallowValidation(stages: Stages): Stages {
  const inner = stages.validateBody;
  const shallow = (errors: FieldError[]) => errors.filter((e) => e.field.split('.').length < 3);
  return {
    ...stages,
    validateBody: async (x) => {
      const out = await inner(x);
      if (isAnswer(out)) return out;
      const p: Problems = out.problems;
      return { ...out, problems: { ...p, reading: shallow(p.reading), documents: () => shallow(p.documents()) } };
    },
  };
}

/** The paging parameters `limit` (SailPoint) and `first` (Versori) are dropped: lists answer their default page. */
export function ignoreLimit(stages: Stages): Stages {
  const inner = stages.validateParameters;
  return {
    ...stages,
    validateParameters: async (x) => {
      const out = await inner(x);
      if (isAnswer(out)) return out;
      const query = { ...out.query };
      delete query['limit'];
      delete query['first'];
      return { ...out, query };
    },
  };
}
