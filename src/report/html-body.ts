// A response body as index.html shows it: JSON pretty-printed, one member per line, with the lines at the
// failing JSON pointers marked; an excerpt cut short (not valid JSON any more) is re-indented as far as it
// goes; anything else is shown as text, wrapped. Every character of the body is escaped.

import { esc } from './escape.js';

interface Line {
  text: string;
  pointer: string;
}

const token = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The lines of a parsed JSON value, each with the pointer of the member it shows. */
function jsonLines(value: unknown, pointer: string, indent: string, prefix: string, comma: string, out: Line[]): void {
  const children: Array<[string, unknown]> | undefined = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : undefined;
  if (!children || children.length === 0) {
    const text = children ? (Array.isArray(value) ? '[]' : '{}') : JSON.stringify(value);
    out.push({ text: `${indent}${prefix}${text}${comma}`, pointer });
    return;
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  out.push({ text: `${indent}${prefix}${open}`, pointer });
  children.forEach(([key, child], i) => {
    const name = Array.isArray(value) ? '' : `${JSON.stringify(key)}: `;
    jsonLines(child, `${pointer}/${token(key)}`, `${indent}  `, name, i < children.length - 1 ? ',' : '', out);
  });
  out.push({ text: `${indent}${close}${comma}`, pointer });
}

/** Breaks JSON text that no longer parses (cut at the excerpt limit) after `{`, `[` and `,`, outside strings. */
function reindent(text: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += c;
    if (inString) {
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') out += `\n${'  '.repeat(++depth)}`;
    else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',') out += `\n${'  '.repeat(depth)}`;
  }
  return out;
}

/** True when a line at `line` lies at or inside one of the pointers. */
const marked = (line: string, pointers: string[]) => pointers.some((p) => line === p || line.startsWith(`${p}/`));

/**
 * A `<pre>` of the body: pretty JSON with the lines at `pointers` (JSON pointers into it; others, such as
 * a header's name, are ignored) inside `<mark>`; a cut JSON excerpt re-indented; other text as it is.
 */
export function renderBody(excerpt: string, pointers: readonly (string | undefined)[] = []): string {
  const wanted = pointers.filter((p): p is string => p !== undefined && (p === '' || p.startsWith('/')));
  const trimmed = excerpt.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return `<pre class="body">${esc(reindent(trimmed))}</pre>`;
    }
    const lines: Line[] = [];
    jsonLines(parsed, '', '', '', '', lines);
    const body = lines
      .map((l) =>
        wanted.length > 0 && l.pointer !== '' && marked(l.pointer, wanted)
          ? `<mark>${esc(l.text)}</mark>`
          : esc(l.text),
      )
      .join('\n');
    return `<pre class="body">${body}</pre>`;
  }
  return `<pre class="body">${esc(excerpt)}</pre>`;
}
