// response-schema: the body validates against the schema documented for its status and content type.

import { fail, pass, skip, withResponse, type Check } from './types.js';

const MAX_SHOWN = 5;

export const responseSchema: Check = {
  name: 'response-schema',
  description: 'the body validates against the documented schema for its status and content type',
  run: withResponse((_exchange, ctx) => {
    const problems = ctx.responseProblems();
    if (problems.some((p) => p.kind === 'status' || p.kind === 'content-type')) return skip('no documented schema applies (status or content type not documented)');
    const schema = problems.filter((p) => p.kind === 'schema');
    if (schema.length === 0) return pass();
    const shown = schema.slice(0, MAX_SHOWN).map((p) => fail(p.received, p.documented, p.at).message);
    const more = schema.length > MAX_SHOWN ? [`... and ${schema.length - MAX_SHOWN} more`] : [];
    return { status: 'failed', message: [...shown, ...more].join('\n') };
  }),
};
