// Where does a mock differ from the API it stands in for? A fold over a run's results: each check verdict
// goes to the behaviour class its check judges (fidelity-classes) and to the operation it called (a flow's
// check to its step's operation); a documented behaviour is one (API, operation, class) with a verdict
// that judged it, and the mock reproduces it when no verdict of it failed. `observed` verdicts never count
// against the mock (no document states them): counted and listed apart. Pure: results in, data out.

import type { CaseResult, CheckResult } from '../model/types.js';
import { BEHAVIOUR_CLASSES, CLASS_LABELS, classOfCheck, type BehaviourClass } from './fidelity-classes.js';
import { oneLine } from './first-line.js';

export { BEHAVIOUR_CLASSES, CLASS_LABELS, type BehaviourClass } from './fidelity-classes.js';

/** Verdicts kept as evidence per operation and class (the rest are counted in `more`). */
export const EVIDENCE_SHOWN = 5;

/** What one verdict shows of a difference (or an observation), and how to see it again. */
export interface FidelityEvidence {
  caseId: string;
  check: string;
  verdict: 'failed' | 'known' | 'observed';
  /** For a flow: the step whose exchange the check judged. */
  step?: number;
  received?: string;
  documented?: string;
  pointer?: string;
  /** The verdict's message, one line. */
  message?: string;
  /** The case's curl line (a flow's: its first failing step's). */
  reproduce?: string;
  /** The command that runs the case again. */
  replay?: string;
}

/** One class of one operation that differs (or was observed to), with its evidence. */
export interface FidelityFinding {
  class: BehaviourClass;
  evidence: FidelityEvidence[];
  /** Further verdicts of the same kind, not kept as evidence. */
  more: number;
}

export type ClassVerdict = 'same' | 'differs' | 'not judged';

export interface OperationFidelity {
  api: string;
  /** The operation; `flow:<name>` for a flow check whose step names no operation. */
  operationId: string;
  classes: Record<BehaviourClass, ClassVerdict>;
  differences: FidelityFinding[];
  /** Where the mock differs from our reading only: never counted against it. */
  observations: FidelityFinding[];
}

export interface ClassFidelity {
  class: BehaviourClass;
  label: string;
  /** Behaviours of this class the run judged: (API, operation) pairs. */
  documented: number;
  reproduced: number;
  /** reproduced / documented; null when none was judged. */
  score: number | null;
  /** Observed verdicts of this class (never counted). */
  observed: number;
}

export interface Fidelity {
  /** The share of documented behaviours the mock reproduces; null when the run judged none. */
  score: number | null;
  documented: number;
  reproduced: number;
  /** Observed verdicts (never counted). */
  observed: number;
  classes: ClassFidelity[];
  operations: OperationFidelity[];
}

/** The targets a report ran against, as much as this needs of them. */
export interface ReportTargets {
  mode: 'mock' | 'live';
  target: Readonly<Record<string, { live: boolean; mock?: true } | { skipped: string } | undefined>>;
}

/** The run's targets are mocks: the embedded mock, or every configured URL declared a mock target. */
export function ranAgainstMocks(report: ReportTargets): boolean {
  if (report.mode === 'mock') return true;
  const ran = Object.values(report.target).filter((t): t is { live: boolean; mock?: true } => !!t && 'live' in t);
  return ran.length > 0 && ran.every((t) => t.mock === true);
}

interface Behaviour {
  api: string;
  operationId: string;
  judged: Map<BehaviourClass, { differs: CheckVerdict[]; observed: CheckVerdict[]; judged: boolean }>;
}
type CheckVerdict = { result: CaseResult; check: CheckResult };

export function fidelityOf(results: readonly CaseResult[]): Fidelity {
  const operations = new Map<string, Behaviour>();
  const apiOrder: string[] = [];
  for (const result of results) {
    if (result.kind === 'cleanup') continue; // the run's own housekeeping
    if (!apiOrder.includes(result.api)) apiOrder.push(result.api);
    for (const check of result.checks) {
      const cls = classOfCheck(check.name);
      if (!cls || check.status === 'skipped') continue;
      const operationId = operationOf(result, check);
      const key = JSON.stringify([result.api, operationId]);
      let op = operations.get(key);
      if (!op) operations.set(key, (op = { api: result.api, operationId, judged: new Map() }));
      let entry = op.judged.get(cls);
      if (!entry) op.judged.set(cls, (entry = { differs: [], observed: [], judged: false }));
      if (check.status === 'observed') entry.observed.push({ result, check });
      else entry.judged = true;
      if (check.status === 'failed' || check.status === 'known') entry.differs.push({ result, check });
    }
  }
  const ordered = [...operations.values()].sort(
    (a, b) => apiOrder.indexOf(a.api) - apiOrder.indexOf(b.api) || cmp(a.operationId, b.operationId),
  );
  const classes = BEHAVIOUR_CLASSES.map((cls): ClassFidelity => {
    const judged = ordered.map((o) => o.judged.get(cls)).filter((e) => e !== undefined);
    const documented = judged.filter((e) => e.judged).length;
    const reproduced = judged.filter((e) => e.judged && e.differs.length === 0).length;
    const observed = judged.reduce((n, e) => n + e.observed.length, 0);
    return {
      class: cls,
      label: CLASS_LABELS[cls],
      documented,
      reproduced,
      score: ratio(reproduced, documented),
      observed,
    };
  });
  const documented = classes.reduce((n, c) => n + c.documented, 0);
  const reproduced = classes.reduce((n, c) => n + c.reproduced, 0);
  return {
    score: ratio(reproduced, documented),
    documented,
    reproduced,
    observed: classes.reduce((n, c) => n + c.observed, 0),
    classes,
    operations: ordered.map(operationRow),
  };
}

/** A flow's check belongs to the operation of the step it judged, when the result names it; else to the flow. */
function operationOf(result: CaseResult, check: CheckResult): string {
  if (result.kind !== 'flow' || check.step === undefined) return result.operationId;
  return result.steps[check.step - 1]?.operationId || result.operationId;
}

function operationRow(op: Behaviour): OperationFidelity {
  const classes = Object.fromEntries(
    BEHAVIOUR_CLASSES.map((cls): [BehaviourClass, ClassVerdict] => {
      const e = op.judged.get(cls);
      return [cls, !e?.judged ? 'not judged' : e.differs.length > 0 ? 'differs' : 'same'];
    }),
  ) as Record<BehaviourClass, ClassVerdict>;
  const findings = (pick: (e: { differs: CheckVerdict[]; observed: CheckVerdict[] }) => CheckVerdict[]) =>
    BEHAVIOUR_CLASSES.flatMap((cls): FidelityFinding[] => {
      const e = op.judged.get(cls);
      const verdicts = e ? pick(e) : [];
      if (verdicts.length === 0) return [];
      const evidence = verdicts.slice(0, EVIDENCE_SHOWN).map(evidenceOf);
      return [{ class: cls, evidence, more: verdicts.length - evidence.length }];
    });
  return {
    api: op.api,
    operationId: op.operationId,
    classes,
    differences: findings((e) => e.differs),
    observations: findings((e) => e.observed),
  };
}

function evidenceOf({ result, check }: CheckVerdict): FidelityEvidence {
  return {
    caseId: result.id,
    check: check.name,
    verdict: check.status as FidelityEvidence['verdict'],
    ...(check.step !== undefined ? { step: check.step } : {}),
    ...(check.received !== undefined ? { received: check.received } : {}),
    ...(check.documented !== undefined ? { documented: check.documented } : {}),
    ...(check.pointer !== undefined ? { pointer: check.pointer } : {}),
    ...(check.message ? { message: oneLine(check.message) } : {}),
    ...(result.reproduce ? { reproduce: result.reproduce } : {}),
    ...(result.replay ? { replay: result.replay } : {}),
  };
}

const ratio = (n: number, of: number): number | null => (of === 0 ? null : n / of);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
