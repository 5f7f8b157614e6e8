/**
 * A fingerprint of the data a backup holds, to tell "nothing changed since the last backup"
 * whatever changed: an edit, a deletion, an import or sync that wrote older timestamps. A count
 * and the newest `updatedAt` would miss the last two; a hash of the content does not.
 * Format-agnostic: it hashes the data, not a file, so every format shares it.
 *
 * Pure: Web Crypto only, which the service worker, extension pages and Node all have.
 */
import type { ExportData } from './formats';

/** SHA-256 of the annotations and sources (in the order the store reads them), as hex. */
export async function fingerprintOf(data: ExportData): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([data.annotations, data.sources]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
