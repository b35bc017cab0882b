// The parts of a CaseResult that describe what was sent and received, redacted.

import type { CaseDefinition } from '../cases/types.js';
import type { CaseResult, Exchange, FlowResult, OperationResult } from '../model/types.js';
import { curlLine } from '../transport/curl.js';
import type { Redactor } from '../transport/redact.js';

const BODY_EXCERPT = 2000;

/** The identity of a single-request case's result. */
export function header(
  def: CaseDefinition,
): Pick<OperationResult, 'id' | 'api' | 'operationId' | 'method' | 'path' | 'case' | 'kind'> {
  const kind = def.kind === 'negative' || def.kind === 'auth' ? def.kind : 'positive';
  return {
    id: def.id,
    api: def.api,
    operationId: def.operationId,
    method: def.method,
    path: def.path,
    case: def.name,
    kind,
  };
}

/** The identity of a flow's result: what it does instead of a method and a path; its steps come as it runs. */
export function flowHeader(
  def: CaseDefinition,
): Pick<FlowResult, 'id' | 'api' | 'operationId' | 'case' | 'kind' | 'description' | 'steps'> {
  return {
    id: def.id,
    api: def.api,
    operationId: def.operationId,
    case: def.name,
    kind: 'flow',
    description: def.flow?.description ?? def.path,
    steps: [],
  };
}

/** A result that says why a case did not run (skipped) or could not finish (failed), for any case kind. */
export function unrun(def: CaseDefinition, status: 'skipped' | 'failed', reason: string, durationMs = 0): CaseResult {
  const base = { status, reason, checks: [], durationMs };
  return def.flow ? { ...flowHeader(def), ...base } : { ...header(def), ...base };
}

/** The redacted request, an excerpt of the response, and the curl line that repeats it. */
export function evidence(
  exchange: Exchange,
  redactor: Redactor,
): Pick<CaseResult, 'request' | 'response' | 'reproduce' | 'reason'> {
  const res = exchange.response;
  return {
    request: exchange.request,
    ...(res
      ? {
          response: {
            status: res.status,
            headers: redactor.headers(res.headers),
            bodyExcerpt: excerpt(redactor.text(res.text)),
          },
        }
      : {}),
    reproduce: curlLine(exchange.request, exchange.plan),
    ...(exchange.error ? { reason: exchange.error } : {}),
  };
}

function excerpt(text: string): string {
  return text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}... (${text.length} characters)` : text;
}
