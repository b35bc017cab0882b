// Small option parsers shared by the subcommands.

import { InvalidArgumentError } from 'commander';

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return Number(value);
}

/** For repeatable options: `--api a --api b`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
