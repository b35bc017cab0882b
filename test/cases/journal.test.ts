// The journal: what is created and deleted, and intents whose answer never came.

import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { davinci } from '../../src/apis/davinci/adapter.js';
import { Journal, processStart, runAlive } from '../../src/cases/journal.js';
import { CaseRuntime } from '../../src/cases/runtime.js';
import type { Json } from '../../src/cases/types.js';
import type { ApiTarget } from '../../src/config/types.js';
import type { Exchange, RequestPlan } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import type { HttpClient } from '../../src/transport/http-client.js';

it('lists what was created and not deleted, and the intents no creation answered', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
  const j = new Journal(file);
  j.record({
    event: 'creating',
    api: 'versori',
    label: 'connector',
    name: 'cfm-r-1',
    listPath: '/o/x/connectors',
    deletePath: '/o/x/connectors/{id}',
  });
  j.record({
    event: 'created',
    api: 'versori',
    label: 'connector',
    id: 'A',
    path: '/o/x/connectors/A',
    name: 'cfm-r-1',
  });
  j.record({
    event: 'creating',
    api: 'versori',
    label: 'connector',
    name: 'cfm-r-2',
    listPath: '/o/x/connectors',
    deletePath: '/o/x/connectors/{id}',
  });
  j.record({
    event: 'created',
    api: 'versori',
    label: 'connector',
    id: 'B',
    path: '/o/x/connectors/B',
    name: 'cfm-r-2',
  });
  j.record({ event: 'deleted', api: 'versori', label: 'connector', id: 'B', path: '/o/x/connectors/B' });
  j.record({
    event: 'creating',
    api: 'versori',
    label: 'connector',
    name: 'cfm-r-3',
    listPath: '/o/x/connectors',
    deletePath: '/o/x/connectors/{id}',
  });
  j.record({
    event: 'creating',
    api: 'versori',
    label: 'connector',
    name: 'cfm-r-4',
    listPath: '/o/x/connectors',
    deletePath: '/o/x/connectors/{id}',
  });
  j.record({ event: 'declined', api: 'versori', name: 'cfm-r-4' }); // answered 400: nothing was created
  appendFileSync(file, '{"event":"created","api":"vers'); // cut short by an interruption
  const { created, unresolved } = Journal.remaining(file);
  expect(created.map((e) => e.id)).toEqual(['A']);
  expect(unresolved.map((e) => e.name)).toEqual(['cfm-r-3']);
});

it('a missing journal means nothing to clean', () => {
  expect(Journal.remaining('/no/such/journal.jsonl')).toEqual({ created: [], unresolved: [] });
});

it("journals a clone by its source: its intent is settled by the clone's own answer, not the source's", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
  const j = new Journal(file);
  j.record({ event: 'run', runId: 'r', targets: { davinci: 'https://api.example/v1' }, pid: 1 });
  j.record({
    event: 'creating',
    api: 'davinci',
    label: 'connector instance',
    name: 'cfm-r-1',
    listPath: '/i',
    deletePath: '/i/{id}',
  });
  j.record({
    event: 'created',
    api: 'davinci',
    label: 'connector instance',
    id: 'SRC',
    path: '/i/SRC',
    name: 'cfm-r-1',
  });
  j.record({
    event: 'creating',
    api: 'davinci',
    label: 'connector instance',
    name: 'cfm-r-1',
    listPath: '/i',
    deletePath: '/i/{id}',
    of: 'SRC',
  });
  const killed = Journal.read(file);
  expect(killed.run).toMatchObject({ runId: 'r', targets: { davinci: 'https://api.example/v1' } });
  expect(killed.unresolved).toEqual([expect.objectContaining({ name: 'cfm-r-1', of: 'SRC' })]);
  j.record({
    event: 'created',
    api: 'davinci',
    label: 'connector instance',
    id: 'CLONE',
    path: '/i/CLONE',
    name: 'cfm-r-1',
    of: 'SRC',
  });
  const answered = Journal.read(file);
  expect(answered.unresolved).toEqual([]);
  expect(answered.created.map((e) => e.id)).toEqual(['SRC', 'CLONE']);
});

describe('a create the target refuses settles its intent', () => {
  const target: ApiTarget = {
    api: 'davinci',
    baseUrl: 'https://api.example/v1',
    live: true,
    auth: { kind: 'token', token: 't' },
    params: { environmentID: 'ENV' },
  };
  /** A runtime whose target creates the source (201) and refuses every clone (400). */
  async function runtime(file: string): Promise<CaseRuntime> {
    const spec = await loadSpec(join(PROJECT_ROOT, 'specs/pingone-davinci-connector-instances.yaml'));
    const client = {
      send: async (plan: RequestPlan): Promise<Exchange> => {
        const clone = /\/connectorInstances\/[^/]+$/.test(plan.path);
        const response = clone
          ? { status: 400, headers: {}, body: { code: 'INVALID_REQUEST' } }
          : { status: 201, headers: {}, body: { id: 'SRC', name: (plan.body?.value as Json)['name'] } };
        return {
          plan,
          request: {} as Exchange['request'],
          response: response as Exchange['response'],
          durationMs: 1,
          attempts: 1,
        };
      },
    } as unknown as HttpClient;
    return new CaseRuntime(spec, davinci, target, client, {
      runId: 'x',
      allowWrites: true,
      journal: new Journal(file),
    });
  }

  it("a refused clone journals `declined` under its source's name and id: nothing is left to find", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
    const rt = await runtime(file);
    const [instance] = davinci.resources;
    expect(await rt.createFixture(instance!, {})).toBe('SRC');
    const clone = await rt.send(
      'cloneConnectorInstance',
      rt.plan(
        'cloneConnectorInstance',
        { connectorInstanceID: 'SRC' },
        { mediaType: 'application/vnd.pingidentity.connectorInstance.clone+json', value: {} },
      ),
    );
    expect(clone.response?.status).toBe(400);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; of?: string });
    expect(lines.map((l) => `${l.event}${l.of ? ` of ${l.of}` : ''}`)).toEqual([
      'creating',
      'created',
      'creating of SRC',
      'declined of SRC',
    ]);
    expect(Journal.read(file).unresolved).toEqual([]);
    expect(Journal.read(file).created.map((e) => e.id)).toEqual(['SRC']);
  });
});

describe('a run is alive only while its own process runs: a reused pid does not count', () => {
  it.runIf(existsSync('/proc/self/stat'))("the run entry carries its process's start time (Linux)", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cfm-journal-')), 'j.jsonl');
    new Journal(file).record({ event: 'run', runId: 'r', targets: {}, pid: process.pid });
    const run = Journal.read(file).run!;
    expect(run.pidStart).toMatch(/^\d+$/);
    expect(run.pidStart).toBe(processStart(process.pid));
    expect(runAlive(run)).toBe(true);
    // The same pid, started at another time: another process that got the pid.
    expect(runAlive({ pid: process.pid, pidStart: String(Number(run.pidStart) + 1) })).toBe(false);
  });

  it('a journal without a start time (older, or not Linux) goes by the pid alone', () => {
    expect(runAlive({ pid: process.pid })).toBe(true);
    expect(runAlive({ pid: 2 ** 22 + 12345 })).toBe(false); // beyond any pid
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'reads the start time past a command name with spaces and parentheses',
    async () => {
      const child = spawn(process.execPath, ['-e', "process.title = 'a (b) c'; setTimeout(() => {}, 20000)"], {
        stdio: 'ignore',
      });
      try {
        for (let i = 0; i < 100 && !readFileSync(`/proc/${child.pid}/stat`, 'utf8').includes('(a (b) c)'); i++)
          await new Promise((r) => setTimeout(r, 20));
        expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8')).toContain('(a (b) c)');
        // Clock ticks since boot: boot time plus them is about now, for a process just started.
        const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
        const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
        const started = bootTime + Number(processStart(child.pid!)) / ticks;
        expect(Math.abs(started - Date.now() / 1000)).toBeLessThan(30);
      } finally {
        child.kill('SIGKILL');
      }
      expect(processStart(2 ** 22 + 12345)).toBeUndefined(); // no such process
    },
  );
});
