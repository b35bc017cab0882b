// Hostile multipart requests: missing or wrong boundaries, unterminated parts, missing names, nested or
// binary parts, and a part named __proto__.

import fc from 'fast-check';
import { auth, DAVINCI, fuzzTarget, SAILPOINT, VERSORI_CREATE, type Shot } from './fuzz-target.js';

export const multipartGarbage: fc.Arbitrary<Shot> = fc
  .record({
    variant: fc.constantFrom(
      'no boundary parameter',
      'other boundary',
      'no closing delimiter',
      'no Content-Disposition',
      'no name',
      'empty body',
      'preamble only',
      'long boundary',
      'nested multipart',
      'random bytes',
      'two file parts',
      'unterminated quotes',
      'LF only',
      'part named __proto__',
      'file part is not text',
    ),
    filler: fc.string({ maxLength: 40 }),
    bytes: fc.uint8Array({ maxLength: 512 }),
    target: fc.constantFrom(
      `${SAILPOINT}/SCRIPT/source-config`,
      `${SAILPOINT}/SCRIPT/source-template`,
      `${SAILPOINT}/SCRIPT/correlation-config`,
      `${SAILPOINT}/SCRIPT/translations/en`,
      DAVINCI,
      VERSORI_CREATE,
    ),
  })
  .map(({ variant, filler, bytes, target }): Shot => {
    const b = 'fuzzb';
    const part = (headers: string, content: string) => `--${b}\r\n${headers}\r\n\r\n${content}\r\n`;
    const xml = `<Application name="${filler.replace(/[<>&"]/g, '')}"/>`;
    const file = part(
      'Content-Disposition: form-data; name="file"; filename="f.xml"\r\nContent-Type: application/xml',
      xml,
    );
    let type = `multipart/form-data; boundary=${b}`;
    let body: string | Buffer;
    switch (variant) {
      case 'no boundary parameter':
        type = 'multipart/form-data';
        body = `${file}--${b}--\r\n`;
        break;
      case 'other boundary':
        type = 'multipart/form-data; boundary=notthisone';
        body = `${file}--${b}--\r\n`;
        break;
      case 'no closing delimiter':
        body = file;
        break;
      case 'no Content-Disposition':
        body = `${part('Content-Type: application/xml', xml)}--${b}--\r\n`;
        break;
      case 'no name':
        body = `${part('Content-Disposition: form-data; filename="f.xml"', xml)}--${b}--\r\n`;
        break;
      case 'empty body':
        body = '';
        break;
      case 'preamble only':
        body = `${filler}\r\n${filler}`;
        break;
      case 'long boundary':
        type = `multipart/form-data; boundary=${'b'.repeat(200)}`;
        body = `--${'b'.repeat(200)}\r\nContent-Disposition: form-data; name="file"\r\n\r\n${xml}\r\n--${'b'.repeat(200)}--\r\n`;
        break;
      case 'nested multipart':
        body = `${part('Content-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; boundary=inner', `--inner\r\nContent-Type: application/xml\r\n\r\n${xml}\r\n--inner--`)}--${b}--\r\n`;
        break;
      case 'random bytes':
        body = Buffer.from(bytes);
        break;
      case 'two file parts':
        body = `${file}${file}--${b}--\r\n`;
        break;
      case 'unterminated quotes':
        body = `${part('Content-Disposition: form-data; name="file; filename="f.xml', xml)}--${b}--\r\n`;
        break;
      case 'LF only':
        body = `${file}--${b}--\r\n`.replace(/\r\n/g, '\n');
        break;
      case 'part named __proto__':
        body = `${part('Content-Disposition: form-data; name="__proto__"', '{"polluted":"yes"}')}${part('Content-Disposition: form-data; name="constructor"', 'x')}${file}--${b}--\r\n`;
        break;
      default:
        body = Buffer.concat([
          Buffer.from(
            `--${b}\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          Buffer.from(bytes),
          Buffer.from(`\r\n--${b}--\r\n`),
        ]);
    }
    const path = target.replace('SCRIPT', fuzzTarget().scriptName);
    return {
      what: `${variant} → PUT/POST ${path}`,
      method: path.includes('/connectors/') ? 'PUT' : 'POST',
      target: path,
      headers: [...auth(), ['Content-Type', type]],
      body,
      answered: true,
    };
  });
