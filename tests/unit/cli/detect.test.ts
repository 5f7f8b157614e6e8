/**
 * The researchers' command line, run as they run it: a real process over real files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectionJson } from '../../../lib/exchange/detection-json';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function detect(...files: string[]) {
  const run = spawnSync(TSX, [join(ROOT, 'cli', 'detect.ts'), ...files], { encoding: 'utf8', cwd: ROOT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case starts Node through tsx, which alone can take seconds on a loaded machine.
describe('npm run detect', { timeout: 120_000 }, () => {
  it('prints one JSON document for a text file, offsets pointing into the text it prints', () => {
    const { status, stdout } = detect(join(FIXTURES, 'seed-article.txt'));
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as DetectionJson;
    expect(out.text).toBe(readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8'));
    expect(out.claims.length).toBe(8);
    for (const claim of out.claims) {
      expect(out.text.slice(claim.start, claim.end)).toBe(claim.text);
      for (const a of claim.attributions) {
        expect(Object.keys(a).sort()).toEqual(['cue', 'cueStance', 'end', 'reportedBy', 'source', 'sourceText', 'speaker', 'start']);
        if (a.sourceText !== null) expect(out.text.slice(a.start, a.end)).toBe(a.sourceText);
      }
    }
    const first = out.claims[0]?.attributions[0];
    expect(first).toMatchObject({ source: { id: 'kcna', name: 'KCNA', type: 'state-media' }, sourceText: 'KCNA', cue: 'said', cueStance: 'neutral', reportedBy: null });
  });

  it('analyses an HTML file as the content script would: article text only, no headline, no sidebar', () => {
    const { status, stdout } = detect(join(FIXTURES, 'seed-article.html'));
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as DetectionJson;
    expect(out.text).toContain('state agency KCNA said on Wednesday.');
    expect(out.text).not.toContain('Most read');
    expect(out.text).not.toContain('pageScriptRan');
    expect(out.claims.map((c) => c.attributions[0]?.source?.name ?? c.attributions[0]?.sourceText)).toEqual([
      'KCNA',
      'KCNA',
      'Yonhap',
      'Telegram',
      'Telegram',
      'TASS',
      'American authorities',
      'Pyongyang’s official media',
    ]);
  });

  it('prints JSON Lines with a file field for several files, and reports an unreadable one without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcemark-cli-'));
    const other = join(dir, 'wire.txt');
    writeFileSync(other, 'The ministry denied the report, Interfax said.');
    const missing = join(dir, 'missing.txt');
    const { status, stdout, stderr } = detect(join(FIXTURES, 'seed-article.txt'), missing, other);
    expect(status).not.toBe(0);
    expect(stderr).toContain(`cannot analyse ${missing}`);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as DetectionJson & { file: string });
    expect(lines.map((l) => l.file)).toEqual([join(FIXTURES, 'seed-article.txt'), other]);
    expect(lines[1]?.claims[0]?.attributions.map((a) => a.source?.name ?? a.sourceText)).toContain('Interfax');
  });

  it('explains its usage when given no file', () => {
    const { status, stderr } = detect();
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: npm run --silent detect');
  });
});
