// Exit codes of the `conformance` command.

export const EXIT = {
  /** Everything passed. */
  OK: 0,
  /** A check or lint rule failed. */
  FAILED: 1,
  /** Usage, configuration or spec error: nothing could be checked. */
  USAGE: 2,
} as const;
