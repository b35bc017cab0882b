// Stage `authenticate`: a bearer token, checked first as on the real APIs, so that no answer says
// more than 401 to a stranger. Outside every API nothing is protected (the path answers 404).

import type { Stages } from './types.js';

/** `token`: the only bearer token accepted; without it any non-empty bearer token. */
export function authenticate(token: string | undefined): Stages['authenticate'] {
  return (x) => {
    const problem = x.mount ? bearerProblem(x.req.headers.authorization, token) : undefined;
    if (!problem) return x;
    x.req.resume(); // the body is never read
    return x.refuse(401, problem);
  };
}

/** Why an Authorization header is refused, or undefined. */
export function bearerProblem(header: string | undefined, token: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S.*)$/i.exec(header?.trim() ?? '');
  if (!m)
    return header
      ? 'the Authorization header must be "Bearer <token>"'
      : 'an Authorization header with a bearer token is required';
  if (token !== undefined && m[1] !== token) return 'the bearer token is not valid';
  return undefined;
}
