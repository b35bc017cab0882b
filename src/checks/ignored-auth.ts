// ignored-auth: a request without valid credentials is refused with 401, never served.

import { fail, pass, withResponse, type Check } from './types.js';

export const ignoredAuth: Check = {
  name: 'ignored-auth',
  description: 'a request with no or a wrong token is refused with 401, never served',
  appliesTo: ['auth'],
  run: withResponse((exchange) => {
    const status = exchange.response!.status;
    const sent = exchange.plan.auth === 'none' ? 'no credentials' : 'a token no server issued';
    if (status === 401) return pass();
    if (status < 300) return fail(`${status}: the target served a request sent with ${sent}`, '401');
    return fail(`${status}`, `401 for a request sent with ${sent}`);
  }),
};
