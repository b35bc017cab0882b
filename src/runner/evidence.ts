// The parts of a CaseResult that describe what was sent and received, redacted.

import type { CaseDefinition } from '../cases/types.js';
import type { CaseResult, Exchange } from '../model/types.js';
import { curlLine } from '../transport/curl.js';
import type { Redactor } from '../transport/redact.js';

const BODY_EXCERPT = 2000;

export function header(def: CaseDefinition): Pick<CaseResult, 'id' | 'api' | 'operationId' | 'method' | 'path' | 'case' | 'kind'> {
  return { id: def.id, api: def.api, operationId: def.operationId, method: def.method, path: def.path, case: def.name, kind: def.kind };
}

/** The redacted request, an excerpt of the response, and the curl line that repeats it. */
export function evidence(exchange: Exchange, redactor: Redactor): Pick<CaseResult, 'request' | 'response' | 'reproduce' | 'reason'> {
  const res = exchange.response;
  return {
    request: exchange.request,
    ...(res ? { response: { status: res.status, headers: redactor.headers(res.headers), bodyExcerpt: excerpt(redactor.text(res.text)) } } : {}),
    reproduce: curlLine(exchange.request, exchange.plan),
    ...(exchange.error ? { reason: exchange.error } : {}),
  };
}

function excerpt(text: string): string {
  return text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}... (${text.length} characters)` : text;
}
