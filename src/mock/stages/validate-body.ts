// Stage `validateBody`: what is wrong with a body sent in a documented media type, under our
// reading, under the documents alone, and to a careful service; `coerce` first reads a number in a
// string field as that string (the lenient personality).

import { documentedOf } from '../../openapi/load-spec.js';
import { validateBody as check } from '../../openapi/validate-request.js';
import { carefulRefusals } from '../careful-refusals.js';
import { coerceNumbersToStrings } from '../coerce-numbers.js';
import { NO_PROBLEMS, type Stages } from './types.js';

export function validateBody({ coerce = false }: { coerce?: boolean } = {}): Stages['validateBody'] {
  return (x) => {
    const { pointer } = x;
    if (pointer === undefined || x.raw.length === 0) return { ...x, problems: NO_PROBLEMS };
    const { spec, op } = x.route;
    const body = coerce ? coerceNumbersToStrings(spec, pointer, x.body) : x.body;
    return {
      ...x,
      body,
      problems: {
        reading: check(spec, pointer, body),
        documents: () => check(documentedOf(spec), pointer, body),
        careful: () => carefulRefusals(spec.apiId, op.operationId ?? '', body),
      },
    };
  };
}
