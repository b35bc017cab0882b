// The report formats a run can write, by name: one entry per format, so a new format is one renderer
// and one line here. `results.json` is always written: compare, merge and history read it.

import type { HistoryEntry } from './history.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import type { RunReport } from './run-report.js';

export interface ReportFormat {
  /** As `--reports` takes it. */
  name: string;
  /** The file it writes in the report folder. */
  file: string;
  description: string;
  render(report: RunReport, history: HistoryEntry[]): string;
}

export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    name: 'json',
    file: 'results.json',
    description: 'the run record (always written; compare, merge and history read it)',
    render: (report) => `${JSON.stringify(report, null, 2)}\n`,
  },
  {
    name: 'junit',
    file: 'junit.xml',
    description: 'JUnit XML for CI test tabs',
    render: (report) => renderJunit(report),
  },
  {
    name: 'html',
    file: 'index.html',
    description: 'a self-contained page to read in a browser',
    render: (report, history) => renderHtml(report, history),
  },
];

export const REPORT_FORMAT_NAMES = REPORT_FORMATS.map((f) => f.name);

/** The formats chosen by name (every one when none is given); `json` is always among them. */
export function chosenFormats(names?: readonly string[]): ReportFormat[] {
  if (!names || names.length === 0) return [...REPORT_FORMATS];
  return REPORT_FORMATS.filter((f) => f.name === 'json' || names.includes(f.name));
}

/** Names that are not a report format, for a clear usage error. */
export function unknownFormats(names: readonly string[]): string[] {
  return names.filter((n) => !REPORT_FORMAT_NAMES.includes(n));
}
