// Hostile requests carrying prototype-pollution keys (__proto__, constructor, prototype) in JSON bodies,
// JSON Patch paths and froms, query keys, path segments and filters.

import fc from 'fast-check';
import {
  AUTHORIZE,
  auth,
  DAVINCI,
  fuzzTarget,
  PATCH_TYPE,
  SAILPOINT,
  VERSORI,
  VERSORI_CREATE,
  type Shot,
} from './fuzz-target.js';

const POLLUTED = fc.constantFrom('polluted', 'isAdmin', 'toString', 'hasOwnProperty', 'valueOf');
export const prototypePollution: fc.Arbitrary<Shot> = fc
  .record({
    where: fc.constantFrom(
      'JSON body',
      'nested JSON body',
      'JSON Patch path',
      'JSON Patch from',
      'query key',
      'path segment',
      'filters field',
    ),
    carrier: fc.constantFrom('__proto__', 'constructor/prototype', 'constructor', 'prototype'),
    key: POLLUTED,
    op: fc.constantFrom('add', 'replace', 'copy', 'move', 'test', 'remove'),
    target: fc.constantFrom(DAVINCI, AUTHORIZE, VERSORI_CREATE, SAILPOINT),
  })
  .map(({ where, carrier, key, op, target }): Shot => {
    const what = `${where}: ${carrier} / ${key} (${op}) at ${target}`;
    const value = { [key]: 'yes' };
    // `{"__proto__": {...}}` as JSON text: JSON.stringify of an object literal would drop it.
    const wrap = (inner: string) =>
      carrier
        .split('/')
        .reverse()
        .reduce((acc, k) => `{"${k}":${acc}}`, inner);
    const base = '"name":"n","connector":{"id":"httpConnector"},"baseUrl":"https://x.example.com","className":"c"';
    const send = (method: string, path: string, type: string, body: string): Shot => ({
      what,
      method,
      target: path,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
    });
    const item = `${SAILPOINT}/${fuzzTarget().scriptName}`;
    switch (where) {
      case 'JSON body':
        return send('POST', target, 'application/json', `{${base},${wrap(JSON.stringify(value)).slice(1, -1)}}`);
      case 'nested JSON body':
        return send(
          'POST',
          target,
          'application/json',
          `{${base},"properties":${wrap(JSON.stringify(value))},"connectorMetadata":${wrap(JSON.stringify(value))}}`,
        );
      case 'JSON Patch path': {
        const path = `/connectorMetadata/${carrier}/${key}`;
        const o =
          op === 'copy' || op === 'move'
            ? { op, from: '/connectorMetadata', path }
            : op === 'remove'
              ? { op, path }
              : { op, path, value: 'yes' };
        return send(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([o, { op, path: `/${carrier}/${key}`, value: 'yes', from: '/name' }]),
        );
      }
      case 'JSON Patch from':
        return send(
          'PATCH',
          item,
          PATCH_TYPE,
          JSON.stringify([
            {
              op: op === 'move' ? 'move' : 'copy',
              from: `/connectorMetadata/${carrier}`,
              path: `/connectorMetadata/${key}`,
            },
          ]),
        );
      case 'query key': {
        const dotted = carrier.replace('/', '.');
        return {
          what,
          method: 'GET',
          target: `${target}?${dotted}[${key}]=yes&${dotted}.${key}=yes&${encodeURIComponent(carrier)}=${key}&__proto__=1&constructor[prototype][${key}]=yes`,
          headers: auth(),
          answered: true,
        };
      }
      case 'path segment': {
        const seg = carrier.split('/')[0]!;
        const paths = [
          `${SAILPOINT}/${seg}`,
          `${SAILPOINT}/${fuzzTarget().scriptName}/translations/${seg}`,
          `/versori/api/connect/v1/o/${seg}/connectors`,
          `${DAVINCI}/${seg}`,
          `${VERSORI}/${seg}`,
        ];
        const path = paths[key.length % paths.length]!;
        return op === 'add' || op === 'replace'
          ? {
              what,
              method: 'PUT',
              target: path,
              headers: [...auth(), ['Content-Type', 'multipart/form-data; boundary=b']],
              body: `--b\r\nContent-Disposition: form-data; name="file"\r\n\r\n${key}=yes\r\n--b--\r\n`,
              answered: true,
            }
          : { what, method: op === 'remove' ? 'DELETE' : 'GET', target: path, headers: auth(), answered: true };
      }
      default:
        return {
          what,
          method: 'GET',
          target: `${SAILPOINT}?filters=${encodeURIComponent(`${carrier.split('/')[0]} eq "${key}"`)}`,
          headers: auth(),
          answered: true,
        };
    }
  });
