// The vendors' examples hold placeholders (`<string>`, `{scopeID}`, `{{envID}}`) that no real tenant
// accepts. A request body keeps an example's real values and takes the rest from live state.

const PLACEHOLDER = /^(<[^<>]*>|\{\{?[^{}]+\}?\})$/;

export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value.trim());
}

/** True when any string inside `value` is a placeholder. */
export function holdsPlaceholder(value: unknown): boolean {
  if (isPlaceholder(value)) return true;
  if (Array.isArray(value)) return value.some(holdsPlaceholder);
  if (value && typeof value === 'object') return Object.values(value).some(holdsPlaceholder);
  return false;
}

/** `base` with each top-level field of `example` laid over it, except fields that hold placeholders. */
export function overlayRealValues(
  base: Record<string, unknown>,
  example: unknown,
  except: string[] = [],
): Record<string, unknown> {
  const out = { ...base };
  if (!example || typeof example !== 'object') return out;
  for (const [k, v] of Object.entries(example)) if (!except.includes(k) && !holdsPlaceholder(v)) out[k] = v;
  return out;
}

export function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source?.[k] !== undefined) out[k] = source[k];
  return out;
}
