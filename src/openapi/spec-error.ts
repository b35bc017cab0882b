// A problem in a spec file, located by file and, where known, line/column and JSON pointer.

export interface SpecLocation {
  file: string;
  pointer?: string;
  line?: number;
  column?: number;
}

export interface SpecProblem extends SpecLocation {
  message: string;
  rule: string;
  severity: 'error' | 'warning';
}

/** Thrown when a spec cannot be used at all (malformed YAML, broken $ref, invalid OpenAPI). */
export class SpecError extends Error {
  readonly code = 'SPEC_ERROR';
  constructor(readonly problems: SpecProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SpecError';
  }
}

export function formatProblem(p: SpecProblem): string {
  const place = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const pointer = p.pointer !== undefined ? ` #${p.pointer}` : '';
  return `${place}${pointer}: ${p.severity} ${p.message} [${p.rule}]`;
}
