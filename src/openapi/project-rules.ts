// The project's own rules for a spec, beyond OpenAPI validity. Each returns located problems.

import type { OpenAPIV3_1 } from 'openapi-types';
import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';
import { listOperations, type OperationEntry } from './operations.js';
import { provenanceOf } from './provenance.js';

type Rule = (doc: OpenAPIV3_1.Document, ops: OperationEntry[]) => Array<{ pointer: string; message: string }>;

const X_SOURCES = ['seed', 'vendor-reference'];

export const PROJECT_RULES: Record<string, Rule> = {
  'api-id': (doc) =>
    typeof (doc.info as unknown as Record<string, unknown>)?.['x-api-id'] === 'string'
      ? []
      : [
          {
            pointer: '/info',
            message: 'info.x-api-id is missing: name the API (davinci, authorize, versori, sailpoint)',
          },
        ],

  'operation-id-unique': (_doc, ops) => {
    const seen = new Map<string, string>();
    const found: Array<{ pointer: string; message: string }> = [];
    for (const op of ops) {
      if (!op.operationId) {
        found.push({ pointer: op.pointer, message: `${op.method.toUpperCase()} ${op.path} has no operationId` });
      } else if (seen.has(op.operationId)) {
        found.push({
          pointer: `${op.pointer}/operationId`,
          message: `operationId "${op.operationId}" is also used at ${seen.get(op.operationId)}`,
        });
      } else seen.set(op.operationId, op.pointer);
    }
    return found;
  },

  'path-params-declared': (_doc, ops) =>
    ops.flatMap((op) => {
      const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      const declared = op.parameters.filter((p) => p.parameter?.in === 'path').map((p) => p.parameter.name);
      return [
        ...inTemplate
          .filter((n) => !declared.includes(n))
          .map((n) => ({ pointer: op.pointer, message: `path parameter {${n}} of ${op.path} is not declared` })),
        ...declared
          .filter((n) => !inTemplate.includes(n))
          .map((n) => ({
            pointer: op.pointer,
            message: `path parameter "${n}" is declared but ${op.path} has no {${n}}`,
          })),
      ];
    }),

  'operation-security': (doc, ops) =>
    ops
      .filter((op) => {
        const security = op.operation.security ?? doc.security ?? [];
        return security.length === 0 || security.some((req) => Object.keys(req).length === 0);
      })
      .map((op) => ({
        pointer: op.pointer,
        message: `${op.operationId ?? op.path} has no security requirement (or allows anonymous access)`,
      })),

  'operation-4xx': (_doc, ops) =>
    ops
      .filter((op) => !Object.keys(op.operation.responses ?? {}).some((code) => /^4(\d\d|XX)$/.test(code)))
      .map((op) => ({
        pointer: `${op.pointer}/responses`,
        message: `${op.operationId ?? op.path} documents no 4xx response`,
      })),

  'operation-source': (_doc, ops) =>
    ops.flatMap((op) => {
      const ext = op.operation as unknown as Record<string, unknown>;
      const source = ext['x-source'];
      if (typeof source !== 'string' || !X_SOURCES.includes(source)) {
        return [
          {
            pointer: op.pointer,
            message: `${op.operationId ?? op.path}: x-source must be one of ${X_SOURCES.join(', ')}`,
          },
        ];
      }
      if (source === 'seed' && !/^\d{3}$/.test(String(ext['x-seed'] ?? ''))) {
        return [
          {
            pointer: op.pointer,
            message: `${op.operationId ?? op.path}: x-source seed needs x-seed, the seed file number (e.g. "000")`,
          },
        ];
      }
      return [];
    }),

  // Every constraint the suite enforces names its document (provenance.ts).
  provenance: (doc) => provenanceOf(doc).problems,
};

export function checkProjectRules(source: YamlSource): SpecProblem[] {
  const doc = source.value as OpenAPIV3_1.Document;
  const ops = listOperations(doc);
  return Object.entries(PROJECT_RULES).flatMap(([rule, fn]) =>
    fn(doc, ops).map((f) => ({ ...source.locate(f.pointer), message: f.message, rule, severity: 'error' as const })),
  );
}
