/** Command-line plumbing shared by the benchmark scripts. */
import { pathToFileURL } from 'node:url';

/** The value after `name` in `args` (`--n 1000` → "1000"), or undefined when `name` is absent. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Run `main` when the module at `moduleUrl` (its `import.meta.url`) is the script node was started
 * with, not when it is imported (bench/exchange.ts imports bench/library.ts); a failure is printed
 * and sets a failing exit code.
 */
export function runWhenEntry(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
