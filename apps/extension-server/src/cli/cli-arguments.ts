import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses a CLI's options, turning a usage mistake into a message and exit code 2 instead of a stack trace. */
export function parseCliArguments<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}
