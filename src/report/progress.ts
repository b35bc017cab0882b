// The progress counter a run shows while cases finish, with the total: on a terminal one line rewritten
// in place; elsewhere (a CI log) a plain line at a steady pace: every quarter of the cases, and every few
// seconds while cases finish (at least every half minute while none does), so a log is never silent.

/** A plain line at most this often while cases finish. */
export const PROGRESS_EVERY_MS = 10_000;
/** A quarter of the cases done prints a line, unless one was printed this recently (a fast run stays short). */
export const PROGRESS_MIN_GAP_MS = 2_000;
/** A plain line at least this often, even when no case finished (the run is still alive). */
export const PROGRESS_IDLE_MS = 30_000;

export interface ProgressOptions {
  /** Cases the run will report; undefined when unknown. */
  total: number | undefined;
  write: (text: string) => void;
  /** A terminal: rewrite one line in place. */
  tty: boolean;
  now?: () => number;
  /** Start a timer so a CI log gets lines while no case finishes (off in tests that drive `tick`). */
  timer?: boolean;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private lastLineAt: number;
  private lastLineDone = 0;
  private shownWidth = 0;
  private readonly now: () => number;
  private readonly interval: NodeJS.Timeout | undefined;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.lastLineAt = this.now();
    this.interval =
      options.timer !== false && !options.tty ? setInterval(() => this.tick(), PROGRESS_EVERY_MS) : undefined;
    this.interval?.unref();
  }

  /** `412/1130 cases, 3 failed`. */
  text(): string {
    const total = this.options.total;
    return `${this.done}${total !== undefined ? `/${total}` : ''} cases, ${this.failed} failed`;
  }

  /** One case finished. */
  add(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    if (this.options.tty) return this.rewrite();
    const total = this.options.total;
    const quarter = total ? Math.max(1, Math.ceil(total / 4)) : undefined;
    const crossed = quarter !== undefined && Math.floor(this.done / quarter) > Math.floor(this.lastLineDone / quarter);
    const since = this.now() - this.lastLineAt;
    if ((crossed && since >= PROGRESS_MIN_GAP_MS) || since >= PROGRESS_EVERY_MS) this.line();
  }

  /** The timer's turn: a line when cases finished since the last one, or when it has been quiet long. */
  tick(): void {
    if (this.options.tty) return;
    const since = this.now() - this.lastLineAt;
    if ((this.done > this.lastLineDone && since >= PROGRESS_EVERY_MS) || since >= PROGRESS_IDLE_MS) this.line();
  }

  /** The run is over: stop the timer and clear the terminal's line. */
  end(): void {
    if (this.interval) clearInterval(this.interval);
    if (this.options.tty && this.shownWidth > 0) this.options.write(`\r${' '.repeat(this.shownWidth)}\r`);
    this.shownWidth = 0;
  }

  private line(): void {
    this.options.write(`  ${this.text()}\n`);
    this.lastLineAt = this.now();
    this.lastLineDone = this.done;
  }

  private rewrite(): void {
    const text = `  ${this.text()}`;
    this.options.write(`\r${text}${' '.repeat(Math.max(0, this.shownWidth - text.length))}`);
    this.shownWidth = text.length;
  }
}
