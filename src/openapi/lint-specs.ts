// Everything `lint:specs` checks, in order: load (YAML, $refs, OpenAPI), swagger-parser's own validation of
// the OpenAPI document (a second opinion), project rules, schemas, examples, Redocly.

import { checkExamples, checkSchemasCompile } from './check-examples.js';
import { loadSpec, type LoadedSpec } from './load-spec.js';
import { checkProjectRules } from './project-rules.js';
import { redoclyLint } from './redocly-lint.js';
import { SpecError, type SpecProblem } from './spec-error.js';
import { validateWithSwaggerParser } from './validate-openapi.js';

export interface LintReport {
  /** Problems that make a spec unusable (exit 2): malformed YAML, broken $ref, invalid OpenAPI. */
  fatal: SpecProblem[];
  /** Problems in specs that load (exit 1). */
  problems: SpecProblem[];
}

export interface LintOptions {
  redoclyConfig?: string;
}

export async function lintSpecs(files: string[], options: LintOptions = {}): Promise<LintReport> {
  const report: LintReport = { fatal: [], problems: [] };
  const loaded: LoadedSpec[] = [];
  for (const file of files) {
    try {
      loaded.push(await loadSpec(file));
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      report.fatal.push(...err.problems);
    }
  }
  for (const spec of [...loaded]) {
    const invalid = await validateWithSwaggerParser(spec.source);
    if (invalid.length === 0) continue;
    report.fatal.push(...invalid);
    loaded.splice(loaded.indexOf(spec), 1);
  }
  for (const spec of loaded) {
    report.problems.push(
      ...checkProjectRules(spec.source),
      ...checkSchemasCompile(spec.source, spec.schemas),
      ...checkExamples(spec.source, spec.schemas),
    );
  }
  if (options.redoclyConfig)
    report.problems.push(
      ...redoclyLint(
        loaded.map((s) => s.source),
        options.redoclyConfig,
      ),
    );
  return report;
}
