// Fault `throttle-once` (benign), a wrapper of stage `route`: the first call of each operation is
// answered 429 with `Retry-After: 0`, before anything is done.

import { isAnswer, type Stages } from '../stages/types.js';

export function throttleOnce(stages: Stages): Stages {
  const inner = stages.route;
  const throttled = new Set<string>();
  return {
    ...stages,
    route: async (x) => {
      const out = await inner(x);
      if (isAnswer(out)) return out;
      const key = `${out.route.spec.apiId} ${out.route.op.operationId ?? out.route.op.path}`;
      if (throttled.has(key)) return out;
      throttled.add(key);
      const answer = out.refuse(429, 'too many requests (fault throttle-once)');
      return { ...answer, response: { ...answer.response, headers: { 'retry-after': '0' } } };
    },
  };
}
