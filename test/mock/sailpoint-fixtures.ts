// What the SailPoint mock tests share: the paths, the seeded connectors, the configuration files, and
// helpers to create, read, patch and upload, and to check an ErrorResponseDto.

import { expect } from 'vitest';
import type { Reply } from '../helpers/mock-client.js';
import { call } from './mock-per-file.js';

export const BASE = '/sailpoint/v2024';
export const CONNECTORS = `${BASE}/connectors`;
export const PATCH_TYPE = 'application/json-patch+json';
export const HEX32 = /^[0-9a-f]{32}$/;
export const LOCALES = [
  'de',
  'no',
  'fi',
  'sv',
  'ru',
  'pt',
  'ko',
  'zh-TW',
  'en',
  'it',
  'fr',
  'zh-CN',
  'hu',
  'es',
  'cs',
  'ja',
  'pl',
  'da',
  'nl',
];
/** The RELEASED connectors the mock starts with (the seed also holds one DEVELOPMENT connector). */
export const SEEDED_RELEASED = ['custom connector', 'Active Directory', 'Workday', 'ServiceNow', 'Delimited File'];
export const SEEDED_DEVELOPMENT = 'Custom SaaS (in development)';
/** Each configuration file operation pair and the ConnectorDetail field that holds the same document. */
export const FILES = [
  { kind: 'source-config', field: 'sourceConfigXml' },
  { kind: 'source-template', field: 'applicationXml' },
  { kind: 'correlation-config', field: 'correlationConfigXml' },
] as const;

export const item = (scriptName: string, sub = '') => `${CONNECTORS}/${encodeURIComponent(scriptName)}${sub}`;
export const list = (query: Record<string, string> = {}) => call('GET', `${CONNECTORS}?${new URLSearchParams(query)}`);
export const names = (res: Reply): string[] => (res.body as Array<{ name: string }>).map((c) => c.name);
export const sorted = (xs: string[]) => [...xs].sort();
export const patch = (scriptName: string, body: unknown, contentType = PATCH_TYPE) =>
  call('PATCH', item(scriptName), { body, contentType });

let counter = 0;
/** Creates a connector (DEVELOPMENT unless the body says otherwise, so it stays out of the list) and returns the 200 body. */
export async function create(body: Record<string, unknown> = {}): Promise<Reply['body']> {
  const res = await call('POST', CONNECTORS, {
    body: { name: `Test connector ${++counter}`, className: 'sailpoint.connector.OpenConnectorAdapter', ...body },
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export async function detail(scriptName: string): Promise<Reply['body']> {
  const res = await call('GET', item(scriptName));
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** A multipart body with a `file` part. */
export function upload(text: string, type = 'application/xml', fileName = 'file.xml', part = 'file'): FormData {
  const form = new FormData();
  form.append(part, new Blob([text], { type }), fileName);
  return form;
}

/** The ErrorResponseDto body: `{ detailCode, trackingId, messages: [{ locale, localeOrigin, text }], causes }`. */
export function expectErrorDto(res: Reply, status: number, mentions?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({
    detailCode: expect.stringMatching(new RegExp(`^${status}\\b`)),
    trackingId: expect.stringMatching(HEX32),
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: expect.stringMatching(/\S/) }],
  });
  if (mentions) expect(JSON.stringify([res.body.messages, res.body.causes])).toContain(mentions);
}
