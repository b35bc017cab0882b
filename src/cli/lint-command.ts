// `conformance lint [FILE...]`: validates the specs and runs Redocly, one located line per problem.

import { relative } from 'node:path';
import { lintSpecs } from '../openapi/lint-specs.js';
import { formatProblem, type SpecProblem } from '../openapi/spec-error.js';
import { REDOCLY_CONFIG, bundledSpecFiles } from '../project-paths.js';
import { EXIT } from './exit-codes.js';

export interface LintCommandOptions {
  redocly: boolean;
}

export async function lintCommand(files: string[], options: LintCommandOptions, out = console): Promise<number> {
  const targets = files.length > 0 ? files : bundledSpecFiles();
  const report = await lintSpecs(targets, { redoclyConfig: options.redocly ? REDOCLY_CONFIG : undefined });
  const show = (p: SpecProblem) => out.error(formatProblem({ ...p, file: displayPath(p.file) }));
  report.fatal.forEach(show);
  report.problems.forEach(show);
  const count = report.fatal.length + report.problems.length;
  if (count === 0) {
    out.log(`lint: ${targets.length} spec(s) clean`);
    return EXIT.OK;
  }
  out.error(`lint: ${count} problem(s) in ${targets.length} spec(s)`);
  return report.fatal.length > 0 ? EXIT.USAGE : EXIT.FAILED;
}

/** Paths under the current directory are shown relative to it; others in full. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
