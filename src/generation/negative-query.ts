// Negative candidates for the query: a required parameter left out, a value outside its enum or const,
// of the wrong type, past a limit, or not matching its pattern. Parameters marked `x-lenient` get none
// (the vendor documents a fallback), and array or object parameters none (one string per parameter).

import type { LoadedSpec } from '../openapi/load-spec.js';
import type { OperationEntry } from '../openapi/operations.js';
import {
  cutTo,
  describeTypes,
  listValues,
  numberBreakers,
  outsideOf,
  padTo,
  patternBreaker,
  plural,
} from './breaking-values.js';
import type { Candidate, Category } from './negative-candidate.js';
import { queryPath, type Operation, type RequestParts } from './request-patch.js';
import { SchemaModel } from './schema-model.js';

/** Longer strings than this are not built for a `maxLength` variant. */
export const MAX_BUILT_LENGTH = 100_000;

export function queryCandidates(spec: LoadedSpec, op: OperationEntry, valid: RequestParts): Candidate[] {
  const model = new SchemaModel(spec);
  const out: Candidate[] = [];
  for (const { parameter, pointer } of op.parameters) {
    if (parameter.in !== 'query' || !parameter.schema) continue;
    // `x-lenient`: the vendor documents that it tolerates values the schema forbids (a fallback).
    if ((parameter as unknown as Record<string, unknown>)['x-lenient'] === true) continue;
    const name = parameter.name;
    const present = Object.prototype.hasOwnProperty.call(valid.query, name);
    const v = model.valueView([`${pointer}/schema`], undefined);
    if (v.type?.some((t) => t === 'array' || t === 'object')) continue; // one string per parameter only
    const add = (category: Category, label: string, forbids: string, raw: string | undefined, keyword: string) => {
      const at = keyword === 'required' ? pointer : v.at[keyword];
      out.push({
        category,
        name: label,
        forbids,
        present,
        constraint: at ? { pointer: at, keyword } : undefined,
        patch: (parts) => withQuery(parts, name, raw),
      });
    };

    if (parameter.required && present)
      add('missing', `missing ${name}`, `The query parameter \`${name}\` is required.`, undefined, 'required');
    if (v.enum) {
      const outside = String(outsideOf(v.enum.map(String)));
      add(
        'enum',
        `${name} outside enum`,
        `The query parameter \`${name}\` must be one of ${listValues(v.enum)}.`,
        outside,
        'enum',
      );
    }
    if (v.const)
      add(
        'enum',
        `${name} outside const`,
        `The query parameter \`${name}\` must be ${JSON.stringify(v.const.value)}.`,
        String(outsideOf([String(v.const.value)])),
        'const',
      );
    if (v.type && !v.type.includes('string'))
      add(
        'type',
        `${name} not ${describeTypes(v.type)} (abc)`,
        `The query parameter \`${name}\` must be ${describeTypes(v.type)}.`,
        'abc',
        'type',
      );
    for (const b of numberBreakers(v, name))
      add('limits', b.name, `The query parameter ${b.forbids}`, String(b.value), b.keyword);
    if (v.type?.includes('string') || v.type === undefined) {
      const current = valid.query[name] ?? '';
      if (v.maxLength !== undefined && v.maxLength < MAX_BUILT_LENGTH) {
        add(
          'limits',
          `${name} above maxLength (${v.maxLength + 1})`,
          `The query parameter \`${name}\` must be at most ${plural(v.maxLength, 'character')} long.`,
          padTo(current, v.maxLength + 1) as string,
          'maxLength',
        );
      }
      if (v.minLength !== undefined && v.minLength > 0) {
        add(
          'limits',
          `${name} below minLength (${v.minLength - 1})`,
          `The query parameter \`${name}\` must be at least ${plural(v.minLength, 'character')} long.`,
          cutTo(current, v.minLength - 1) as string,
          'minLength',
        );
      }
      if (v.patterns[0] !== undefined) {
        const breaker = patternBreaker(v);
        if (breaker !== undefined)
          add(
            'limits',
            `${name} not matching pattern`,
            `The query parameter \`${name}\` must match the pattern \`${v.patterns[0]}\`.`,
            breaker,
            'pattern',
          );
      }
    }
  }
  return out;
}

/** The parameter set to `raw`, or left out when `raw` is undefined. */
function withQuery(parts: RequestParts, name: string, raw: string | undefined): Operation[] {
  const present = Object.prototype.hasOwnProperty.call(parts.query, name);
  if (raw === undefined) return present ? [{ op: 'remove', path: queryPath(name) }] : [];
  return [{ op: present ? 'replace' : 'add', path: queryPath(name), value: raw }];
}
