// The text `conformance --help` (and `conformance run --help`) ends with: the environment variables (each
// registered API's, from src/apis, and the tool's own CONFORMANCE_*), the exit codes and examples.
// Imported only when help is asked for: the registry loads the mock's modules.

import { API_DEFINITIONS } from '../apis/index.js';
import { LIMITS } from '../config/load-config.js';
import { EXIT } from './exit-codes.js';

/** The tool's own variables that are not numeric limits (those come from LIMITS). */
const TOOL_VARIABLES: ReadonlyArray<[string, string]> = [
  ['CONFORMANCE_ALLOW_WRITES', 'true: write cases run against live targets (as --allow-writes)'],
  [
    'CONFORMANCE_TARGET_KIND',
    'mock: the *_API_URL targets are mocks you run; writes need no opt-in (as --target-kind)',
  ],
  ['CONFORMANCE_STRICT', 'true: observations fail the run (as --strict)'],
  ['CONFORMANCE_REPORTS', 'report formats, comma separated: json, junit, html (as --reports)'],
  ['CONFORMANCE_REPORT_DIR', 'where reports go (as --report-dir)'],
  ['CONFORMANCE_STATE_DIR', "where live runs' journals are kept (default reports/journals/)"],
  [
    'CONFORMANCE_CACHE_DIR',
    'where specs read and validated before are remembered (default node_modules/.cache/connector-conformance; off: none; environment only)',
  ],
  ['CONFORMANCE_DEBUG', 'set: print the stack trace of an unexpected error'],
  ['CONFORMANCE_FROM_SOURCE', 'set: run the TypeScript sources (tsx) even when the build in dist/ is current'],
];

const NETWORK_VARIABLES: ReadonlyArray<[string, string]> = [
  ['HTTPS_PROXY, HTTP_PROXY, NO_PROXY', 'proxies, honoured'],
  ['NODE_EXTRA_CA_CERTS', 'more trusted certificate authorities'],
];

const EXAMPLES: ReadonlyArray<[string, string]> = [
  ['conformance run', 'every API against the embedded mock; reports in reports/latest/'],
  ['conformance run --env-file .env.tenant --api davinci', 'one API against the tenant .env.tenant configures'],
  ['conformance run --baseline reports/latest --fail-on regression', 'fail only on what got worse'],
  ['conformance run --shard 1/4 --seed 42 --report-dir reports/shard-1', 'one shard of four, repeatable inputs'],
  ['conformance merge reports/shards --out reports/merged --baseline reports/baseline', 'merge, then compare'],
  ['conformance compare reports/baseline reports/latest', 'what regressed, was fixed, is new'],
  ['conformance summary reports/merged >> "$GITHUB_STEP_SUMMARY"', 'the CI job summary, regressions first'],
  [
    'conformance fidelity --env-file .env.prism --min-score 0.9',
    'where your mock differs from the documents; exit 1 below 0.9',
  ],
  ['conformance fidelity --from reports/latest', 'the fidelity of a run against mocks, from its report'],
  ['conformance fidelity --mock prism', 'Prism serving the specs, started on 127.0.0.1 and judged'],
  ['conformance run --record recordings/tenant --allow-writes', "your tenant's exchanges, redacted, to compare with"],
  ['conformance fidelity --against recordings/tenant --mock prism', 'a mock against your tenant as recorded'],
];

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.min(44, Math.max(...rows.map(([a]) => a.length)));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`);
}

/** The variables every registered API reads, once each (APIs sharing a prefix share them), in registry order. */
export function apiVariables(): Array<[string, string]> {
  const seen = new Map<string, string>();
  for (const d of API_DEFINITIONS)
    for (const v of d.env.variables) if (!seen.has(v.name)) seen.set(v.name, v.description.split('\n')[0]!);
  return [...seen.entries()];
}

/** The help epilog: environment variables, exit codes, examples. */
export function helpEpilog(): string {
  const limits = Object.values(LIMITS).map((l): [string, string] => [
    l.variable,
    `${l.min} to ${l.max} ${l.unit}, default ${l.fallback} (as ${l.flag})`,
  ]);
  return [
    '',
    'Environment variables (a .env file in the current folder, or --env-file, is read too; flags win):',
    '  Targets (once any *_API_URL is set, only the configured APIs run; none set: the embedded mock):',
    ...table(apiVariables()).map((l) => `  ${l}`),
    '  Settings:',
    ...table([...limits, ...TOOL_VARIABLES, ...NETWORK_VARIABLES]).map((l) => `  ${l}`),
    '',
    'Exit codes:',
    `  ${EXIT.OK}  every check passed (compare, merge: nothing fails under --fail-on)`,
    `  ${EXIT.FAILED}  a check failed, a regression, or an expired known deviation`,
    `  ${EXIT.USAGE}  a usage, configuration or spec error: the message names what to fix`,
    `  fidelity: ${EXIT.FAILED} only when the score is below --min-score; else ${EXIT.OK} when the mock was judged, ${EXIT.USAGE} when not`,
    '',
    'Examples:',
    ...EXAMPLES.flatMap(([cmd, what]) => [`  npx ${cmd}`, `      ${what}`]),
  ].join('\n');
}
