// Keeps tokens and secrets out of every report and log line.

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;
/** Secret headers whose first word is an auth scheme (`Bearer`, `Basic`), kept for the reader. */
const SCHEME_HEADER = /^(authorization|proxy-authorization)$/i;
const SECRET_KEY = /(secret|password|passwd|token|credential|api[-_]?key|authorization|client_assertion)/i;
export const MASK = '***';

/**
 * The value of an HTTP Basic `Authorization` header (without `Basic `) for client credentials: id and
 * secret each form-URL-encoded, as RFC 6749 §2.3.1 asks, so a colon in the secret stays unambiguous.
 */
export function basicCredentials(id: string, secret: string): string {
  return Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');
}

export class Redactor {
  private readonly secretValues: string[] = [];
  /** One regular expression matching every registered secret in every form; rebuilt when one is added. */
  private pattern: RegExp | undefined;
  /** The characters every form of a character but the character itself starts with; rebuilt when one is added. */
  private escapes: RegExp | undefined;

  constructor(initial: string[] = []) {
    for (const s of initial) this.add(s);
  }

  /**
   * Registers a value that must never appear in output (tokens, client secrets). It is masked as it
   * is, URL-encoded (`encodeURIComponent`, or form encoding with `+` for a space, any hex case),
   * JSON-escaped (`\"`, `\/`, `\uXXXX`), HTML-escaped, and in any mix of these.
   */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4 && !this.secretValues.includes(secret)) {
      this.secretValues.push(secret);
      this.secretValues.sort((a, b) => b.length - a.length);
      this.pattern = undefined;
      this.escapes = undefined;
    }
  }

  /**
   * Registers client credentials sent as HTTP Basic: the secret, and the header's base64 value, both as
   * this project sends it (each part URL-encoded) and as other clients do (`id:secret` as it is).
   */
  addBasic(id: string, secret: string): void {
    this.add(secret);
    this.add(basicCredentials(id, secret));
    this.add(Buffer.from(`${id}:${secret}`).toString('base64'));
  }

  /** The registered secrets, to hand to another process's Redactor. */
  secrets(): string[] {
    return [...this.secretValues];
  }

  text(value: string): string {
    // Every form of a character is at least as long as the character, so no form of a secret is shorter
    // than the secret itself (the list is sorted longest first): a shorter text holds none.
    const secrets = this.secretValues;
    if (secrets.length === 0 || value.length < secrets.at(-1)!.length) return value;
    // Every other form of a character starts with `%`, `\` or `&` (`+` for a space): in a text with none
    // of them, a secret can only appear as it is.
    this.escapes ??= secrets.some((s) => s.includes(' ')) ? /[%\\&+]/ : /[%\\&]/;
    if (!this.escapes.test(value) && !secrets.some((s) => value.includes(s))) return value;
    this.pattern ??= new RegExp(this.secretValues.map(anyForm).join('|'), 'g');
    return value.replace(this.pattern, MASK);
  }

  /** A URL for display: registered secrets masked, and the password of any userinfo (`https://user:***@host/`). */
  url(value: string): string {
    return this.text(redactUrl(value));
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k in headers) {
      const v = headers[k]!;
      if (!SECRET_HEADER.test(k)) out[k] = this.text(v);
      else if (SCHEME_HEADER.test(k)) out[k] = `${/^\w+\s+/.exec(v)?.[0] ?? ''}${MASK}`;
      else out[k] = MASK;
    }
    return out;
  }

  /** A JSON value with secret-looking keys masked and registered secrets removed from strings. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && typeof v === 'string' ? MASK : this.json(v)]),
      );
    }
    return value;
  }
}

/** The password of a URL's userinfo masked (`https://user:***@host/x`); anything else as it is. */
export function redactUrl(value: string): string {
  if (!value.includes('@')) return value; // no userinfo
  const url = parseUrl(value);
  if (!url?.password) return value;
  url.password = MASK;
  return url.href;
}

/** The URL without userinfo, which must never reach a server (nor a curl line) as credentials. */
export function withoutUserinfo(value: string): string {
  if (!value.includes('@')) return value; // no userinfo
  const url = parseUrl(value);
  if (!url || (!url.username && !url.password)) return value;
  url.username = '';
  url.password = '';
  return url.href;
}

/** The decoded password of a URL's userinfo, if any. */
export function passwordOf(value: string): string | undefined {
  const password = parseUrl(value)?.password;
  if (!password) return undefined;
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

// Every form one character of a secret may take in output. Each alternative is a plain sequence, so
// the pattern has no nested repetition and matches in time linear in the text per secret.
const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const HTML: Record<string, string[]> = {
  '&': ['&amp;'],
  '<': ['&lt;'],
  '>': ['&gt;'],
  '"': ['&quot;'],
  "'": ['&#39;', '&#x27;', '&apos;'],
};

/** Each secret's pattern, made once per process (a run starts a Redactor per API). */
const forms = new Map<string, string>();

function anyForm(secret: string): string {
  let pattern = forms.get(secret);
  if (pattern === undefined) forms.set(secret, (pattern = [...secret].map(charForms).join('')));
  return pattern;
}

function charForms(ch: string): string {
  const forms = new Set<string>([escapeRegExp(ch)]);
  forms.add([...Buffer.from(ch, 'utf8')].map((b) => `%${hexAnyCase(b, 2)}`).join(''));
  if (ch === ' ') forms.add('\\+');
  forms.add([...Array(ch.length).keys()].map((i) => `\\\\u${hexAnyCase(ch.charCodeAt(i), 4)}`).join(''));
  const short = JSON_SHORT[ch];
  if (short) forms.add(escapeRegExp(short));
  for (const entity of HTML[ch] ?? []) forms.add(escapeRegExp(entity));
  const code = ch.codePointAt(0)!;
  if (!/[A-Za-z0-9]/.test(ch)) forms.add(`&#(?:${code}|[xX]${hexAnyCase(code, 0)});`);
  return `(?:${[...forms].join('|')})`;
}

/** `n` in hex, zero-padded to `width`, each letter matching either case: 0x2b → `2[bB]`. */
function hexAnyCase(n: number, width: number): string {
  return n
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
