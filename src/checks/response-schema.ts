// response-schema: the body validates against the schema documented for its status and content type.

import { fail, observe, pass, skip, withResponse, type Check } from './types.js';

const MAX_SHOWN = 5;

export const responseSchema: Check = {
  name: 'response-schema',
  description: 'the body validates against the documented schema for its status and content type',
  run: withResponse((_exchange, ctx) => {
    const problems = ctx.responseProblems();
    if (problems.some((p) => p.kind === 'status' || p.kind === 'content-type'))
      return skip('no documented schema applies (status or content type not documented)');
    const schema = problems.filter((p) => p.kind === 'schema');
    if (schema.length > 0)
      return {
        ...fail(schema[0]!.received, schema[0]!.documented, schema[0]!.at),
        message: listed(schema.map((p) => fail(p.received, p.documented, p.at).message!)),
      };
    // Documented, but not as we read the documents (an x-inferred constraint): an observation.
    const reading = ctx.readingProblems();
    if (reading.length > 0)
      return {
        ...observe(reading[0]!.received, reading[0]!.documented, reading[0]!.at),
        message: listed(reading.map((p) => observe(p.received, p.documented, p.at).message!)),
      };
    return pass();
  }),
};

function listed(lines: string[]): string {
  const more = lines.length > MAX_SHOWN ? [`... and ${lines.length - MAX_SHOWN} more`] : [];
  return [...lines.slice(0, MAX_SHOWN), ...more].join('\n');
}
