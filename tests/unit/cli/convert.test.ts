/**
 * `npm run convert`, run as a researcher runs it: a real process over real files, writing what
 * the golden files hold, and refusing bad input with the extension's own message and no output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/exchange/parse-import';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'exchange');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** The golden files' export time, 2025-03-04T05:06:07Z (SOURCE_DATE_EPOCH has whole seconds). */
const EPOCH = String(Date.parse('2025-03-04T05:06:07Z') / 1000);

function convert(args: string[], input?: string) {
  const run = spawnSync(TSX, [join(ROOT, 'cli', 'convert.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input,
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A golden file with the CLI's export time (whole seconds) in place of the golden one. */
const golden = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').replaceAll('2025-03-04T05:06:07.890Z', '2025-03-04T05:06:07.000Z');
const SAMPLE = join(FIXTURES, 'sample.sourcemark.json');

// Each case starts a Node process through tsx; on a loaded machine that alone can take seconds,
// so the cases get room instead of the default 5 s (they assert on output, never on speed).
describe('npm run convert', { timeout: 120_000 }, () => {
  it.each([
    ['csv', 'sample.csv'],
    ['claimreview', 'sample.claimreview.jsonld'],
  ])('writes --to %s to stdout, as the golden file', (format, file) => {
    const { status, stdout, stderr } = convert([SAMPLE, '--to', format, '--reviewer', 'Example Fact Desk', '--reviewer-url', 'https://factdesk.example']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(golden(file));
  });

  it('writes --to w3c into --out, and reads it back --to json (W3C in, native out)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcemark-convert-'));
    const out = join(dir, 'out.jsonld');
    expect(convert([SAMPLE, '--to', 'w3c', '--person', 'J. Kim', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(golden('sample.w3c.jsonld'));
    const back = convert([out, '--to', 'json']);
    expect(back.status).toBe(0);
    const original = parseImport(readFileSync(SAMPLE, 'utf8'));
    const converted = parseImport(back.stdout);
    if (!original.ok || !converted.ok) throw new Error('both should import');
    expect(converted.value.annotations).toEqual(original.value.annotations.filter((a) => a.deletedAt === undefined));
  });

  it('reads a schema version 1 file and writes the current version', () => {
    const { status, stdout } = convert([join(FIXTURES, 'v1-export.json'), '--to', 'json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).schemaVersion).toBe(2);
  });

  it('reads stdin with -, and exports a selection', () => {
    const { status, stdout } = convert(['-', '--to', 'csv', '--no-bom', '--source', 'telegram'], readFileSync(SAMPLE, 'utf8'));
    expect(status).toBe(0);
    expect(stdout.startsWith('id,')).toBe(true);
    expect(stdout.trim().split('\r\n')).toHaveLength(2);
  });

  it('on invalid input prints the extension’s message, exits non-zero and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sourcemark-convert-'));
    const input = join(dir, 'broken.json');
    const text = readFileSync(SAMPLE, 'utf8').replace('"exact": "Yonhap', '"exact": 7, "x": "Yonhap');
    writeFileSync(input, text);
    const out = join(dir, 'out.csv');
    const { status, stdout, stderr } = convert([input, '--to', 'csv', '--out', out]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const expected = parseImport(text);
    expect(expected.ok).toBe(false);
    expect(stderr).toBe(`${!expected.ok && expected.error.message}\n`);
    expect(stderr).toContain('annotations[1].target.selectors[0].exact (line ');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['broken.json']);
  });

  it('refuses a file from a newer schema version', () => {
    const { status, stderr } = convert(['-', '--to', 'csv'], readFileSync(SAMPLE, 'utf8').replace('"schemaVersion": 2', '"schemaVersion": 9'));
    expect(status).toBe(1);
    expect(stderr).toContain('written by a newer Sourcemark (schema version 9)');
  });

  it.each([
    [[], 'no input file given'],
    [[SAMPLE], 'say which format to write with --to'],
    [[SAMPLE, '--to', 'xml'], 'unknown format "xml"'],
    [[SAMPLE, '--to', 'csv', '--since', 'yesterday'], 'is not an ISO 8601 date'],
  ])('explains its usage: %j', (args, message) => {
    const { status, stderr } = convert(args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run --silent convert');
  });

  it('says which file it cannot read', () => {
    const { status, stderr } = convert([join(tmpdir(), 'no-such-file.json'), '--to', 'csv']);
    expect(status).toBe(1);
    expect(stderr).toContain('cannot read');
  });
});
