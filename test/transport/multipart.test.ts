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

  it('a field name with a quote, CR or LF: escaped as FormData escapes it, and read back as it was', async () => {
    const name = 'we"ird\r\nname';
    const ours = encodeMultipart({ [name]: 'x' }).body.toString();
    const form = new FormData();
    form.append(name, new Blob(['x']), `${name}.txt`);
    const theirs = await new Response(form).text();
    const disposition = (text: string) => text.split('\r\n').find((l) => l.startsWith('Content-Disposition'));
    expect(disposition(ours)).toBe(
      'Content-Disposition: form-data; name="we%22ird%0D%0Aname"; filename="we%22ird%0D%0Aname.txt"',
    );
    expect(disposition(ours)).toBe(disposition(theirs));
    expect([...(await parse(encodeMultipart({ [name]: 'x' }))).keys()]).toEqual([name]);
  });

  it('a fresh boundary per body, absent from the texts', () => {
    const one = encodeMultipart({ file: 'x' });
    const two = encodeMultipart({ file: 'x' });
    expect(one.contentType).not.toBe(two.contentType);
  });
});
