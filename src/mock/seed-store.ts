// Fills the store with each API's starting records, created through the same code a client's
// request runs, so seed data obeys the same rules (and the same validation) as client data.

import { requestSchemaPointer, validateRequest } from '../openapi/validate-request.js';
import { handlerContext, inferFor } from './context.js';
import { CRUD } from './crud.js';
import { fillTemplate } from './infer-action.js';
import type { PipelineDeps } from './stages/types.js';
import type { Resource } from './store.js';
import { MockHttpError, type SeedApi } from './types.js';

const SEED_ORIGIN = 'http://127.0.0.1';

export async function seedStore(deps: PipelineDeps): Promise<void> {
  for (const [apiId, mount] of deps.mounts) {
    const route = (operationId: string) => {
      const found = deps.routes.all().find((r) => r.spec.apiId === apiId && r.op.operationId === operationId);
      if (!found) throw new Error(`seed data of ${apiId} names unknown operation ${operationId}`);
      return found;
    };
    const api: SeedApi = {
      example(name) {
        const spec = deps.routes.all().find((r) => r.spec.apiId === apiId)!.spec;
        const found = (spec.doc.components?.examples?.[name] as { value?: unknown } | undefined)?.value;
        if (found === undefined) throw new Error(`seed data of ${apiId} names unknown example ${name}`);
        return structuredClone(found);
      },
      store: deps.store,
      entropy: deps.entropy,
      async create(operationId, pathParams, body) {
        const found = route(operationId);
        const { spec, op } = found;
        // A seed record is a body in the operation's first media type; its path parameters are the seed's own.
        const { mediaType, errors: problems } = validateRequest(spec, op, {
          body: { mediaType: requestSchemaPointer(spec, op, undefined).accepted[0], value: body },
          parametersIn: [],
        });
        if (problems.length > 0)
          throw new Error(
            `seed record for ${apiId} ${operationId} is invalid: ${problems.map((p) => p.message).join('; ')}`,
          );
        const url = new URL(SEED_ORIGIN + mount.basePath + fillTemplate(op.path, pathParams));
        const req = { method: op.method.toUpperCase(), url, headers: {}, pathParams, query: {}, body, mediaType };
        // The context a client's request gets, on the store itself: seed data is never broken on purpose.
        const ctx = handlerContext(found, mount, deps, req, inferFor(found, mount));
        try {
          const handler = mount.profile.handlers?.[operationId] ?? CRUD.create;
          await handler(ctx);
        } catch (err) {
          if (err instanceof MockHttpError)
            throw new Error(
              `seed record for ${apiId} ${operationId} was refused: ${JSON.stringify(err.response.body)}`,
            );
          throw err;
        }
        const items = deps.store.list(ctx.collection);
        return items[items.length - 1] as Resource;
      },
    };
    await mount.profile.seed(api);
  }
}
