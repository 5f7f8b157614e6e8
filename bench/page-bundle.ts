/** Bundling benchmark code for an extension page, shared by bench/library.ts and bench/exchange.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root: the bundle's imports are relative to it (`./lib/store/db`). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `contents` (TypeScript importing the project's modules from the root) bundled into one script
 * for Chromium. It is evaluated over the DevTools protocol, so the page's CSP (no inline
 * scripts) does not apply.
 */
export async function bundleForPage(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
