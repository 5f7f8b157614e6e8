/**
 * The house rules of DESIGN.md, checked on the source tree: pure code touches no browser,
 * DOM or extension API; DOM code touches no extension API; only the background and extension
 * pages open Dexie.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    if (statSync(abs).isFile()) return [dir];
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => relative(ROOT, join(abs, f)));
}

/**
 * Code with comments and the contents of plain string literals removed, so a rule's name in a
 * JSDoc or a message ("…in this window.") does not trip the check. Import paths are kept.
 */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/(?<!from\s*)(['"])(?:\\.|(?!\1)[^\\\n])*\1/g, "''");
}

const PURE = ['lib/model.ts', 'lib/messages.ts', 'lib/page-url.ts', 'lib/detect', 'lib/anchor', 'lib/exchange', 'lib/eval', 'lib/popup', 'lib/sources', 'lib/library', 'lib/settings', 'lib/sync', 'lib/backup']
  .flatMap(sourceFiles)
  // dom-text.ts maps the DOM; run-sync.ts drives the store (Dexie) with the pure sync parts;
  // lib/backup/service.ts is the backup schedule's one file on the extension API.
  .filter((f) => !f.endsWith('dom-text.ts') && !f.endsWith('lib/sync/run-sync.ts') && f !== 'lib/backup/service.ts');
const DOM_ONLY = [...sourceFiles('lib/highlight'), ...sourceFiles('lib/anchor/dom-text.ts')];
const CONTENT = [...sourceFiles('entrypoints/claims.content'), ...sourceFiles('lib/page')];

const DOM_GLOBALS = /\b(document|window|navigator|location|localStorage|CSS|Highlight)\s*[.(]/;
const EXTENSION_API = /\bfrom\s+['"]wxt\/browser['"]|\bbrowser\.(runtime|tabs|storage|downloads)\b|\bchrome\.(runtime|tabs|storage|downloads)\b/;
const DEXIE = /\bfrom\s+['"]dexie['"]|lib\/store\//;

describe('source tree rules', () => {
  it('finds the pure modules it checks', () => {
    expect(PURE.length).toBeGreaterThan(3);
  });

  it.each(PURE)('%s is pure: no DOM, no extension API, no Dexie', (file) => {
    const text = code(file);
    expect(text).not.toMatch(DOM_GLOBALS);
    expect(text).not.toMatch(EXTENSION_API);
    expect(text).not.toMatch(DEXIE);
  });

  it.each(DOM_ONLY)('%s uses the DOM but no extension API', (file) => {
    expect(code(file)).not.toMatch(EXTENSION_API);
  });

  it.each(CONTENT)('%s (content script) never opens Dexie', (file) => {
    expect(code(file)).not.toMatch(DEXIE);
  });
});
