// Deletes what a run created and did not delete (from its journal): after an interruption, or when the
// run's own cleanup could not finish. Only the journal's entries are touched: what the run created.

import type { JournalEntry } from '../cases/journal.js';
import type { RunConfig } from '../config/types.js';
import { resolveToken } from '../transport/auth.js';
import { HttpClient } from '../transport/http-client.js';
import { Redactor } from '../transport/redact.js';

export interface SweepOutcome {
  deleted: JournalEntry[];
  left: Array<JournalEntry & { reason: string }>;
}

export async function sweepLeftovers(entries: JournalEntry[], config: RunConfig): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { deleted: [], left: [] };
  const redactor = new Redactor();
  for (const target of config.targets) {
    const mine = entries.filter((e) => e.api === target.api).reverse(); // newest first, as the run would
    if (mine.length === 0) continue;
    let token: string;
    try {
      token = await resolveToken(target.auth, redactor, config.timeoutMs);
    } catch (err) {
      outcome.left.push(...mine.map((e) => ({ ...e, reason: (err as Error).message })));
      continue;
    }
    const client = new HttpClient({ baseUrl: target.baseUrl, token, timeoutMs: config.timeoutMs, concurrency: 1, redactor, useProxyEnv: target.live });
    try {
      for (const entry of mine) {
        const exchange = await client.send({ method: 'DELETE', path: entry.path, pathParams: {}, query: {}, headers: {}, auth: 'default' });
        const status = exchange.response?.status;
        if (status !== undefined && (status < 300 || status === 404)) outcome.deleted.push(entry);
        else outcome.left.push({ ...entry, reason: exchange.error ?? `DELETE answered ${status}` });
      }
    } finally {
      await client.close();
    }
  }
  return outcome;
}
