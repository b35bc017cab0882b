// Keeps tokens and secrets out of every report and log line.

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;
/** Secret headers whose first word is an auth scheme (`Bearer`, `Basic`), kept for the reader. */
const SCHEME_HEADER = /^(authorization|proxy-authorization)$/i;
const SECRET_KEY = /(secret|password|passwd|token|credential|api[-_]?key|authorization|client_assertion)/i;
export const MASK = '***';

export class Redactor {
  private readonly secretValues: string[] = [];

  constructor(initial: string[] = []) {
    for (const s of initial) this.add(s);
  }

  /** Registers a value that must never appear in output (tokens, client secrets). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4 && !this.secretValues.includes(secret)) {
      this.secretValues.push(secret);
      this.secretValues.sort((a, b) => b.length - a.length);
    }
  }

  /** The registered secrets, to hand to another process's Redactor. */
  secrets(): string[] {
    return [...this.secretValues];
  }

  text(value: string): string {
    let out = value;
    for (const s of this.secretValues) out = out.split(s).join(MASK);
    return out;
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (!SECRET_HEADER.test(k)) out[k] = this.text(v);
      else if (SCHEME_HEADER.test(k)) out[k] = v.replace(/^(\w+\s+)?.*$/, (_m, scheme: string | undefined) => `${scheme ?? ''}${MASK}`);
      else out[k] = MASK;
    }
    return out;
  }

  /** A JSON value with secret-looking keys masked and registered secrets removed from strings. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && typeof v === 'string' ? MASK : this.json(v)]));
    }
    return value;
  }
}
