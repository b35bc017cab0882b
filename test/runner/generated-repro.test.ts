// The repro of a failing generated case sends exactly the input the report names: the curl's body is
// the body of the reported input's exchange, and the reported input is what was planned for it (after
// the adapter's refinement, which names what the run creates), not the raw generated value.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiDefinition } from '../../src/apis/index.js';
import { startReferenceMock } from '../../src/apis/reference-mock.js';
import { buildCases } from '../../src/cases/build-all.js';
import type { CaseDefinition, GeneratedInput } from '../../src/cases/types.js';
import type { RunningMock } from '../../src/mock/server.js';
import type { RequestPlan } from '../../src/model/types.js';
import { runCase } from '../../src/runner/run-case.js';
import { startSuite } from '../../src/runner/suite-context.js';

const TOKEN = 'generated-repro-token';
let mock: RunningMock;
beforeAll(async () => {
  mock = await startReferenceMock({
    port: 0,
    token: TOKEN,
    // A target that breaks on valid input: every create answers 500, so fast-check shrinks to the smallest body.
    transform(response, call) {
      return call.operationId === 'createCustomConnector' && response.status === 200
        ? { status: 500, body: { detailCode: '500', messages: [] } }
        : response;
    },
  });
});
afterAll(() => mock?.close());

/** The body a curl line sends with `--data-raw '...'`, unquoted as the shell would. */
function curlBody(curl: string): string {
  const m = /--data-raw '((?:[^']|'\\'')*)'/.exec(curl);
  if (!m) throw new Error(`no --data-raw in ${curl}`);
  return m[1]!.replace(/'\\''/g, "'");
}

it('the curl of the smallest failing input sends exactly the reported input, as planned', async () => {
  const api = apiDefinition('sailpoint');
  const { spec, rt, redactor, client } = await startSuite(
    api,
    {
      api: 'sailpoint',
      baseUrl: mock.apis['sailpoint']!,
      live: false,
      auth: { kind: 'token', token: TOKEN },
      params: {},
    },
    { runId: 'repro', allowWrites: true },
  );
  try {
    const generated = buildCases(spec, api.adapter, { seed: 11, maxCases: 10 }).find(
      (c) => c.id === 'sailpoint/createCustomConnector/generated-inputs',
    )!;
    // Every plan made, with the input it was made of.
    const planned: Array<{ input: GeneratedInput; plan: RequestPlan }> = [];
    const property = generated.property!;
    const watched: CaseDefinition = {
      ...generated,
      property: {
        ...property,
        plan: async (r, params, input) => {
          const plan = await property.plan(r, params, input);
          if (plan) planned.push({ input, plan });
          return plan;
        },
      },
    };
    const result = await runCase(watched, rt, { redactor });
    expect(result.status).toBe('failed');
    const acceptance = result.checks.find((c) => c.name === 'positive-data-acceptance')!;
    const reported = JSON.parse(/ for the input (\{.*\})$/.exec(acceptance.received!)![1]!) as GeneratedInput;
    expect(acceptance.received).toMatch(/^500 for the input \{/);
    expect(acceptance.message!.endsWith(`: ${JSON.stringify(reported)}`)).toBe(true);

    // The curl sends the body of the exchange the result shows...
    expect(curlBody(result.reproduce!)).toBe(result.request!.body);
    // ...which is the body planned for the reported input, refined by the adapter (the run's name)...
    const sent = planned.filter((p) => JSON.stringify(p.plan.body?.value) === result.request!.body);
    expect(sent).toHaveLength(1); // each plan gets its own name, so exactly one plan matches
    expect(reported).toEqual({ query: sent[0]!.plan.query, body: sent[0]!.plan.body!.value });
    expect((reported.body as { name: string }).name).toMatch(/^cfm-repro-\d+$/);
    // ...and not the raw generated value, whose name the adapter replaced.
    expect(reported).not.toEqual(sent[0]!.input);
    // Shrunk: more inputs were planned than the one reported.
    expect(planned.length).toBeGreaterThan(1);
  } finally {
    await rt.cleanup();
    await client.close();
  }
});
