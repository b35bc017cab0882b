// How many generated inputs per operation: `--depth quick|standard|deep`, or `--max-cases N`.

export const DEPTHS = { quick: 5, standard: 20, deep: 100 } as const;
export const DEFAULT_MAX_CASES = DEPTHS.quick;
