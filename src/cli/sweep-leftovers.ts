// Deletes what a run created and did not delete, from its journal: after an interruption, or when the
// run's own cleanup could not finish. Only the run's own resources are touched: those the journal
// names, and, for a create whose answer never came, the list item carrying the run's unique name.

import { apiDefinition } from '../apis/index.js';
import type { CreatedEntry, IntentEntry } from '../cases/journal.js';
import type { Json } from '../cases/types.js';
import type { ApiTarget, RunConfig } from '../config/types.js';
import { resolveToken } from '../transport/auth.js';
import type { Exchange } from '../model/types.js';
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

export async function sweepLeftovers(
  remaining: { created: CreatedEntry[]; unresolved: IntentEntry[] },
  config: RunConfig,
): Promise<SweepOutcome> {
  const redactor = new Redactor();
  // The targets are swept side by side: a silent one costs its timeout once, not once per target in turn.
  const outcomes = await Promise.all(config.targets.map((target) => sweepTarget(target, remaining, config, redactor)));
  return { deleted: outcomes.flatMap((o) => o.deleted), left: outcomes.flatMap((o) => o.left) };
}

async function sweepTarget(
  target: ApiTarget,
  remaining: { created: CreatedEntry[]; unresolved: IntentEntry[] },
  config: RunConfig,
  redactor: Redactor,
): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { deleted: [], left: [] };
  const created = remaining.created.filter((e) => e.api === target.api).reverse(); // newest first, as the run would
  const intents = remaining.unresolved.filter((e) => e.api === target.api);
  if (created.length + intents.length === 0) return outcome;
  let token: string;
  try {
    token = await resolveToken(target.auth, redactor, config.timeoutMs);
  } catch (err) {
    const reason = (err as Error).message;
    outcome.left.push(
      ...created.map((e) => ({ api: e.api, label: e.label, what: e.id, path: e.path, reason })),
      ...intents.map((e) => ({ api: e.api, label: e.label, what: e.name, path: e.listPath, reason })),
    );
    return outcome;
  }
  const client = new HttpClient({
    baseUrl: target.baseUrl,
    token,
    timeoutMs: config.timeoutMs,
    concurrency: 1,
    maxResponseBytes: config.maxResponseBytes,
    redactor,
    useProxyEnv: target.live,
  });
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
  const exchange = await sweep.client.send(plan, {
    breaker: { breaker: sweep.breaker, operationId: `delete ${item.api} ${item.label}` },
  });
  const status = exchange.response?.status;
  if (status !== undefined && (status < 300 || status === 404)) outcome.deleted.push(item);
  else outcome.left.push({ ...item, reason: exchange.error ?? `DELETE answered ${status}` });
}

/** A create whose answer never came: find the run's name in the list, and delete what carries it. */
async function resolveIntent(
  sweep: Sweep,
  target: ApiTarget,
  intent: IntentEntry,
  outcome: SweepOutcome,
): Promise<void> {
  const resource = apiDefinition(target.api).adapter.resources.find((r) => r.label === intent.label);
  let listed = sweep.lists.get(intent.listPath);
  if (!listed) {
    const plan = {
      method: 'GET',
      path: intent.listPath,
      pathParams: {},
      query: {},
      headers: {},
      auth: 'default' as const,
    };
    sweep.lists.set(
      intent.listPath,
      (listed = sweep.client.send(plan, {
        breaker: { breaker: sweep.breaker, operationId: `list ${intent.listPath}` },
      })),
    );
  }
  const list = await listed;
  if (!resource || list.response?.status !== 200) {
    outcome.left.push({
      api: intent.api,
      label: intent.label,
      what: intent.name,
      path: intent.listPath,
      reason: `could not list ${intent.listPath}: ${list.error ?? list.response?.status}`,
    });
    return;
  }
  // A clone (`of` its source) may carry a name derived from its source's: found by containing it as a
  // whole name (`cfm-r-3` is not in `cfm-r-31`), under another id.
  const named = intent.of ? containsName(intent.name) : undefined;
  const matches = (i: Json) =>
    named ? named.test(String(i['name'] ?? '')) && resource.idOf(i) !== intent.of : i['name'] === intent.name;
  const items = resource.items(list.response.body);
  const item = items.find(matches);
  const id = item ? resource.idOf(item) : undefined;
  if (!id) {
    // Either it was never created, or the list does not show it: say which name to look for.
    const left = (why: string) =>
      outcome.left.push({
        api: intent.api,
        label: intent.label,
        what: intent.name,
        path: intent.listPath,
        reason: `may exist: ${why}; look for the name ${intent.name}`,
      });
    // A name holding the clone's only inside a longer one is another resource, or a clone named in a way
    // not foreseen: neither deleted nor forgotten.
    const longer = intent.of
      ? items
          .filter((i) => String(i['name'] ?? '').includes(intent.name) && resource.idOf(i) !== intent.of)
          .map((i) => JSON.stringify(String(i['name']).slice(0, 100)))
      : [];
    if (longer.length > 0)
      left(
        `the list holds it only within a longer name (${longer.slice(0, 3).join(', ')}${longer.length > 3 ? ', …' : ''}), which may be another resource`,
      );
    else if (resource.listOmitsCreated) left(resource.listOmitsCreated);
    // Only the first page is read: a name not on it may be on a later one.
    else if (resource.listIsComplete?.(list.response.body) === false) left('the list has more pages');
    return;
  }
  await remove(
    sweep,
    { api: intent.api, label: intent.label, what: id, path: intent.deletePath.replace('{id}', encodeURIComponent(id)) },
    outcome,
  );
}

/** Matches a text holding `name` as a whole name: not inside a longer one (`cfm-r-3` in `Copy of cfm-r-3`, not in `cfm-r-31`). */
export function containsName(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`);
}
