// openapi-sampler's `sample`, loaded with `require`. Imported as an ES module, the package (one 112 KB
// CommonJS bundle) is first scanned by Node for the names it exports (cjs-module-lexer): about 14 ms of
// every start, and a background compile of the scanner besides; `require` reads it as it is.

import { createRequire } from 'node:module';
import type * as OpenApiSampler from 'openapi-sampler';

const openapiSampler = createRequire(import.meta.url)('openapi-sampler') as typeof OpenApiSampler;

/** openapi-sampler's `sample` (a value for a schema, from its examples, defaults and types). */
export const sample: typeof OpenApiSampler.sample = openapiSampler.sample;
