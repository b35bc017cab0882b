// One finished case as it is recorded (src/model/recording's RecordedCase): its identity and outcome,
// and each exchange of its final attempt with every value through the run's Redactor (object keys too),
// a body over the cap cut to its start, its property set taken from the whole body first.

import {
  bodyShape,
  type FinishedCase,
  type MadeExchange,
  type RecordedCase,
  type RecordedExchange,
  type RecordedResponse,
  type RedactorLike,
} from '../model/recording.js';

export function recordedCase({ result, exchanges, redact }: FinishedCase, bodyCap: number): RecordedCase {
  return {
    id: result.id,
    api: result.api,
    operationId: result.operationId,
    kind: result.kind,
    case: result.case,
    outcome: result.status,
    exchanges: exchanges.map((e, i) => recordExchange(e, i + 1, redact, bodyCap)),
  };
}

function recordExchange(made: MadeExchange, n: number, redact: RedactorLike, cap: number): RecordedExchange {
  const { exchange } = made;
  const { request } = exchange;
  return {
    n,
    operationId: made.operationId,
    method: request.method.toUpperCase(),
    path: made.path,
    url: redact.url(request.url),
    request: {
      headers: redact.headers(lowerCased(request.headers)),
      ...(request.body !== undefined ? { body: redact.text(request.body) } : {}),
    },
    ...(exchange.response ? { response: recordResponse(exchange.response, redact, cap) } : {}),
    ...(exchange.error !== undefined ? { error: redact.text(exchange.error) } : {}),
    durationMs: Math.round(exchange.durationMs),
  };
}

function recordResponse(
  res: NonNullable<MadeExchange['exchange']['response']>,
  redact: RedactorLike,
  cap: number,
): RecordedResponse {
  const headers = redact.headers(lowerCased(res.headers));
  const contentType = headers['content-type'];
  const json = res.body !== undefined && typeof res.body !== 'string';
  const shape = json ? bodyShape(res.body) : { properties: [], emptyArrays: [] };
  const out: RecordedResponse = {
    status: res.status,
    ...(contentType !== undefined ? { contentType } : {}),
    headers,
    properties: shape.properties.map((p) => redact.text(p)),
    ...(shape.emptyArrays.length > 0 ? { emptyArrays: shape.emptyArrays.map((p) => redact.text(p)) } : {}),
  };
  if (res.body === undefined) return out;
  const body = json ? redact.json(keysRedacted(res.body, redact)) : redact.text(res.body as string);
  const size = json ? JSON.stringify(body).length : (body as string).length;
  if (size <= cap) return { ...out, body };
  // Cut from the redacted body (secret-named keys masked too), never from the text as it came.
  const text = json ? JSON.stringify(body) : (body as string);
  return { ...out, body: text.slice(0, cap), bodyTruncated: { chars: res.text.length } };
}

/** The value with every object key through the redactor too (Redactor.json masks values only). */
function keysRedacted(value: unknown, redact: RedactorLike): unknown {
  if (Array.isArray(value)) return value.map((v) => keysRedacted(v, redact));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact.text(k), keysRedacted(v, redact)]));
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
