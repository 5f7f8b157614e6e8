/**
 * `npm run eval`: score `detectClaims` on the hand-labelled attribution corpus, next to a
 * cue-word-regex floor, overall and per style.
 *
 *   npx tsx scripts/eval.ts [--dir <folder>] [--json] [--errors]
 *
 *   --dir <folder>  evaluate another corpus folder in the same format (default tests/fixtures/attribution)
 *   --json          print the figures (and, with --errors, the error list) as JSON
 *   --errors        list every false positive, false negative and attribution mistake with its sentence
 *
 * Exit status: 0 whatever the figures; 2 when the corpus is malformed (each problem is named by
 * file and sentence) or the arguments are wrong.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DetectedClaim, Source } from '../lib/model';
import { buildDocument, corpusStats, CorpusError, formatIssue, loadCorpusDir, type CorpusStats, type LoadedDocument } from '../lib/eval/corpus';
import { floorClaims, scoreDocument, summarise, type DocumentResult, type EvalError, type Metrics } from '../lib/eval/score';

/** The signature of `detectClaims` in lib/detect/index.ts. */
type Detect = (text: string, options: { userSources?: readonly Source[] }) => DetectedClaim[];

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_DIR = resolve(ROOT, 'tests/fixtures/attribution');
const USAGE = 'usage: npx tsx scripts/eval.ts [--dir <folder>] [--json] [--errors]';

function parseArgs(argv: readonly string[]): { dir: string; json: boolean; errors: boolean } {
  let dir = DEFAULT_DIR;
  let json = false;
  let errors = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--errors') errors = true;
    else if (arg === '--dir' || arg.startsWith('--dir=')) {
      const value = arg === '--dir' ? argv[++i] : arg.slice('--dir='.length);
      if (!value) usageError('--dir needs a folder');
      dir = resolve(value);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usageError(`unknown argument ${JSON.stringify(arg)}`);
  }
  return { dir, json, errors };
}

function usageError(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Load the detector lazily so a broken detector still leaves the floor and a clear message. */
async function loadDetector(): Promise<{ detect: Detect | null; problem: string | null }> {
  try {
    const mod = (await import('../lib/detect/index')) as { detectClaims?: unknown };
    if (typeof mod.detectClaims !== 'function') return { detect: null, problem: 'lib/detect/index.ts does not export detectClaims' };
    return { detect: mod.detectClaims as Detect, problem: null };
  } catch (e) {
    return { detect: null, problem: `lib/detect/index.ts failed to load: ${(e as Error).stack ?? String(e)}` };
  }
}

type Run = { results: DocumentResult[]; failures: { file: string; message: string }[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
/** A claim with usable offsets (the scorer needs nothing else). */
const isClaim = (c: unknown): c is DetectedClaim => isObject(c) && Number.isFinite(c.start) && Number.isFinite(c.end);
/** An attribution with usable offsets and a label. */
const isAttribution = (a: unknown): a is DetectedClaim['attributions'][number] =>
  isObject(a) && Number.isFinite(a.start) && Number.isFinite(a.end) && typeof a.label === 'string';

function runDetector(documents: readonly LoadedDocument[], detect: Detect): Run {
  const results: DocumentResult[] = [];
  const failures: Run['failures'] = [];
  for (const { file, doc } of documents) {
    const built = buildDocument(doc);
    let claims: DetectedClaim[] = [];
    try {
      const output: unknown = detect(built.text, { userSources: [] });
      if (!Array.isArray(output)) throw new Error('detectClaims did not return an array');
      claims = output.filter(isClaim).map((c) => ({ ...c, attributions: Array.isArray(c.attributions) ? c.attributions.filter(isAttribution) : [] }));
      if (claims.length !== output.length) failures.push({ file, message: `${output.length - claims.length} malformed claim(s) ignored` });
    } catch (e) {
      failures.push({ file, message: (e as Error).message ?? String(e) });
      claims = [];
    }
    results.push(scoreDocument(built, claims, file, doc.style));
  }
  return { results, failures };
}

function runFloor(documents: readonly LoadedDocument[]): DocumentResult[] {
  return documents.map(({ file, doc }) => {
    const built = buildDocument(doc);
    return scoreDocument(built, floorClaims(built), file, doc.style);
  });
}

// ── text report ─────────────────────────────────────────────────────────────

const f3 = (x: number): string => x.toFixed(3);
const prfCell = (m: Metrics, k: 'sentence' | 'attribution'): string => `${f3(m[k].precision)} / ${f3(m[k].recall)} / ${f3(m[k].f1)}`;
const accCell = (m: Metrics, k: 'type' | 'cueStance' | 'chain'): string =>
  m[k].accuracy === null ? '—' : `${f3(m[k].accuracy)} (${m[k].correct}/${m[k].total})`;

function table(title: string, stats: CorpusStats | undefined, det: Metrics | undefined, floor: Metrics): string[] {
  const head = stats
    ? `${title}: ${stats.documents} docs, ${stats.sentences - stats.optional} scored sentences (${stats.claims} claims, ${stats.negatives} negatives; ${stats.optional} optional), ${stats.attributions} attributions`
    : title;
  const rows: [string, string, string][] = [
    ['sentences P / R / F1', det ? prfCell(det, 'sentence') : 'n/a', prfCell(floor, 'sentence')],
    ['  tp / fp / fn', det ? `${det.sentence.tp} / ${det.sentence.fp} / ${det.sentence.fn}` : 'n/a', `${floor.sentence.tp} / ${floor.sentence.fp} / ${floor.sentence.fn}`],
    ['attributions P / R / F1', det ? prfCell(det, 'attribution') : 'n/a', prfCell(floor, 'attribution')],
    ['  tp / fp / fn', det ? `${det.attribution.tp} / ${det.attribution.fp} / ${det.attribution.fn}` : 'n/a', `${floor.attribution.tp} / ${floor.attribution.fp} / ${floor.attribution.fn}`],
    ['type accuracy', det ? accCell(det, 'type') : 'n/a', '—'],
    ['cue-stance accuracy', det ? accCell(det, 'cueStance') : 'n/a', '—'],
    ['chain accuracy', det ? accCell(det, 'chain') : 'n/a', '—'],
  ];
  return [head, ...rows.map(([name, a, b]) => `  ${name.padEnd(26)}${a.padEnd(28)}${b}`)];
}

/** One line per style: corpus size, sentence P/R/F1 (detector and floor), the detector's attribution figures. */
function styleTable(
  stats: Record<string, CorpusStats>,
  det: Record<string, Metrics> | undefined,
  floor: Record<string, Metrics>,
): string[] {
  const p3 = (m: Metrics['sentence']): string => `${f3(m.precision)}/${f3(m.recall)}/${f3(m.f1)}`;
  const acc = (a: Metrics['type']): string => (a.accuracy === null ? '—' : f3(a.accuracy));
  const header = [
    'per style'.padEnd(16),
    'docs'.padStart(4),
    'scored'.padStart(7),
    'claims'.padStart(7),
    '  ',
    'detector sent P/R/F1'.padEnd(20),
    'floor sent P/R/F1'.padEnd(20),
    'detector attr P/R/F1'.padEnd(20),
    'type'.padEnd(7),
    'stance',
  ].join(' ');
  const rows = Object.keys(floor).map((style) => {
    const st = stats[style]!;
    const d = det?.[style];
    return [
      style.padEnd(16),
      String(st.documents).padStart(4),
      String(st.sentences - st.optional).padStart(7),
      String(st.claims).padStart(7),
      '  ',
      (d ? p3(d.sentence) : 'n/a').padEnd(20),
      p3(floor[style]!.sentence).padEnd(20),
      (d ? p3(d.attribution) : 'n/a').padEnd(20),
      (d ? acc(d.type) : 'n/a').padEnd(7),
      d ? acc(d.cueStance) : 'n/a',
    ].join(' ');
  });
  return [header, ...rows];
}

const ERROR_LABEL: Record<EvalError['kind'], string> = {
  'false-positive': 'FALSE POSITIVE',
  'false-negative': 'FALSE NEGATIVE',
  'missed-attribution': 'MISSED ATTRIBUTION',
  'spurious-attribution': 'SPURIOUS ATTRIBUTION',
  'wrong-type': 'WRONG TYPE',
  'wrong-stance': 'WRONG CUE STANCE',
  'wrong-chain': 'WRONG CHAIN',
  'stray-claim': 'STRAY CLAIM (outside every labelled sentence)',
};

function errorLines(results: readonly DocumentResult[]): string[] {
  const all = results.flatMap((r) => r.errors);
  const tally = Object.entries(
    all.reduce<Record<string, number>>((acc, e) => ((acc[e.kind] = (acc[e.kind] ?? 0) + 1), acc), {}),
  )
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [``, `detector errors: ${all.length ? tally : 'none'}`];
  for (const r of results) {
    if (r.errors.length === 0) continue;
    lines.push(``, `── ${r.file} (${r.style})`);
    for (const e of r.errors) {
      lines.push(`  ${ERROR_LABEL[e.kind]} ${e.where}: ${JSON.stringify(e.sentence)}`);
      if (e.expected) lines.push(`      expected: ${e.expected}`);
      if (e.predicted) lines.push(`      detected: ${e.predicted}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let loaded: ReturnType<typeof loadCorpusDir>;
  try {
    loaded = loadCorpusDir(args.dir);
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    console.error(`eval: the corpus in ${args.dir} is malformed:`);
    for (const issue of e.issues) console.error(`  ${issue.fatal ? 'error' : 'warning'}: ${formatIssue(issue)}`);
    process.exit(2);
  }
  const { documents, issues } = loaded;
  for (const issue of issues) console.error(`eval: warning: ${formatIssue(issue)}`);

  const stats = corpusStats(documents);
  const { detect, problem } = await loadDetector();
  if (problem) console.error(`eval: ${problem}\neval: reporting the floor only.`);
  const run = detect ? runDetector(documents, detect) : null;
  for (const f of run?.failures ?? []) console.error(`eval: detectClaims threw on ${f.file}: ${f.message} (scored as no claims)`);
  const det = run ? summarise(run.results) : null;
  const floor = summarise(runFloor(documents));
  const dirLabel = relative(process.cwd(), args.dir) || '.';

  if (args.json) {
    const out = {
      corpus: { dir: dirLabel, ...stats },
      detector: det
        ? {
            ...det,
            failures: run!.failures,
            ...(args.errors ? { errors: run!.results.flatMap((r) => r.errors) } : {}),
          }
        : { error: problem },
      floor,
      warnings: issues.map(formatIssue),
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }

  const o = stats.overall;
  const lines = [
    `Sourcemark attribution eval — corpus ${dirLabel}`,
    `${o.documents} documents, ${o.sentences} sentences: ${o.claims} claims, ${o.negatives} negatives, ${o.optional} optional (not scored); ${o.attributions} labelled attributions`,
    `floor = any sentence containing said/says/told/according to/reported/claimed/stated/posted/announced (no attributions)`,
    ``,
    `${''.padEnd(28)}${'detector'.padEnd(28)}floor`,
    ...table('overall', o, det?.overall, floor.overall),
  ];
  lines.push('', ...styleTable(stats.byStyle, det?.byStyle, floor.byStyle));
  if (args.errors && run) lines.push(...errorLines(run.results));
  console.log(lines.join('\n'));
}

await main();
