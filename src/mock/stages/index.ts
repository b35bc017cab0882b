// The default stages of one running mock: our reading of the documents, enforced in full
// (personality.ts and faults.ts replace or wrap some of them).

import { authenticate } from './authenticate.js';
import { behave } from './behave.js';
import { context } from './context.js';
import { limitPatch, limitPatchGrowth } from './limit-patch.js';
import { validateParameters } from './parameters.js';
import { readBody } from './read-body.js';
import { receive } from './receive.js';
import { ourReading, refuse } from './refuse.js';
import { route } from './route.js';
import { target } from './target.js';
import type { PipelineDeps, Stages } from './types.js';
import { validateBody } from './validate-body.js';

export function defaultStages(deps: PipelineDeps): Stages {
  return {
    target: target(deps.mounts, deps.entropy),
    authenticate: authenticate(deps.token),
    receive: receive(deps.maxBodyBytes),
    route: route(deps.routes, deps.mounts, deps.entropy),
    validateParameters,
    refuseParameters: refuse(ourReading, 'invalid parameters'),
    readBody,
    validateBody: validateBody(),
    refuseBody: refuse(ourReading, 'invalid request body'),
    limitPatch,
    context: context(deps),
    behave: limitPatchGrowth(deps.maxBodyBytes)(behave),
  };
}
