// A multipart/form-data body (RFC 7578) of text fields each sent as a file part, as FormData with a Blob
// per field serialises it (WHATWG multipart/form-data encoding): built as one Buffer, with its
// Content-Length known, without the Blob, File, Response and web stream FormData goes through.

import { randomBytes } from 'node:crypto';

export interface MultipartBody {
  /** `multipart/form-data; boundary=...`. */
  contentType: string;
  body: Buffer;
}

/** File names (and field names, after `fieldName`) escape `"`, CR and LF as the WHATWG encoding does (`%22`, `%0D`, `%0A`). */
function escapeName(name: string): string {
  return name.replace(/[\r\n"]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A'));
}

/** A field name as FormData writes it: every lone CR or LF made a CRLF first, then escaped. */
function fieldName(name: string): string {
  return escapeName(name.replace(/\r\n|\r|\n/g, '\r\n'));
}

/** Each field a part named `<field>` holding its text (UTF-8) as a file `<field>.txt` of no declared type. */
export function encodeMultipart(fields: Record<string, string>): MultipartBody {
  // A boundary of random bytes cannot occur in the text but by a 2^-96 chance, as FormData's own.
  const boundary = `----formdata-conformance-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [field, text] of Object.entries(fields)) {
    const name = fieldName(field);
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${escapeName(`${field}.txt`)}"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n${text}\r\n`,
      ),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}
