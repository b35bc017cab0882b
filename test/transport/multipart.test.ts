// encodeMultipart: what it writes reads back, through undici's own multipart parser (Request.formData),
// as the FormData it replaces would: each field a file part named after it, its text byte for byte.

import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../src/transport/multipart.js';

async function parse(encoded: { contentType: string; body: Buffer }): Promise<FormData> {
  return new Request('http://parse.invalid/', {
    method: 'POST',
    headers: { 'content-type': encoded.contentType },
    body: encoded.body,
  }).formData();
}

describe('encodeMultipart', () => {
  it('one field: a file part `<field>.txt` holding the text', async () => {
    const encoded = encodeMultipart({ file: '<connector name="x"/>' });
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    expect(encoded.body.toString()).toContain('Content-Type: application/octet-stream\r\n');
    const form = await parse(encoded);
    expect([...form.keys()]).toEqual(['file']);
    const file = form.get('file') as File;
    expect(file.name).toBe('file.txt');
    expect(await file.text()).toBe('<connector name="x"/>');
  });

  it('several fields, in order; UTF-8, CRLF, quotes and empty text kept byte for byte', async () => {
    const fields = { a: 'één\r\nline two\n', b: '', c: '"quoted" --not-a-boundary\r\n--' };
    const form = await parse(encodeMultipart(fields));
    expect([...form.keys()]).toEqual(['a', 'b', 'c']);
    for (const [name, text] of Object.entries(fields)) expect(await (form.get(name) as File).text()).toBe(text);
  });

  it.each([
    ['a quote, a CRLF', 'we"ird\r\nname'],
    ['a lone LF', 'a\nb'],
    ['a lone CR', 'a\rb'],
    ['CR and LF apart, and a CRLF', '\r\n\n\r x'],
    ['non-ASCII', 'één ✓'],
  ])('a field name with %s: the same bytes as FormData writes, boundary aside', async (_what, name) => {
    const fields = { [name]: 'x\r\ny', second: '' };
    const ours = encodeMultipart(fields);
    const form = new FormData();
    for (const [field, text] of Object.entries(fields)) form.append(field, new Blob([text]), `${field}.txt`);
    const theirs = new Response(form);
    const body = (text: string, contentType: string) =>
      text.split(contentType.replace(/^.*boundary=/, '')).join('BOUNDARY');
    expect(body(ours.body.toString('latin1'), ours.contentType)).toBe(
      body(Buffer.from(await theirs.arrayBuffer()).toString('latin1'), theirs.headers.get('content-type')!),
    );
  });

  it('a fresh boundary per body, absent from the texts', () => {
    const one = encodeMultipart({ file: 'x' });
    const two = encodeMultipart({ file: 'x' });
    expect(one.contentType).not.toBe(two.contentType);
  });
});
