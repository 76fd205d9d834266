/** Names of the subcommands. Any other first operand is a path to lint. */
export const SUBCOMMANDS = ['runtimes', 'rules', 'explain', 'hook'] as const;

export type Subcommand = (typeof SUBCOMMANDS)[number];

/** A command-line argument that is neither an option nor an option's value. */
export interface Operand {
  value: string;
  /** Position in the argument list the operand was found in. */
  index: number;
}

/** Tells whether `value` names a subcommand. */
export function isSubcommand(value: string): value is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(value);
}

/**
 * Lists the operands in `args` (the arguments after the program name) that come before `--`.
 * `optionsWithValue` contains the flags that take a separate value, such as `--runtime` and `-o`, so
 * their values are skipped. `--runtime=x` and `-ofile` carry their value in the same argument.
 */
export function findOperands(args: readonly string[], optionsWithValue: ReadonlySet<string>): Operand[] {
  const operands: Operand[] = [];

  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--') {
      break;
    }

    if (arg.startsWith('-') && arg !== '-') {
      if (optionsWithValue.has(arg)) {
        index += 1;
      }
      continue;
    }

    operands.push({ value: arg, index });
  }
  return operands;
}
