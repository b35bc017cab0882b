// The problems the configuration names for an environment and command-line options (none: []), for tests
// of what a setting refuses.

import { API_DEFINITIONS } from '../../src/apis/index.js';
import { loadConfig, type CliOverrides } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/config/types.js';

export function configProblems(env: Record<string, string>, cli: CliOverrides = {}): string[] {
  try {
    loadConfig(env, cli, API_DEFINITIONS);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
