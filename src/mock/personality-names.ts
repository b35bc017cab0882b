// The mock's personalities by name (personality.ts says what each does); kept apart so the CLI can
// parse `--personality` without loading the mock.

export type Personality = 'default' | 'lenient' | 'strict';
export const PERSONALITIES: readonly Personality[] = ['default', 'lenient', 'strict'];
