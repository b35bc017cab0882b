// The table of rows per check, merged from one module per group of checks; a check in two groups is an
// error, so every check's rows sit in one place (checks-table.test.ts asserts every check has rows).

import type { Row } from './checks-fixtures.js';
import { CLAIM_ROWS } from './checks-table-claims.js';
import { REQUEST_ROWS } from './checks-table-request.js';
import { RESPONSE_ROWS } from './checks-table-response.js';

function merge(...groups: Array<Record<string, Row[]>>): Record<string, Row[]> {
  const table: Record<string, Row[]> = {};
  for (const group of groups) {
    for (const [name, rows] of Object.entries(group)) {
      if (name in table) throw new Error(`check ${name} has rows in two table modules`);
      table[name] = rows;
    }
  }
  return table;
}

export const TABLE: Record<string, Row[]> = merge(RESPONSE_ROWS, REQUEST_ROWS, CLAIM_ROWS);
