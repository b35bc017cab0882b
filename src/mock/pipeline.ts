// One request through the mock, as a record of replaceable stages (stages/): target → authenticate →
// receive → route → parameters → body → behave. `createPipeline` builds the default stages, lets the
// personality and the faults replace or wrap some, and composes them. Every answer, errors included,
// is in the addressed vendor's shape.

import type { IncomingMessage } from 'node:http';
import { withFaults, type MockFault } from './faults.js';
import { PERSONALITY_STAGES } from './personality.js';
import { defaultStages } from './stages/index.js';
import { isAnswer, type PipelineDeps, type Stages } from './stages/types.js';
import { MockHttpError, type Answer } from './types.js';

export type { PipelineDeps, Stages };
export type { Answer, Mount } from './types.js';

export type Pipeline = (req: IncomingMessage) => Promise<Answer>;

export interface PipelineOptions {
  /** Deliberate faults for mutation testing (faults.ts); none when absent. */
  faults?: readonly MockFault[];
  /** Stages to use instead of the defaults (before the personality and the faults apply). */
  stages?: Partial<Stages>;
}

/** The mock's pipeline: the default stages, as its personality (deps.personality) and `faults` change them. */
export function createPipeline(deps: PipelineDeps, options: PipelineOptions = {}): Pipeline {
  const stages = PERSONALITY_STAGES[deps.personality]({ ...defaultStages(deps), ...options.stages });
  return compose(withFaults(stages, options.faults));
}

/** Runs the stages in order; the first that answers ends the request. */
export function compose(s: Stages): Pipeline {
  return async (req) => {
    const addressed = await s.target(req);
    if (isAnswer(addressed)) return addressed;
    const authenticated = await s.authenticate(addressed);
    if (isAnswer(authenticated)) return authenticated;
    const received = await s.receive(authenticated);
    if (isAnswer(received)) return received;
    const routed = await s.route(received);
    if (isAnswer(routed)) return routed;
    const checkedParameters = await s.validateParameters(routed);
    if (isAnswer(checkedParameters)) return checkedParameters;
    const queried = await s.refuseParameters(checkedParameters);
    if (isAnswer(queried)) return queried;
    const read = await s.readBody(queried);
    if (isAnswer(read)) return read;
    const checkedBody = await s.validateBody(read);
    if (isAnswer(checkedBody)) return checkedBody;
    const validated = await s.refuseBody(checkedBody);
    if (isAnswer(validated)) return validated;
    const limited = await s.limitPatch(validated);
    if (isAnswer(limited)) return limited;
    const { route } = limited;
    try {
      return { route, response: await s.behave(s.context(limited)) };
    } catch (err) {
      if (err instanceof MockHttpError) return { route, response: err.response };
      throw err;
    }
  };
}
