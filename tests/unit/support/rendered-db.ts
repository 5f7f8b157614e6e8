/**
 * The set-up shared by component tests that render into the document over a throwaway database:
 * a fresh db and an attached container before each test; after it, unmount, detach, delete.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';
import type { SourcemarkDb } from '../../../lib/store/db';
import { openTestDb } from './store-fixtures';

/**
 * Register the before/after hooks in the calling test file; `use` receives each test's db and
 * container (assign them to the file's `let`s).
 */
export function withRenderedDb(use: (db: SourcemarkDb, container: HTMLElement) => void): void {
  let db: SourcemarkDb;
  let container: HTMLElement;
  beforeEach(() => {
    db = openTestDb();
    container = document.createElement('div');
    document.body.append(container);
    use(db, container);
  });
  afterEach(async () => {
    render(null, container);
    container.remove();
    await db.delete();
  });
}
