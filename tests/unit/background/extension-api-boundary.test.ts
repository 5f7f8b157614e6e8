/**
 * lib/background keeps the extension API in one file (download.ts), so the request handler stays
 * testable with plain fakes. (lib/exchange's purity is checked by tests/unit/structure.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'lib/background');

/** The code without comments, so a comment may mention "the browser". */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const EXTENSION_API = /from\s+['"](?:wxt\/browser|webextension-polyfill|@wxt-dev\/browser)['"]|(?<![.\w$])(?:browser|chrome)\s*(?:\.|\[|\?\.)/;

describe('lib/background', () => {
  const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(DIR, f));

  it('has download.ts, the one file allowed the extension API', () => {
    expect(files.map((f) => relative(DIR, f))).toContain('download.ts');
  });

  it('touches the extension API only in download.ts', () => {
    const offenders = files
      .filter((file) => relative(DIR, file) !== 'download.ts' && EXTENSION_API.test(code(file)))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
