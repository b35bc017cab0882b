// Wall-clock marks of a run's phases, read by `npm run bench` for its breakdown of a cold start: each
// mark is the time since the process started (performance.now(), whose origin is the process's start),
// so the first one also holds Node's start and the loading of the code. Nothing is written unless
// CONFORMANCE_TIMINGS names a file (writeTimings).

export interface PhaseMark {
  /** The phase that ended at this mark, e.g. `specs validated`. */
  phase: string;
  /** Milliseconds since the process started. */
  at: number;
}

const marks: PhaseMark[] = [];

/** Marks the end of a phase. */
export function markPhase(phase: string): void {
  marks.push({ phase, at: performance.now() });
}

/** The marks so far, in order. */
export function phaseMarks(): readonly PhaseMark[] {
  return marks;
}

/** The variable naming the file the CLI writes its marks to (JSON) when the run ends. */
export const TIMINGS_ENV = 'CONFORMANCE_TIMINGS';
