// Hostile requests nested past the mock's JSON depth limit: bodies, JSON Patch values, patches that deepen
// by copying, and multipart JSON parts; each must be refused with 400.

import fc from 'fast-check';
import { expect } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/mock/limits.js';
import {
  AUTHORIZE,
  auth,
  DAVINCI,
  fuzzTarget,
  PATCH_TYPE,
  SAILPOINT,
  VERSORI_CREATE,
  type Shot,
} from './fuzz-target.js';
import { type RawReply } from './raw-http.js';

const nested = (depth: number, shape: string): string => {
  if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (shape === 'object') return '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return open + '0' + close;
};

export const deepNesting: fc.Arbitrary<Shot> = fc
  .record({
    depth: fc.oneof(
      fc.integer({ min: MAX_JSON_DEPTH + 1, max: 12_000 }),
      fc.constantFrom(MAX_JSON_DEPTH + 1, 4_500, 100_000),
    ),
    shape: fc.constantFrom('object', 'array', 'mixed'),
    where: fc.constantFrom(
      'davinci properties',
      'authorize body',
      'versori body',
      'sailpoint create',
      'patch replace value',
      'patch add value',
      'patch test value',
      'patch deepened by copy',
      'multipart JSON part',
    ),
  })
  .map(({ depth, shape, where }): Shot => {
    const x = nested(depth, shape);
    const item = `${SAILPOINT}/${fuzzTarget().scriptName}`;
    const refused = (reply: RawReply) => {
      expect(reply.status, `${where}: ${reply.body.slice(0, 200)}`).toBe(400);
      expect(reply.body).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    };
    const shot = (method: string, target: string, type: string, body: string): Shot => ({
      what: `${where}, ${shape} ${depth} deep`,
      method,
      target,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
      check: refused,
    });
    switch (where) {
      case 'davinci properties':
        return shot(
          'POST',
          DAVINCI,
          'application/json',
          `{"name":"n","connector":{"id":"httpConnector"},"properties":${x}}`,
        );
      case 'authorize body':
        return shot('POST', AUTHORIZE, 'application/json', `{"name":"n","paths":${x}}`);
      case 'versori body':
        return shot(
          'POST',
          VERSORI_CREATE,
          'application/json',
          `{"name":"n","baseUrl":"https://x.example.com","tags":${x}}`,
        );
      case 'sailpoint create':
        return shot('POST', SAILPOINT, 'application/json', `{"name":"n","connectorMetadata":${x}}`);
      case 'patch replace value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"replace","path":"/connectorMetadata","value":${x}}]`);
      case 'patch add value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"add","path":"/connectorMetadata/x","value":${x}}]`);
      case 'patch test value':
        return shot('PATCH', item, PATCH_TYPE, `[{"op":"test","path":"/connectorMetadata","value":${x}}]`);
      case 'patch deepened by copy': {
        // Every part of the body is shallow; the copy nests the value under itself.
        // The resource holds it at /connectorMetadata/d: 3 + (levels - 1) + levels > 64 for levels ≥ 33.
        const levels = 33 + (depth % 30);
        return shot(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([
            { op: 'add', path: '/connectorMetadata/d', value: JSON.parse(nested(levels, 'object')) },
            { op: 'copy', from: '/connectorMetadata/d', path: `/connectorMetadata/d${'/a'.repeat(levels - 1)}/a` },
          ]),
        );
      }
      default: {
        const boundary = 'fuzzdeep';
        const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.json"\r\nContent-Type: application/json\r\n\r\n${x}\r\n--${boundary}--\r\n`;
        return shot('PUT', `${item}/source-config`, `multipart/form-data; boundary=${boundary}`, body);
      }
    }
  });
