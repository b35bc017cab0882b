// A fidelity report (src/report/fidelity.ts) as console lines: the compact table a run against a declared
// mock ends with (each behaviour class, reproduced/documented, then the score), and for `conformance
// fidelity` each operation's differences with their evidence and repro. Pure: lines in, no I/O.
//
//   fidelity of the mock (documented behaviours reproduced):
//     authentication enforced  0/12
//     state kept               9/10
//     paging                   not judged
//   fidelity score: 0.786 (33 of 42); 2 observed verdicts not counted

import type { Fidelity, FidelityEvidence } from './fidelity.js';
import { CLASS_LABELS } from './fidelity-classes.js';
import { oneLine } from './first-line.js';

/** The score cut (never rounded up) to three decimals: 0.9996 reads 0.999, never 1.000. */
export function scoreText(score: number | null): string {
  return score === null ? 'not judged' : (Math.floor(score * 1000) / 1000).toFixed(3);
}

/** The compact table: one row per class, then the score. */
export function fidelityTable(f: Fidelity): string[] {
  const width = Math.max(...f.classes.map((c) => c.label.length));
  const rows = f.classes.map(
    (c) =>
      `  ${c.label.padEnd(width)}  ${c.documented === 0 ? 'not judged' : `${c.reproduced}/${c.documented}${c.reproduced < c.documented ? '  differs' : ''}`}`,
  );
  const observed = f.observed ? `; ${f.observed} observed verdict${f.observed === 1 ? '' : 's'} not counted` : '';
  return [
    'fidelity of the mock (documented behaviours reproduced):',
    ...rows,
    `fidelity score: ${scoreText(f.score)} (${f.reproduced} of ${f.documented})${observed}`,
  ];
}

/** Each operation that differs: the classes, each with its evidence (verdict, received, documented) and repro. */
export function differenceLines(f: Fidelity): string[] {
  const differing = f.operations.filter((o) => o.differences.length > 0);
  if (differing.length === 0)
    return ['differences: none; the mock reproduces every documented behaviour the run judged'];
  const lines = [`differences (${differing.length} operation${differing.length === 1 ? '' : 's'}):`];
  for (const op of differing) {
    lines.push(`  ${op.api} ${op.operationId}`);
    for (const d of op.differences) {
      lines.push(`    ${CLASS_LABELS[d.class]}: differs`);
      for (const e of d.evidence) lines.push(...evidenceLines(e));
      if (d.more > 0) lines.push(`      ... and ${d.more} more (see results.json)`);
    }
  }
  return lines;
}

function evidenceLines(e: FidelityEvidence): string[] {
  const facts = [
    e.received !== undefined ? `received ${e.received}` : '',
    e.documented !== undefined ? `documented ${e.documented}` : '',
    e.pointer ? `at ${e.pointer}` : '',
  ]
    .filter(Boolean)
    .join(' / ');
  const what = oneLine(facts || e.message || '');
  const where = `${e.caseId}${e.step !== undefined ? ` step ${e.step}` : ''}`;
  const lines = [
    `      ${where} ${e.check}${e.verdict === 'known' ? ' (known deviation)' : ''}${what ? `: ${what}` : ''}`,
  ];
  if (e.reproduce)
    lines.push(...e.reproduce.split('\n').map((l, i) => `        ${i === 0 ? 'reproduce: ' : '  '}${l}`));
  if (e.replay) lines.push(`        replay: ${e.replay}`);
  return lines;
}

/** How many observations there are, where to read them: never counted against the mock. */
export function observationNote(f: Fidelity): string[] {
  const ops = f.operations.filter((o) => o.observations.length > 0).length;
  if (f.observed === 0) return [];
  return [
    `observations: ${f.observed} verdict${f.observed === 1 ? '' : 's'} on ${ops} operation${ops === 1 ? '' : 's'} differ from our reading only (never counted; see results.json or index.html)`,
  ];
}
