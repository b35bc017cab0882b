// A recording comparison (recording-diff) for the console: a summary line, then one compact line per
// case that differs (each difference: which call, which field, recorded → now), capped with a count of
// the rest, then the cases on one side only.

import { oneLine } from './first-line.js';
import type { CaseComparison, Difference, RecordingComparison } from './recording-diff.js';

/** Differing cases listed one per line before the rest are counted. */
export const DIFFERING_SHOWN = 20;
/** Names listed per property or header difference before the rest are counted. */
const NAMES_SHOWN = 4;
/** Ids listed per one-side group before the rest are counted. */
const IDS_SHOWN = 5;

export function recordingComparisonLines(c: RecordingComparison, max = DIFFERING_SHOWN): string[] {
  const s = c.summary;
  const fields = Object.entries(s.byField)
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} ${n}`);
  const lines = [
    `fidelity against ${c.recorded.dir} (recorded ${c.recorded.recordedAt}): ${s.compared} cases compared, ${s.same} the same, ${s.differing} differ` +
      (fields.length ? ` (${fields.join(', ')})` : '') +
      (s.onlyRecorded ? `, ${s.onlyRecorded} only in the recording` : '') +
      (s.onlyNow ? `, ${s.onlyNow} only now` : '') +
      (s.notCompared ? `, ${s.notCompared} not compared (no call on one side)` : ''),
  ];
  const differing = c.cases.filter((x) => x.verdict === 'differs');
  for (const d of differing.slice(0, max))
    lines.push(`  ${oneLine(`${d.id}: ${d.differences!.map(text).join('; ')}`, 400)}`);
  if (differing.length > max)
    lines.push(`  … and ${differing.length - max} more differing cases (see recording-comparison.json)`);
  lines.push(
    ...idsLine('only in the recording', c.cases, 'only-recorded'),
    ...idsLine('only now', c.cases, 'only-now'),
  );
  return lines;
}

function text(d: Difference): string {
  if (d.field === 'exchanges') return `${d.recorded} calls recorded, ${d.now} now`;
  const where = `call ${d.exchange} ${d.field}`;
  if (d.missing || d.added)
    return [d.missing && `${where} missing ${names(d.missing)}`, d.added && `${where} added ${names(d.added)}`]
      .filter(Boolean)
      .join(', ');
  return `${where} ${d.recorded} → ${d.now}`;
}

function names(list: string[]): string {
  const shown = list.slice(0, NAMES_SHOWN).join(' ');
  return list.length > NAMES_SHOWN ? `${shown} (+${list.length - NAMES_SHOWN})` : shown;
}

function idsLine(label: string, cases: CaseComparison[], verdict: CaseComparison['verdict']): string[] {
  const ids = cases.filter((x) => x.verdict === verdict).map((x) => x.id);
  if (ids.length === 0) return [];
  const shown = ids.slice(0, IDS_SHOWN).join(', ');
  return [`  ${label}: ${shown}${ids.length > IDS_SHOWN ? ` and ${ids.length - IDS_SHOWN} more` : ''}`];
}
