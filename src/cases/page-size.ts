// page-size: a list asked for at most N items holds at most N.

import type { CaseAssertion } from './types.js';

export function pageSize(param: string, items: (body: unknown) => unknown[] | undefined, documentedBy: string): CaseAssertion {
  return {
    name: 'page-size',
    documentedBy,
    test(body, plan) {
      const asked = Number(plan.query[param]);
      const got = items(body);
      if (!got) return `Received: no list of items / Documented: a page of at most ${asked}`;
      return got.length <= asked ? undefined : `Received: ${got.length} items / Documented: at most ${asked} (${param}=${asked})`;
    },
  };
}
