// Black-box tests of the mock's SailPoint ISC v2024 connectors API (every response is also checked against
// the spec): the configuration files (source config, source template, correlation config) and the
// translations, read and replaced.

import { describe, expect, it } from 'vitest';
import { useMockClient, call } from './mock-per-file.js';
import { LOCALES, FILES, item, create, detail, upload, expectErrorDto } from './sailpoint-fixtures.js';

useMockClient();

describe.each(FILES)('GET and PUT /connectors/{scriptName}/$kind', ({ kind, field }) => {
  const xml = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>\n<Document kind="${kind}" version="${n}"/>`;

  it('GET answers the XML document as application/xml, the same as the detail field', async () => {
    const made = await create();
    const res = await call('GET', item(made.scriptName, `/${kind}`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toMatch(/^\s*</);
    expect(res.text).toBe((await detail(made.scriptName))[field]);
  });

  it('PUT of a multipart XML file answers UpdateDetail UPDATED, then UNCHANGED for the same file, and GET answers the new XML', async () => {
    const made = await create();
    const first = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(1)) });
    expect(first.status, first.text).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).toMatchObject({ status: 'UPDATED', scriptName: made.scriptName, updatedFiles: [`${kind}.xml`] });

    const got = await call('GET', item(made.scriptName, `/${kind}`));
    expect(got.text).toBe(xml(1));
    const d = await detail(made.scriptName);
    expect(d[field]).toBe(xml(1));
    expect(d.uploadedFiles).toContain(`${kind}.xml`);

    const again = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(1)) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'UNCHANGED', scriptName: made.scriptName, updatedFiles: [] });

    const changed = await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(2)) });
    expect(changed.body.status).toBe('UPDATED');
    expect((await call('GET', item(made.scriptName, `/${kind}`))).text).toBe(xml(2));
  });

  it('changes only its own file', async () => {
    const made = await create();
    const before = await detail(made.scriptName);
    await call('PUT', item(made.scriptName, `/${kind}`), { body: upload(xml(3)) });
    const after = await detail(made.scriptName);
    for (const other of FILES.filter((f) => f.field !== field)) expect(after[other.field]).toBe(before[other.field]);
  });

  it.each([
    ['no file part', () => upload(xml(1), 'application/xml', 'file.xml', 'document'), 'file'],
    ['an empty multipart body', () => new FormData(), 'file'],
    ['a file that is not XML', () => upload('just some text', 'text/plain', 'notes.txt'), 'file'],
    ['an empty file', () => upload('', 'application/xml'), 'file'],
  ])('PUT answers 400 to %s and keeps the document', async (_why, body, mentions) => {
    const made = await create();
    const before = (await call('GET', item(made.scriptName, `/${kind}`))).text;
    expectErrorDto(await call('PUT', item(made.scriptName, `/${kind}`), { body: body() }), 400, mentions);
    expect((await call('GET', item(made.scriptName, `/${kind}`))).text).toBe(before);
  });

  it('PUT answers 400 to a raw XML body (not multipart)', async () => {
    const made = await create();
    expectErrorDto(
      await call('PUT', item(made.scriptName, `/${kind}`), { body: xml(1), contentType: 'application/xml' }),
      400,
      'multipart/form-data',
    );
  });

  it('GET and PUT answer 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('GET', item('no-such-connector', `/${kind}`)), 404);
    expectErrorDto(await call('PUT', item('no-such-connector', `/${kind}`), { body: upload(xml(1)) }), 404);
  });
});

describe('GET and PUT /connectors/{scriptName}/translations/{locale}', () => {
  const translations = (scriptName: string, locale: string) => item(scriptName, `/translations/${locale}`);

  it('GET answers a properties text as text/plain', async () => {
    const made = await create();
    const res = await call('GET', translations(made.scriptName, 'en'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const line of res.text.split('\n').filter((l) => l.trim() !== '')) expect(line).toMatch(/^[^=]+=/);
  });

  it('PUT of a multipart file answers UPDATED then UNCHANGED; GET and the detail reflect it', async () => {
    const made = await create();
    const text = 'menuLabel_ConnectionSettings=Verbindungseinstellungen\nfield_url_displayName=Basis-URL\n';
    const first = await call('PUT', translations(made.scriptName, 'de'), {
      body: upload(text, 'text/plain', 'de.properties'),
    });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: 'UPDATED', scriptName: made.scriptName });
    expect(first.body.updatedFiles).toHaveLength(1);

    const got = await call('GET', translations(made.scriptName, 'de'));
    expect(got.headers['content-type']).toMatch(/^text\/plain/);
    expect(got.text).toBe(text);
    expect((await detail(made.scriptName)).translationProperties['de']).toEqual({
      menuLabel_ConnectionSettings: 'Verbindungseinstellungen',
      field_url_displayName: 'Basis-URL',
    });

    const again = await call('PUT', translations(made.scriptName, 'de'), {
      body: upload(text, 'text/plain', 'de.properties'),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'UNCHANGED', updatedFiles: [] });
  });

  it('keeps each locale apart', async () => {
    const made = await create();
    for (const locale of LOCALES) {
      const res = await call('PUT', translations(made.scriptName, locale), {
        body: upload(`greeting=${locale}\n`, 'text/plain', `${locale}.properties`),
      });
      expect(res.status, `${locale}: ${res.text}`).toBe(200);
    }
    for (const locale of LOCALES)
      expect((await call('GET', translations(made.scriptName, locale))).text).toBe(`greeting=${locale}\n`);
  });

  // Seed 004, for this path parameter too: "If no viable locale is given, it will default to en".
  it.each(['xx', 'EN', 'en-US', 'de-DE', 'zh'])(
    'GET answers the locale %s as for en; PUT does not refuse it',
    async (locale) => {
      const made = await create();
      const en = await call('GET', translations(made.scriptName, 'en'));
      const res = await call('GET', translations(made.scriptName, locale));
      expect(res.status, res.text).toBe(200);
      expect(res.text).toBe(en.text);
      const put = await call('PUT', translations(made.scriptName, locale), { body: upload('a=b', 'text/plain') });
      expect(put.status, put.text).toBe(200);
    },
  );

  it('PUT answers 400 without a file part', async () => {
    const made = await create();
    expectErrorDto(
      await call('PUT', translations(made.scriptName, 'fr'), {
        body: upload('a=b', 'text/plain', 'fr.properties', 'translations'),
      }),
      400,
      'file',
    );
  });

  it('GET and PUT answer 404 to an unknown scriptName', async () => {
    expectErrorDto(await call('GET', translations('no-such-connector', 'de')), 404);
    expectErrorDto(
      await call('PUT', translations('no-such-connector', 'de'), { body: upload('a=b', 'text/plain') }),
      404,
    );
  });
});
