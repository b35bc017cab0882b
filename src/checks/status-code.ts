// status-code: the status is documented for the operation and is one the case expects.

import { fail, pass, withResponse, type Check } from './types.js';

export const statusCode: Check = {
  name: 'status-code',
  description: 'the status is documented for the operation and is the one the case expects',
  // Negative and authentication cases have their own status checks, with their own messages.
  appliesTo: ['positive', 'flow'],
  // A generated input's status is judged by positive-data-acceptance.
  run: (exchange, ctx) => (ctx.generated ? undefined : judge(exchange, ctx)),
};

const judge = withResponse((exchange, ctx) => {
  const status = exchange.response!.status;
  const documented = Object.keys(ctx.op.operation.responses ?? {});
  if (ctx.responseProblems().some((p) => p.kind === 'status'))
    return fail(`${status}`, `one of ${documented.join(', ')} for ${ctx.op.operationId}`);
  if (!ctx.expectedStatus.includes(status))
    return fail(
      `${status}`,
      `${ctx.expectedStatus.join(' or ')} for this case (${describeStatus(status)} is documented, but not as this case's outcome)`,
    );
  return pass();
});

function describeStatus(status: number): string {
  return status >= 200 && status < 300 ? `success ${status}` : `${status}`;
}
