// Writes the chosen report formats (src/report/formats.ts: results.json always, junit.xml and index.html
// by default) to the report folder, and a copy to reports/latest/.

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project-paths.js';
import { chosenFormats, type ReportFormat } from './formats.js';
import type { RunReport } from './run-report.js';
import type { HistoryEntry } from './history.js';

export interface WrittenReports {
  dir: string;
  files: string[];
}

/** `reportDir`, or `reports/<UTC timestamp>/` with a copy in `reports/latest/`. */
export function writeReports(
  report: RunReport,
  reportDir: string | undefined,
  history: HistoryEntry[] = [],
  formats: readonly ReportFormat[] = chosenFormats(),
): WrittenReports {
  const dir = reportDir ? resolve(reportDir) : join(PROJECT_ROOT, 'reports', report.startedAt.replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const files = formats.map((f) => write(dir, f.file, f.render(report, history)));
  if (!reportDir) {
    const latest = join(PROJECT_ROOT, 'reports', 'latest');
    rmSync(latest, { recursive: true, force: true });
    cpSync(dir, latest, { recursive: true });
  }
  return { dir, files };
}

function write(dir: string, name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}
