/**
 * Bringing a Sourcemark export of an earlier schema version up to the current one, one version
 * at a time, before it is validated; refusing versions this release does not know. Pure.
 *
 * - 1 → 2: version 2 only added optional fields (rating history, sharing flags, source
 *   tombstones, conflict history), so a version-1 document is already a valid version-2 one.
 */
import { SCHEMA_VERSION } from '../model';
import { describeValue, type ImportErrorCode, type PathSegment } from './import-error';

/** One step: a document of version `n` in, version `n + 1` out. Never mutates its input. */
type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

/** The step from each version to the next; a new version adds its step here. */
const UPGRADES: Record<number, Upgrade> = {
  1: (doc) => ({ ...doc, schemaVersion: 2 }),
};

/** The oldest version an import still reads. */
export const OLDEST_SCHEMA_VERSION = 1;

/** The document at the current version, or why it cannot be. */
export type UpgradeResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: ImportErrorCode; problem: string; path: PathSegment[] };

/** Upgrade a parsed export to `SCHEMA_VERSION`; a newer or unknown version is refused, not half-read. */
export function upgradeExport(doc: Record<string, unknown>): UpgradeResult {
  const version = doc.schemaVersion;
  const path = ['schemaVersion'];
  if (version === undefined) return { ok: false, code: 'invalid', problem: 'is missing (every Sourcemark export says its schema version)', path };
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, code: 'invalid', problem: `expected a whole number, got ${describeValue(version)}`, path };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      code: 'unsupported-version',
      problem: `this file was written by a newer Sourcemark (schema version ${version}); this version reads schema versions ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}. Update Sourcemark, then import the file again`,
      path,
    };
  }
  if (version < OLDEST_SCHEMA_VERSION) {
    return { ok: false, code: 'unsupported-version', problem: `schema version ${version} does not exist; Sourcemark exports start at ${OLDEST_SCHEMA_VERSION}`, path };
  }
  let current = doc;
  for (let at = version; at < SCHEMA_VERSION; at += 1) {
    const step = UPGRADES[at];
    if (!step) return { ok: false, code: 'unsupported-version', problem: `no upgrade from schema version ${at}`, path };
    current = step(current);
  }
  return { ok: true, value: current };
}
