// not-server-error: the target answered, and not with a 5xx.

import { fail, pass, type Check } from './types.js';

export const notServerError: Check = {
  name: 'not-server-error',
  description: 'the target answers, and never with a 5xx',
  run(exchange) {
    if (!exchange.response) return fail(exchange.error ?? 'no response', 'a response');
    const { status } = exchange.response;
    return status >= 500 ? fail(`${status}`, 'no server error (5xx)') : pass();
  },
};
