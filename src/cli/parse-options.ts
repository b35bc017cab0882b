// Small option parsers shared by the subcommands.

import { InvalidArgumentError } from 'commander';
import { DEPTHS } from '../cases/depths.js';

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return Number(value);
}

/** A whole number, 0 or more; its range is the setting's own, checked with the variable's (load-config). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError('must be a whole number, 0 or more');
  return Number(value);
}

/** For repeatable options: `--api a --api b`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535');
  return n;
}

export function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

/** `--depth quick|standard|deep` → generated inputs per operation. */
export function parseDepth(value: string): number {
  const n = DEPTHS[value as keyof typeof DEPTHS];
  if (n === undefined) throw new InvalidArgumentError(`must be one of ${Object.keys(DEPTHS).join(', ')}`);
  return n;
}
