// The live state one API's cases share during a run: ids read from lists, disposable resources the
// run created (each recorded as it is created and deleted at the end), and the HTTP client.

import type { ApiTarget } from '../config/types.js';
import type { Exchange, RequestPlan } from '../model/types.js';
import type { LoadedSpec } from '../openapi/load-spec.js';
import { listOperations, type OperationEntry } from '../openapi/operations.js';
import { OperationBreaker } from '../transport/breaker.js';
import { failureOf, type HttpClient } from '../transport/http-client.js';
import type { Journal } from './journal.js';
import type { ApiAdapter, Json, ResourceAdapter } from './types.js';

export interface CreatedResource {
  resource: ResourceAdapter;
  params: Record<string, string>;
  id: string;
  deleted: boolean;
  /** The run's name for it, when the create carried one (a clone: its source's). */
  name?: string;
  /** For a clone: the id of its source. */
  of?: string;
}

export interface LeftBehind {
  label: string;
  id: string;
  path: string;
  reason: string;
}

export class CaseRuntime {
  readonly created: CreatedResource[] = [];
  private readonly shared = new Map<string, Promise<string | undefined>>();
  /** Per resource: the network error or timeout that left its list read (or its fixture's create) unanswered. */
  private readonly unanswered = new Map<string, string>();
  private readonly ops: Map<string, OperationEntry>;
  private counter = 0;
  /** Operations that stopped answering: their later requests fail at once (src/transport/breaker.ts). */
  readonly breaker = new OperationBreaker();

  constructor(
    readonly spec: LoadedSpec,
    readonly adapter: ApiAdapter,
    readonly target: ApiTarget,
    readonly client: HttpClient,
    readonly options: { runId: string; allowWrites: boolean; journal?: Journal },
  ) {
    this.ops = new Map(listOperations(spec.doc).map((o) => [o.operationId ?? '', o]));
  }

  operation(id: string): OperationEntry {
    const op = this.ops.get(id);
    if (!op) throw new Error(`${this.spec.apiId}: the spec has no operation ${id}`);
    return op;
  }

  /** A fresh name marking what this run creates: `cfm-<runId>-<n>`. */
  uniqueName(): string {
    return `cfm-${this.options.runId}-${++this.counter}`;
  }

  /** Path parameters every operation of this API takes from configuration. */
  get baseParams(): Record<string, string> {
    return this.target.params;
  }

  /**
   * Sends a plan; records resources it creates and deletes. Once a request of an operation has timed
   * out, the operation's later plans fail at once, unsent, naming the first timeout.
   */
  async send(operationId: string, plan: RequestPlan): Promise<Exchange> {
    if (!this.breaker.blocked(operationId)) this.journalIntent(operationId, plan);
    const exchange = await this.exchange(operationId, plan);
    this.track(operationId, plan, exchange);
    return exchange;
  }

  /**
   * Sends through the operation's breaker, which the client asks when the request's turn comes (a
   * request queued behind the one that timed out is not sent either). `probe` sends even when it is
   * open, to see whether the operation answers again (cleanup).
   */
  private exchange(operationId: string, plan: RequestPlan, probe = false): Promise<Exchange> {
    return this.client.send(plan, { breaker: { breaker: this.breaker, operationId, probe } });
  }

  /** An id to read: the first item the list returns, or (writes allowed) one the run creates. */
  async existingId(resource: ResourceAdapter, params: Record<string, string>): Promise<string | undefined> {
    return this.memo(`read:${resource.param}`, async () => {
      const list = await this.exchange(resource.listOperation, this.plan(resource.listOperation, params));
      if (this.noteUnanswered(resource, list)) return undefined; // creating one would not be answered either
      const first = list.response?.status === 200 ? resource.items(list.response.body)[0] : undefined;
      const id = first ? resource.idOf(first) : undefined;
      if (id) return id;
      return this.options.allowWrites ? this.createFixture(resource, params) : undefined;
    });
  }

  /** A resource this run created, shared by the write cases that change it. */
  sharedFixture(resource: ResourceAdapter, params: Record<string, string>): Promise<string | undefined> {
    return this.memo(`fixture:${resource.param}`, () => this.createFixture(resource, params));
  }

  /** A new resource this run creates, for one case (a delete). */
  async createFixture(resource: ResourceAdapter, params: Record<string, string>): Promise<string | undefined> {
    const plan = this.plan(resource.createOperation, params, {
      mediaType: 'application/json',
      value: resource.createBody(this.uniqueName(), this.target),
    });
    const exchange = await this.send(resource.createOperation, plan);
    this.noteUnanswered(resource, exchange);
    const body = exchange.response?.body as Json | undefined;
    return exchange.response && exchange.response.status < 300 && body ? resource.idOf(body) : undefined;
  }

  /**
   * Why no id of this resource could be had because the target did not answer: the list read's (or the
   * fixture create's) network error or timeout, e.g. `network error ECONNREFUSED: ...`; undefined when
   * it answered (an empty list, a refused create).
   */
  unreachable(resource: ResourceAdapter): string | undefined {
    return this.unanswered.get(resource.param);
  }

  /** Records an exchange that got no answer (a network error, a timeout, an open breaker; not an oversized body). */
  private noteUnanswered(resource: ResourceAdapter, exchange: Exchange): boolean {
    const kind = failureOf(exchange);
    if (exchange.response || kind === undefined || kind === 'too-large') return false;
    if (!this.unanswered.has(resource.param)) this.unanswered.set(resource.param, exchange.error ?? 'no response');
    return true;
  }

  /** The resource as a GET returns it (for full-replace PUTs). */
  async current(resource: ResourceAdapter, params: Record<string, string>): Promise<Json | undefined> {
    const exchange = await this.exchange(resource.getOperation, this.plan(resource.getOperation, params));
    return exchange.response?.status === 200 ? (exchange.response.body as Json) : undefined;
  }

  /**
   * Deletes, newest first, every resource the run created and has not deleted; returns what remains.
   * A delete operation whose breaker is open gets one request (it may answer again); if that one times
   * out too, its other deletes fail at once and are left to the journal sweep.
   */
  async cleanup(): Promise<LeftBehind[]> {
    const left: LeftBehind[] = [];
    const probed = new Set<string>();
    for (const item of [...this.created].reverse()) {
      if (item.deleted) continue;
      const params = { ...item.params, [item.resource.param]: item.id };
      const op = item.resource.deleteOperation;
      const plan = this.plan(op, params);
      // One probe per operation whose breaker is open, unless the whole target is silent (the sweep retries).
      const probe = this.breaker.blocked(op) !== undefined && !probed.has(op) && !this.breaker.silent();
      if (probe) probed.add(op);
      const exchange = await this.exchange(op, plan, probe);
      const status = exchange.response?.status;
      if (status !== undefined && (status < 300 || status === 404)) {
        item.deleted = true;
        this.journal('deleted', item);
      } else
        left.push({
          label: item.resource.label,
          id: item.id,
          path: plan.path,
          reason: exchange.error ?? `DELETE answered ${status}`,
        });
    }
    return left;
  }

  /** A plan for an operation with no body, or the given one. */
  plan(
    operationId: string,
    params: Record<string, string>,
    body?: RequestPlan['body'],
    query: Record<string, string> = {},
  ): RequestPlan {
    const op = this.operation(operationId);
    const { literals, names } = pathTemplate(op.path);
    const used: Record<string, string> = {};
    let path = literals[0]!;
    names.forEach((name, i) => {
      const value = (Object.hasOwn(params, name) ? params[name] : this.baseParams[name]) ?? '';
      used[name] = value;
      path += encodeURIComponent(value) + literals[i + 1]!;
    });
    return {
      method: op.method.toUpperCase(),
      path,
      pathParams: used,
      query,
      headers: {},
      auth: 'default',
      ...(body ? { body } : {}),
    };
  }

  private track(operationId: string, plan: RequestPlan, exchange: Exchange): void {
    const status = exchange.response?.status ?? 0;
    // A create answered without creating anything, never sent (its operation's breaker was open), or whose
    // connection was never made (refused, no such host): nothing can have been created.
    const unsent = failureOf(exchange);
    if ((exchange.response && (status < 200 || status >= 300)) || unsent === 'skipped' || unsent === 'unconnected')
      this.journalDeclined(operationId, plan);
    if (status < 200 || status >= 300) return;
    for (const resource of this.adapter.resources) {
      if (resource.createdBy.includes(operationId)) {
        const id = resource.idOf((exchange.response?.body ?? {}) as Json);
        if (id) {
          const { name, of } = this.nameOf(resource, plan);
          const item: CreatedResource = {
            resource,
            params: { ...plan.pathParams },
            id,
            deleted: false,
            ...(name ? { name } : {}),
            ...(of ? { of } : {}),
          };
          this.created.push(item);
          this.journal('created', item);
        }
      }
      if (resource.deleteOperation === operationId) {
        const id = plan.pathParams[resource.param];
        for (const c of this.created) {
          if (c.resource === resource && c.id === id && !c.deleted) {
            c.deleted = true;
            this.journal('deleted', c);
          }
        }
      }
    }
  }

  /**
   * How the journal names what a create makes: the body's run name, or for a clone (no name of its own)
   * its source's run name and id, so a clone whose answer never came is found by that name.
   */
  private nameOf(resource: ResourceAdapter, plan: RequestPlan): { name?: string; of?: string } {
    const own = this.runName(plan);
    if (own) return { name: own };
    const of = plan.pathParams[resource.param];
    const source = of ? this.created.find((c) => c.resource === resource && c.id === of) : undefined;
    return source?.name ? { name: source.name, of } : {};
  }

  /** The body's name when it is one this run gave (`cfm-<runId>-<n>`), as `uniqueName` makes them. */
  private runName(plan: RequestPlan): string | undefined {
    const name = (plan.body?.value as Json | undefined)?.['name'];
    return typeof name === 'string' && name.startsWith(`cfm-${this.options.runId}-`) ? name : undefined;
  }

  private journal(event: 'created' | 'deleted', item: CreatedResource): void {
    const path = this.plan(item.resource.deleteOperation, { ...item.params, [item.resource.param]: item.id }).path;
    this.options.journal?.record({
      event,
      api: this.target.api,
      label: item.resource.label,
      id: item.id,
      path,
      ...(item.name ? { name: item.name } : {}),
      ...(item.of ? { of: item.of } : {}),
    });
  }

  /**
   * A create answered without creating anything settles its intent (no answer at all does not), named
   * as its intent was (a clone: by its source's name and id).
   */
  private journalDeclined(operationId: string, plan: RequestPlan): void {
    if (!this.options.journal) return;
    for (const resource of this.adapter.resources) {
      if (!resource.createdBy.includes(operationId)) continue;
      const { name, of } = this.nameOf(resource, plan);
      if (name) this.options.journal.record({ event: 'declined', api: this.target.api, name, ...(of ? { of } : {}) });
    }
  }

  /** Before a create is sent: its unique name, and where to find and delete it if the answer never arrives. */
  private journalIntent(operationId: string, plan: RequestPlan): void {
    if (!this.options.journal) return;
    for (const resource of this.adapter.resources) {
      if (!resource.createdBy.includes(operationId)) continue;
      const { name, of } = this.nameOf(resource, plan);
      if (!name) continue;
      const listPath = this.plan(resource.listOperation, plan.pathParams).path;
      const deletePath = this.plan(resource.deleteOperation, {
        ...plan.pathParams,
        [resource.param]: '\u0000',
      }).path.replace('%00', '{id}');
      this.options.journal.record({
        event: 'creating',
        api: this.target.api,
        label: resource.label,
        name,
        listPath,
        deletePath,
        ...(of ? { of } : {}),
      });
    }
  }

  private memo(key: string, make: () => Promise<string | undefined>): Promise<string | undefined> {
    let found = this.shared.get(key);
    if (!found) this.shared.set(key, (found = make()));
    return found;
  }
}

/** A path template split once: the literal parts around its `{name}` parameters. */
const templates = new Map<string, { literals: string[]; names: string[] }>();
function pathTemplate(path: string): { literals: string[]; names: string[] } {
  let template = templates.get(path);
  if (!template) {
    const pieces = path.split(/\{([^}]+)\}/);
    template = { literals: pieces.filter((_, i) => i % 2 === 0), names: pieces.filter((_, i) => i % 2 === 1) };
    templates.set(path, template);
  }
  return template;
}
