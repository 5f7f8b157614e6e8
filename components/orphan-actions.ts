/**
 * What the popup does with an orphan (a saved annotation its page no longer holds): delete it
 * (a tombstone, with an undo) or re-attach it to the text selected on the page. Each action says
 * in the status line what happened and answers whether it worked.
 */
import type { Annotation } from '../lib/model';
import type { OrphanEntry } from '../lib/popup/anchoring';
import { excerpt } from '../lib/popup/labels';
import { messageOf, type PagePort } from '../lib/popup/ports';
import { reattachAnnotation } from '../lib/popup/reattach-orphan';
import { deleteAnnotation, restoreAnnotations, saveAnnotation } from '../lib/store/annotations';
import type { SourcemarkDb } from '../lib/store/db';
import type { StatusTone } from './StatusRegion';

/** What the orphan actions need from the popup. */
export type OrphanActionDeps = {
  db: SourcemarkDb;
  page: Pick<PagePort, 'selectionSelectors'>;
  /** This page's live annotations, or null while they load. */
  annotations: readonly Annotation[] | null;
  announce(tone: StatusTone, text: string): void;
  /** Tell the page to redraw and, with `reread`, read it again (so the orphan list follows). */
  notifyPage(done: string, reread?: boolean): void;
};

/** The orphan list's handlers. */
export type OrphanActions = {
  /** Tombstone the annotation; true when deleted. */
  onDelete(entry: OrphanEntry): Promise<boolean>;
  /** Bring a just-deleted annotation back; true when restored. */
  onUndoDelete(entry: OrphanEntry): Promise<boolean>;
  /** Move the annotation onto the page's selected text; true when moved. */
  onReattach(entry: OrphanEntry): Promise<boolean>;
};

const quoted = (entry: OrphanEntry) => (entry.quote ? `“${excerpt(entry.quote)}”` : 'the annotation');

/** The orphan actions over the popup's db, page and status line. */
export function orphanActions({ db, page, annotations, announce, notifyPage }: OrphanActionDeps): OrphanActions {
  return {
    async onDelete(entry) {
      try {
        await deleteAnnotation(db, entry.annotationId);
      } catch (error) {
        announce('error', `Couldn't delete ${quoted(entry)}: ${messageOf(error)}. Nothing was changed.`);
        return false;
      }
      announce('success', `Deleted the annotation on ${quoted(entry)}. Undo brings it back.`);
      return true;
    },
    async onUndoDelete(entry) {
      try {
        const restored = await restoreAnnotations(db, [entry.annotationId]);
        if (restored.length === 0) throw new Error('it is no longer deleted, or no longer stored');
      } catch (error) {
        announce('error', `Couldn't bring back the annotation on ${quoted(entry)}: ${messageOf(error)}.`);
        return false;
      }
      const done = `Restored the annotation on ${quoted(entry)}`;
      announce('success', `${done}.`);
      notifyPage(done, true);
      return true;
    },
    async onReattach(entry) {
      const stored = annotations?.find((a) => a.id === entry.annotationId);
      if (!stored) {
        announce('error', `Couldn't re-attach ${quoted(entry)}: its saved annotation is not loaded or was deleted. Reopen the popup.`);
        return false;
      }
      const picked = await page.selectionSelectors();
      if (!picked.ok) {
        announce('error', `Nothing re-attached. ${picked.error}`);
        return false;
      }
      try {
        const now = new Date();
        await saveAnnotation(db, reattachAnnotation(stored, picked.value, now), now);
      } catch (error) {
        announce('error', `Couldn't re-attach ${quoted(entry)}: ${messageOf(error)}. Nothing was changed.`);
        return false;
      }
      const done = `Re-attached the annotation to “${excerpt(picked.value[0].exact)}”`;
      announce('success', `${done}.`);
      notifyPage(done, true);
      return true;
    },
  };
}
