// `npm run bench:html`: the size of index.html and the time to render it for runs of 1,000, 10,000 and 50,000
// cases (the 10,000-case run of test/browser/many-cases.ts: 1% failed, 1% observed, 3% skipped), the
// median of five renders after a warm-up, against the goal of 10,000 cases in under a second and 4 MB.
// Reported, not asserted: exit 0 whatever the figures, unless the goal is missed with --check.

import { renderHtml } from '../src/report/html.js';
import { manyCasesReport } from '../test/browser/many-cases.js';

const SIZES = [1_000, 10_000, 50_000];
const RENDERS = 5;
const GOAL = { cases: 10_000, ms: 1_000, bytes: 4_000_000 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let missed = false;
console.log('index.html render: cases, bytes, bytes a case, median render ms of 5 (after one warm-up)');
for (const n of SIZES) {
  const report = manyCasesReport(n);
  const bytes = Buffer.byteLength(renderHtml(report));
  const times = Array.from({ length: RENDERS }, () => {
    const start = performance.now();
    renderHtml(report);
    return performance.now() - start;
  });
  const ms = median(times);
  const verdict = n === GOAL.cases ? (ms < GOAL.ms && bytes < GOAL.bytes ? '  PASS' : '  FAIL') : '';
  if (verdict === '  FAIL') missed = true;
  console.log(
    `${String(n).padStart(6)}  ${String(bytes).padStart(10)}  ${String(Math.round(bytes / n)).padStart(5)}  ${ms.toFixed(0).padStart(6)} ms${verdict}`,
  );
}
console.log(`goal: ${GOAL.cases} cases in under ${GOAL.ms} ms and ${GOAL.bytes} bytes`);
if (missed && process.argv.includes('--check')) process.exitCode = 1;
