/**
 * `npm run --silent convert -- <input> --to json|w3c|csv|claimreview [--out <file>] [options]`
 *
 * Converts between Sourcemark's formats outside the browser, with the same pure lib/exchange code
 * the extension runs: reads a Sourcemark JSON export (any schema version up to the current one)
 * or W3C Web Annotation JSON-LD (recognised by content), validates it, and writes the chosen
 * format to stdout or `--out`. Invalid input: the extension's own message on stderr, exit 1,
 * nothing written (an `--out` file is written beside the target and renamed into place only
 * when complete, so a failure never leaves a partial file).
 *
 * Options:
 *   --out <file>          write there instead of stdout
 *   --reviewer <name>     ClaimReview `author` (an Organization; --reviewer-person for a Person)
 *   --reviewer-url <url>  the reviewer's web address
 *   --person <name>       W3C `creator` name of human judgements
 *   --no-bom              CSV without the UTF-8 byte-order mark
 *   --page <url> --source <id> --since <iso> --until <iso>   export a selection only
 * The export time is now, or SOURCE_DATE_EPOCH (seconds) when set, for reproducible output.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportChunks } from '../lib/exchange/export-chunks';
import { EXPORT_FORMATS, isExportFormat } from '../lib/exchange/formats';
import { parseImport } from '../lib/exchange/parse-import';
import { selectionPredicate, type ExportSelection } from '../lib/exchange/selection';
import type { Annotation } from '../lib/model';

const USAGE = `Usage: npm run --silent convert -- <input.json|input.jsonld|-> --to ${EXPORT_FORMATS.join('|')} [--out <file>]
  [--reviewer <name> [--reviewer-person] [--reviewer-url <url>]] [--person <name>] [--no-bom]
  [--page <url>] [--source <id>] [--since <iso date>] [--until <iso date>]`;

function usage(problem?: string): never {
  if (problem) process.stderr.write(`sourcemark convert: ${problem}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseCli>;
function parseCli() {
  return parseArgs({
    args: process.argv.slice(2).filter((arg, index) => !(arg === '--' && index === 0)),
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      out: { type: 'string' },
      reviewer: { type: 'string' },
      'reviewer-person': { type: 'boolean' },
      'reviewer-url': { type: 'string' },
      person: { type: 'string' },
      'no-bom': { type: 'boolean' },
      page: { type: 'string' },
      source: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  parsed = parseCli();
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [input, ...extra] = positionals;
if (input === undefined) usage('no input file given');
if (extra.length > 0) usage(`one input file at a time (also got ${extra.join(', ')})`);
if (values.to === undefined) usage('say which format to write with --to');
const format = values.to;
if (!isExportFormat(format)) usage(`unknown format "${format}"; choose one of ${EXPORT_FORMATS.join(', ')}`);

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const epoch = process.env.SOURCE_DATE_EPOCH;
const now = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();

let text: string;
try {
  text = input === '-' ? await new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    process.stdin.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts).toString('utf8'))).on('error', reject);
  }) : await readFile(input, 'utf8');
} catch (error) {
  process.stderr.write(`sourcemark convert: cannot read ${input}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const imported = parseImport(text);
if (!imported.ok) {
  process.stderr.write(`${imported.error.message}\n`);
  process.exit(1);
}

const selection: ExportSelection = {
  // A native conversion is a backup: it keeps tombstones. The other formats leave them out anyway.
  includeDeleted: format === 'json',
  ...(values.page === undefined ? {} : { url: values.page }),
  ...(values.source === undefined ? {} : { sourceId: values.source }),
  ...(values.since === undefined ? {} : { from: values.since }),
  ...(values.until === undefined ? {} : { to: values.until }),
};
let keep: (annotation: Annotation) => boolean;
try {
  keep = selectionPredicate(selection);
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}

const chunks = exportChunks(
  format,
  { annotations: imported.value.annotations.filter(keep), sources: imported.value.sources },
  {
    version,
    now,
    ...(values.person === undefined ? {} : { person: { name: values.person } }),
    ...(values.reviewer === undefined
      ? {}
      : {
          reviewer: {
            '@type': values['reviewer-person'] ? 'Person' : 'Organization',
            name: values.reviewer,
            ...(values['reviewer-url'] === undefined ? {} : { url: values['reviewer-url'] }),
          },
        }),
    ...(values['no-bom'] ? { bom: false } : {}),
  },
);

try {
  if (values.out === undefined) {
    await pipeline(Readable.from(chunks), process.stdout);
  } else {
    // Write beside the target, then rename: a failure midway never leaves a partial file.
    const partial = join(dirname(values.out), `.${basename(values.out)}.${process.pid}.partial`);
    try {
      await pipeline(Readable.from(chunks), createWriteStream(partial));
      await rename(partial, values.out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }
} catch (error) {
  process.stderr.write(`sourcemark convert: cannot write ${values.out ?? 'to stdout'}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
