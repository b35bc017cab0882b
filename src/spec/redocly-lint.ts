// Runs Redocly CLI's linter (recommended rules, see redocly.yaml) and maps its findings to SpecProblems.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import type { SpecProblem } from './spec-error.js';
import type { YamlSource } from './read-yaml.js';

interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ source: { ref: string }; pointer?: string }>;
}

const require = createRequire(import.meta.url);

function redoclyBin(): string {
  const pkgFile = require.resolve('@redocly/cli/package.json');
  const pkg = require(pkgFile) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['redocly'] ?? Object.values(pkg.bin)[0]);
  return join(dirname(pkgFile), bin as string);
}

/** Lints the given files with Redocly; `config` is the redocly.yaml to use. */
export function redoclyLint(sources: YamlSource[], config: string): SpecProblem[] {
  if (sources.length === 0) return [];
  const files = sources.map((s) => s.file);
  const run = spawnSync(process.execPath, [redoclyBin(), 'lint', '--format=json', `--config=${config}`, ...files], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  let parsed: { problems?: RedoclyProblem[] };
  try {
    parsed = JSON.parse(json) as { problems?: RedoclyProblem[] };
  } catch {
    const detail = (run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n').slice(-3).join(' ');
    return [{ file: files.join(', '), severity: 'error', rule: 'redocly', message: `Redocly CLI did not report: ${detail}` }];
  }
  return (parsed.problems ?? []).map((p) => {
    const loc = p.location[0];
    const source = sources.find((s) => loc && resolve(s.file) === resolve(loc.source.ref)) ?? sources[0]!;
    const where = loc?.pointer ? source.locate(loc.pointer.replace(/^#/, '')) : { file: relative(process.cwd(), loc?.source.ref ?? source.file) };
    return { ...where, severity: p.severity === 'warn' ? 'warning' : 'error', rule: `redocly/${p.ruleId}`, message: p.message };
  });
}
