// Collects every example a spec gives (parameters, request bodies, responses) with the schema it illustrates.

import type { OpenAPIV3_1 } from 'openapi-types';
import { encodeSegment } from './json-pointer.js';
import { deref, listOperations } from './operations.js';

export interface SpecExample {
  /** `operationId request application/json seed000-update-request` and the like. */
  title: string;
  kind: 'parameter' | 'request' | 'response';
  operationId: string;
  /** Where the example's value lives (after following a $ref to components/examples). */
  valuePointer: string;
  /** The schema the example illustrates. */
  schemaPointer: string;
  value: unknown;
}

type MediaTypes = Record<string, OpenAPIV3_1.MediaTypeObject>;

export function collectExamples(doc: OpenAPIV3_1.Document): SpecExample[] {
  const out: SpecExample[] = [];
  for (const op of listOperations(doc)) {
    const id = op.operationId ?? op.pointer;
    for (const { parameter, pointer } of op.parameters) {
      fromHolder(
        doc,
        parameter,
        pointer,
        `${pointer}/schema`,
        (name) => ({ kind: 'parameter', title: `${id} parameter ${parameter.name} ${name}`, operationId: id }),
        out,
      );
    }
    if (op.operation.requestBody) {
      const body = deref<OpenAPIV3_1.RequestBodyObject>(doc, op.operation.requestBody, `${op.pointer}/requestBody`);
      fromContent(
        doc,
        body.value.content,
        `${body.pointer}/content`,
        (mt, name) => ({ kind: 'request', title: `${id} request ${mt} ${name}`, operationId: id }),
        out,
      );
    }
    for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
      const res = deref<OpenAPIV3_1.ResponseObject>(doc, response, `${op.pointer}/responses/${status}`);
      fromContent(
        doc,
        res.value.content,
        `${res.pointer}/content`,
        (mt, name) => ({ kind: 'response', title: `${id} response ${status} ${mt} ${name}`, operationId: id }),
        out,
      );
    }
  }
  return out;
}

type Label = Pick<SpecExample, 'kind' | 'title' | 'operationId'>;

function fromContent(
  doc: unknown,
  content: MediaTypes | undefined,
  pointer: string,
  label: (mt: string, name: string) => Label,
  out: SpecExample[],
): void {
  for (const [mediaType, media] of Object.entries(content ?? {})) {
    const at = `${pointer}/${encodeSegment(mediaType)}`;
    fromHolder(doc, media, at, `${at}/schema`, (name) => label(mediaType, name), out);
  }
}

/** A media type or parameter object: its `example` and its `examples` map. */
function fromHolder(
  doc: unknown,
  holder: { example?: unknown; examples?: Record<string, unknown>; schema?: unknown },
  pointer: string,
  schemaPointer: string,
  label: (name: string) => Label,
  out: SpecExample[],
): void {
  if (!holder?.schema) return;
  if (holder.example !== undefined) {
    out.push({ ...label('example'), valuePointer: `${pointer}/example`, schemaPointer, value: holder.example });
  }
  for (const [name, raw] of Object.entries(holder.examples ?? {})) {
    const ex = deref<OpenAPIV3_1.ExampleObject>(doc, raw, `${pointer}/examples/${encodeSegment(name)}`);
    if (ex.value?.value === undefined) continue; // externalValue examples are not inlined
    out.push({ ...label(name), valuePointer: `${ex.pointer}/value`, schemaPointer, value: ex.value.value });
  }
}
