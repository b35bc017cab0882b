// The string and number formats the specs' schemas are validated with: every format ajv-formats knows
// (full mode), OpenAPI's own (int32, int64, float, double, password, binary), and `uuid` as the bare
// form (ajv-formats also takes `urn:uuid:`; an id in a URL or body is the bare UUID). One object, so a
// validator compiled now and one loaded from the validator cache use the very same definitions.

import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/** OpenAPI's own formats, and the bare `uuid`: added over ajv-formats' own. */
export const OPENAPI_FORMATS: Record<string, Format> = {
  int32: { type: 'number', validate: (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 },
  int64: { type: 'number', validate: (v: number) => Number.isInteger(v) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  password: { type: 'string', validate: () => true },
  binary: { type: 'string', validate: () => true },
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** Every format by name: what ajv is given, and what cached validators reach for. */
export const SCHEMA_FORMATS: Readonly<Record<string, Format>> = { ...fullFormats, ...OPENAPI_FORMATS };

/** The module name cached validator code requires the formats by (served by the validator cache's loader). */
export const FORMATS_MODULE = 'connector-conformance:schema-formats';
