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
  let reports: Array<{ problems?: RedoclyProblem[] }>;
  try {
    reports = parseJsonStream(run.stdout) as Array<{ problems?: RedoclyProblem[] }>;
    if (reports.length === 0) throw new Error('no JSON report');
  } catch {
    const detail = (run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n').slice(-3).join(' ');
    return [
      { file: files.join(', '), severity: 'error', rule: 'redocly', message: `Redocly CLI did not report: ${detail}` },
    ];
  }
  return reports
    .flatMap((r) => r.problems ?? [])
    .map((p) => {
      const loc = p.location[0];
      const source = sources.find((s) => loc && resolve(s.file) === resolve(loc.source.ref)) ?? sources[0]!;
      const where = loc?.pointer
        ? source.locate(loc.pointer.replace(/^#/, ''))
        : { file: relative(process.cwd(), loc?.source.ref ?? source.file) };
      return {
        ...where,
        severity: p.severity === 'warn' ? 'warning' : 'error',
        rule: `redocly/${p.ruleId}`,
        message: p.message,
      };
    });
}

/** Redocly prints one JSON report per file, back to back: split them at top-level closing braces. */
export function parseJsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = depth > 0;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values;
}
