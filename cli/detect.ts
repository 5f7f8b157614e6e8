/**
 * `npm run --silent detect -- <file.txt|file.html> [more files]`
 *
 * Prints the claims and attributions Sourcemark finds: for one file, one JSON document; for
 * several, one JSON object per line (JSON Lines) with a `file` field. A file that cannot be read
 * gets a message on stderr and a non-zero exit; the other files are still processed.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { detectClaims } from '../lib/detect';
import { toDetectionJson, type DetectionJson } from '../lib/exchange/detection-json';
import { htmlToText } from './html-text';

const USAGE = 'Usage: npm run --silent detect -- <file.txt|file.html> [more files]';

/** Analyse one file: HTML through the content script's text extraction, anything else as plain text. */
async function analyse(file: string): Promise<DetectionJson> {
  const raw = await readFile(file, 'utf8');
  const isHtml = /^\.x?html?$/i.test(extname(file)) || /^\s*<(!doctype|html)/i.test(raw);
  const text = isHtml ? htmlToText(raw) : raw;
  return toDetectionJson(text, detectClaims(text));
}

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
  console.error(USAGE);
  process.exit(files.length === 0 ? 2 : 0);
}

let failures = 0;
for (const file of files) {
  try {
    const result = await analyse(file);
    process.stdout.write(files.length === 1 ? `${JSON.stringify(result, null, 2)}\n` : `${JSON.stringify({ file, ...result })}\n`);
  } catch (error) {
    failures += 1;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sourcemark detect: cannot analyse ${file}: ${reason}\n`);
  }
}
process.exit(failures > 0 ? 1 : 0);
