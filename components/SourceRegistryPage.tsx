/**
 * The options page's "Sources": every source Sourcemark recognises (the built-in registry
 * merged with the user's stored rows), a search over names and aliases, a form to add a source
 * of one's own, and per source "Edit" and "Delete" / "Remove my aliases". Reads the db with
 * liveQuery, so it follows changes made in other extension pages, and writes through the
 * store's repository. What is saved reaches every page opened or reloaded afterwards (the
 * content script asks for the stored sources when it starts).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { builtinSources, sourceIdFor } from '../lib/detect';
import type { Source } from '../lib/model';
import { messageOf } from '../lib/popup/ports';
import { filterRegistry, mergeRegistry, type RegistryEntry } from '../lib/sources/merge-registry';
import type { SourcePrefill } from '../lib/sources/prefill';
import { SourceInputError, splitAliasList } from '../lib/sources/source-input';
import type { SourcemarkDb } from '../lib/store/db';
import { deleteUserSource, listStoredSources, saveUserSource, type UserSourceInput } from '../lib/store/sources';
import { SourceEntry } from './SourceEntry';
import { EMPTY_DRAFT, SourceForm, type SourceDraft, type SubmitOutcome } from './SourceForm';
import { StatusRegion, useStatus } from './StatusRegion';
import { useLiveQuery } from './use-live-query';

/** Props of `SourceRegistryPage`. */
export type SourceRegistryPageProps = {
  /** The open Sourcemark database. */
  db: SourcemarkDb;
  /** What the "Add a source" form starts with (from the popup's "Add to my sources"), if anything. */
  prefill: SourcePrefill | null;
  /** The clock for `updatedAt`; the system clock by default. */
  now?: () => Date;
};

/** Said after every save: when the change shows on pages. */
const WHEN_IT_APPLIES = 'Pages you open or reload from now on use it.';

/** The repository input for a draft of `entry` (or of a new source). */
function inputOf(draft: SourceDraft, entry?: RegistryEntry): UserSourceInput {
  return {
    ...(entry ? { id: entry.id } : {}),
    name: draft.name,
    aliases: splitAliasList(draft.aliases),
    type: draft.type,
    country: draft.country,
  };
}

/** "1 source", "3 of 70 sources". */
function countLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'source' : 'sources';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

/** The options page's source registry view. */
export function SourceRegistryPage({ db, prefill, now = () => new Date() }: SourceRegistryPageProps) {
  const addHeadingId = useId();
  const listHeadingId = useId();
  const searchId = useId();
  const status = useStatus();
  const [query, setQuery] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const stored = useLiveQuery<Source[]>(() => listStoredSources(db), [db]);
  const entries = useMemo(
    () => (stored.status === 'ready' ? mergeRegistry(builtinSources, stored.value) : []),
    [stored],
  );
  const visible = useMemo(() => filterRegistry(entries, query), [entries, query]);

  // A prefilled name that is already listed opens that entry's edit form instead of adding a twin.
  const prefillId = prefill ? sourceIdFor(prefill.name) : null;
  const [editFirst, setEditFirst] = useState<string | null>(null);
  const prefillHandled = useRef(false);
  useEffect(() => {
    if (!prefill || prefillHandled.current || stored.status !== 'ready') return;
    prefillHandled.current = true;
    const listed = entries.find((e) => e.id === prefillId || sourceIdFor(e.source.name) === prefillId);
    if (listed) {
      setEditFirst(listed.id);
      setQuery(listed.source.name);
      status.announce('info', `${listed.source.name} is already one of the sources: edit it below.`);
    }
  }, [stored]);
  const addInitial = useMemo<SourceDraft>(
    () => (prefill ? { ...EMPTY_DRAFT, name: prefill.name, type: prefill.type ?? EMPTY_DRAFT.type } : EMPTY_DRAFT),
    [],
  );

  /** Store a draft; announce the outcome; a refusal keeps the draft and names the field. */
  const save = async (draft: SourceDraft, entry?: RegistryEntry): Promise<SubmitOutcome> => {
    const what = entry?.source.name ?? (draft.name.trim() || 'the source');
    let saved: Source;
    try {
      saved = await saveUserSource(db, inputOf(draft, entry), now());
    } catch (error) {
      const message = messageOf(error);
      status.announce('error', `Couldn't save ${what}: ${message} What you typed is kept.`);
      return { ok: false, field: error instanceof SourceInputError ? error.field : undefined, message };
    }
    status.announce(
      'success',
      entry && entry.origin === 'builtin'
        ? `Saved your aliases for ${saved.name}. ${WHEN_IT_APPLIES}`
        : `Saved ${saved.name}. ${WHEN_IT_APPLIES}`,
    );
    return { ok: true };
  };

  const remove = async (entry: RegistryEntry): Promise<boolean> => {
    const name = entry.source.name;
    try {
      await deleteUserSource(db, entry.id, now());
    } catch (error) {
      status.announce('error', `Couldn't ${entry.origin === 'user' ? 'delete' : 'remove your aliases from'} ${name}: ${messageOf(error)}`);
      return false;
    }
    if (entry.origin === 'user') {
      status.announce('success', `Deleted ${name}.`);
      listHeading.current?.focus();
    } else {
      const rated = entry.source.rating ? ' Your rating of it stays.' : '';
      status.announce('success', `Removed your aliases from ${name}.${rated}`);
    }
    return true;
  };

  return (
    <div class="registry">
      <header class="registry-header">
        <h1>Sources</h1>
        <p class="intro">
          The sources Sourcemark recognises when it marks who a claim comes from. Add your own, or the words your texts
          use for a built-in source: yours win over the built-in ones on every page you open or reload afterwards.
        </p>
      </header>
      <main>
        <section class="add-source" aria-labelledby={addHeadingId}>
          <h2 id={addHeadingId}>Add a source</h2>
          {prefill && !editFirst && (
            <p class="hint" data-testid="prefill-note">
              Filled in from the page you were reading. Change the name to the source’s usual one, and keep the page’s
              words as an alias.
            </p>
          )}
          <SourceForm
            label={{ labelledBy: addHeadingId }}
            fields="source"
            initial={addInitial}
            submitLabel="Add source"
            onSubmit={(draft) => save(draft)}
            resetOnSave
            autoFocus={prefill !== null}
          />
        </section>
        <section class="source-list" aria-labelledby={listHeadingId}>
          <h2 id={listHeadingId} ref={listHeading} tabIndex={-1}>
            All sources
          </h2>
          <div class="field search">
            <label for={searchId}>Search sources</label>
            <input
              id={searchId}
              type="search"
              value={query}
              placeholder="Name or alias"
              autocomplete="off"
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          {stored.status === 'loading' && <p data-testid="registry-loading">Loading your sources…</p>}
          {stored.status === 'failed' && (
            <p class="page-error" data-testid="registry-error">
              Couldn't read your stored sources: {stored.error.message}
            </p>
          )}
          {stored.status === 'ready' && (
            <>
              <p class="count" aria-live="polite" data-testid="registry-count">
                {countLabel(visible.length, entries.length)}
              </p>
              {visible.length === 0 ? (
                <p data-testid="registry-empty">No source has a name or alias with “{query.trim()}”.</p>
              ) : (
                <ul class="entries">
                  {visible.map((entry) => (
                    <SourceEntry
                      key={entry.id}
                      entry={entry}
                      startEditing={entry.id === editFirst}
                      onSave={(e, draft) => save(draft, e)}
                      onRemove={remove}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
      </main>
      <footer class="registry-footer">
        <StatusRegion message={status.message} />
      </footer>
    </div>
  );
}
