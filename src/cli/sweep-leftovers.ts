// Deletes what a run created and did not delete, from its journal: after an interruption, or when the
// run's own cleanup could not finish. Only the run's own resources are touched: those the journal
// names, and, for a create whose answer never came, the list item carrying the run's unique name.

import { ADAPTERS } from '../cases/apis/index.js';
import type { CreatedEntry, IntentEntry } from '../cases/journal.js';
import type { Json } from '../cases/types.js';
import type { ApiTarget, RunConfig } from '../config/types.js';
import { resolveToken } from '../transport/auth.js';
import type { Exchange } from '../engine/types.js';
import { OperationBreaker } from '../transport/breaker.js';
import { HttpClient } from '../transport/http-client.js';
import { Redactor } from '../transport/redact.js';

export interface Leftover {
  api: string;
  label: string;
  /** The id, or the run's name when the id never came back. */
  what: string;
  path: string;
}

export interface SweepOutcome {
  deleted: Leftover[];
  left: Array<Leftover & { reason: string }>;
}

export async function sweepLeftovers(remaining: { created: CreatedEntry[]; unresolved: IntentEntry[] }, config: RunConfig): Promise<SweepOutcome> {
  const redactor = new Redactor();
  // The targets are swept side by side: a silent one costs its timeout once, not once per target in turn.
  const outcomes = await Promise.all(config.targets.map((target) => sweepTarget(target, remaining, config, redactor)));
  return { deleted: outcomes.flatMap((o) => o.deleted), left: outcomes.flatMap((o) => o.left) };
}

async function sweepTarget(target: ApiTarget, remaining: { created: CreatedEntry[]; unresolved: IntentEntry[] }, config: RunConfig, redactor: Redactor): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { deleted: [], left: [] };
  const created = remaining.created.filter((e) => e.api === target.api).reverse(); // newest first, as the run would
  const intents = remaining.unresolved.filter((e) => e.api === target.api);
  if (created.length + intents.length === 0) return outcome;
  let token: string;
  try {
    token = await resolveToken(target.auth, redactor, config.timeoutMs);
  } catch (err) {
    const reason = (err as Error).message;
    outcome.left.push(...created.map((e) => ({ api: e.api, label: e.label, what: e.id, path: e.path, reason })), ...intents.map((e) => ({ api: e.api, label: e.label, what: e.name, path: e.listPath, reason })));
    return outcome;
  }
  const client = new HttpClient({ baseUrl: target.baseUrl, token, timeoutMs: config.timeoutMs, concurrency: 1, maxResponseBytes: config.maxResponseBytes, redactor, useProxyEnv: target.live });
  // One timeout per kind of request, not one per leftover: a silent target costs seconds here too.
  const sweep: Sweep = { client, breaker: new OperationBreaker(), lists: new Map() };
  try {
    for (const e of created) await remove(sweep, { api: e.api, label: e.label, what: e.id, path: e.path }, outcome);
    for (const e of intents) await resolveIntent(sweep, target, e, outcome);
  } finally {
    await client.close();
  }
  return outcome;
}

/** One target's sweep: its client, a breaker per kind of request, and each list read once. */
interface Sweep {
  client: HttpClient;
  breaker: OperationBreaker;
  lists: Map<string, Promise<Exchange>>;
}

async function remove(sweep: Sweep, item: Leftover, outcome: SweepOutcome): Promise<void> {
  const plan = { method: 'DELETE', path: item.path, pathParams: {}, query: {}, headers: {}, auth: 'default' as const };
  const exchange = await sweep.client.send(plan, { breaker: { breaker: sweep.breaker, operationId: `delete ${item.api} ${item.label}` } });
  const status = exchange.response?.status;
  if (status !== undefined && (status < 300 || status === 404)) outcome.deleted.push(item);
  else outcome.left.push({ ...item, reason: exchange.error ?? `DELETE answered ${status}` });
}

/** A create whose answer never came: find the run's name in the list, and delete what carries it. */
async function resolveIntent(sweep: Sweep, target: ApiTarget, intent: IntentEntry, outcome: SweepOutcome): Promise<void> {
  const resource = ADAPTERS[target.api].resources.find((r) => r.label === intent.label);
  let listed = sweep.lists.get(intent.listPath);
  if (!listed) {
    const plan = { method: 'GET', path: intent.listPath, pathParams: {}, query: {}, headers: {}, auth: 'default' as const };
    sweep.lists.set(intent.listPath, (listed = sweep.client.send(plan, { breaker: { breaker: sweep.breaker, operationId: `list ${intent.listPath}` } })));
  }
  const list = await listed;
  if (!resource || list.response?.status !== 200) {
    outcome.left.push({ api: intent.api, label: intent.label, what: intent.name, path: intent.listPath, reason: `could not list ${intent.listPath}: ${list.error ?? list.response?.status}` });
    return;
  }
  // A clone (`of` its source) may carry a name derived from its source's: found by containing it, under another id.
  const matches = (i: Json) => (intent.of ? String(i['name'] ?? '').includes(intent.name) && resource.idOf(i) !== intent.of : i['name'] === intent.name);
  const item = resource.items(list.response.body).find(matches);
  const id = item ? resource.idOf(item) : undefined;
  if (!id) {
    // Either it was never created, or the list does not show it: say which name to look for.
    if (resource.listOmitsCreated) outcome.left.push({ api: intent.api, label: intent.label, what: intent.name, path: intent.listPath, reason: `may exist: ${resource.listOmitsCreated}; look for the name` });
    return;
  }
  await remove(sweep, { api: intent.api, label: intent.label, what: id, path: intent.deletePath.replace('{id}', encodeURIComponent(id)) }, outcome);
}
