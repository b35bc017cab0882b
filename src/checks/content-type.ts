// content-type: the response's content type is one the operation documents for that status.

import { fail, pass, skip, withResponse, type Check } from './types.js';

export const contentType: Check = {
  name: 'content-type',
  description: 'the response content type is documented for its status',
  run: withResponse((_exchange, ctx) => {
    const problems = ctx.responseProblems();
    if (problems.some((p) => p.kind === 'status')) return skip('the status is not documented');
    const problem = problems.find((p) => p.kind === 'content-type');
    return problem ? fail(problem.received, problem.documented) : pass();
  }),
};
