// A fast reader of a spec's YAML into plain JSON: js-yaml (several times faster than `yaml`, and with less
// garbage), with scalars resolved exactly as `yaml`'s YAML 1.2 core schema resolves them, so both give the
// same document. It answers only when that is sure: anything it cannot read the same way (a parse error, a
// duplicate key, a tag other than the core ones, a directive, a lone CR, a comment glued to a scalar, an
// explicit, empty, null, collection, alias or over-long key, a flow collection over several lines, many
// aliases, an object reached twice through an alias) is left to `yaml` (read-yaml.ts), which reads it,
// locates its problems and enforces the alias limit.

import jsyaml from 'js-yaml';

// The regular expressions of `yaml`'s core schema (yaml/dist/schema/core and common/null).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const nullType = new jsyaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL.test(data),
  construct: () => null,
});

const boolType = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const intType = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (INT_OCT.test(data) || INT_DEC.test(data) || INT_HEX.test(data)),
  construct: (data: string) =>
    INT_OCT.test(data)
      ? parseInt(data.slice(2), 8)
      : INT_HEX.test(data)
        ? parseInt(data.slice(2), 16)
        : parseInt(data, 10),
});

const floatType = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) =>
    data !== null && (FLOAT_SPECIAL.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data)),
  construct: (data: string) => {
    if (!FLOAT_SPECIAL.test(data)) return parseFloat(data);
    if (data.slice(-3).toLowerCase() === 'nan') return NaN;
    return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
});

const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** With this many aliases or more, `yaml` decides (it refuses 100, counting the anchor). */
const MANY_ALIASES = 50;
/** The longest implicit key YAML allows, in characters of the text. */
const MAX_KEY = 1024;

/** Text `yaml` reads otherwise or refuses, which js-yaml reads without complaint. */
const LEFT_TO_YAML = [
  /^%/m, // a directive (`%YAML 1.1`) changes how `yaml` resolves scalars
  /\r(?!\n)/, // a lone carriage return
  /[^\s:[{,-]["']#|[\]}]#/, // a comment glued to a closing quote or bracket
  /^---[ \t]+[^\s#]/m, // content on the document marker's line
  // An explicit key (`? `, in a block or a flow) or an empty key (`: v`): the two name them differently.
  /^[ \t-]*\?(?:[ \t]|$)|[{[,][ \t]*\?(?:[ \t,\]}]|$)|(?:^|[{,])[ \t]*:(?:[ \t]|$)/m,
];

/** The document in `text`, or undefined when `yaml` must read it (see the header). */
export function readYamlFast(text: string): unknown {
  if (LEFT_TO_YAML.some((pattern) => pattern.test(text))) return undefined;
  let unsure = false;
  let aliases = 0;
  const opened: Array<{ line: number; position: number }> = [];
  let value: unknown;
  try {
    value = jsyaml.load(text, {
      schema: SCHEMA,
      listener: (event, state) => {
        if (event === 'open') {
          // A node starting with `*` is an alias (nothing else may): yaml counts them, and refuses too many.
          if (/^[ \t]*\*/.test(state.input.slice(state.position, state.position + 64)) && ++aliases >= MANY_ALIASES)
            unsure = true;
          return void opened.push({ line: state.line, position: state.position });
        }
        const open = opened.pop() ?? { line: state.line, position: state.position };
        if (unsure) return;
        const result: unknown = state.result;
        // The non-specific tag `!`: yaml reads `a: !` as "", js-yaml as null.
        if ((state as unknown as { tag?: string | null }).tag === '!') unsure = true;
        // A flow collection over several lines: yaml refuses one whose next line is not indented enough.
        const end = state.input[state.position - 1];
        if ((end === ']' || end === '}') && state.line > open.line) unsure = true;
        // A key: yaml names a null, collection or alias key otherwise, and refuses an implicit one whose text
        // runs over 1,024 characters.
        if (/^[ \t]*:/.test(state.input.slice(state.position, state.position + 64))) {
          const odd = state.kind === null || result === null || typeof result === 'object';
          if (odd || state.position - open.position >= MAX_KEY) unsure = true;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (unsure) return undefined;
  // Without `&` there is no anchor, so no alias to follow.
  if (text.includes('&') && reachesAnyObjectTwice(value)) return undefined;
  return value;
}

/** True when one object or array is found at two places: `yaml` would have copied an alias there. */
function reachesAnyObjectTwice(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push(child);
  }
  return false;
}
