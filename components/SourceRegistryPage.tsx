/**
 * The options page's "Sources": every source Sourcemark recognises (the built-in registry
 * merged with the user's stored rows), a search over names and aliases, a form to add a source
 * of one's own, and per source "Edit", "Rate" (tier, score, rationale, evidence, rater; earlier
 * ratings kept as history) and "Delete" / "Remove my aliases"; and "Your name", which signs
 * ratings (kept in the settings, in storage.local). Reads the db with
 * liveQuery, so it follows changes made in other extension pages, and writes through the
 * store's repository. What is saved reaches every page opened or reloaded afterwards (the
 * content script asks for the stored sources when it starts).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { builtinSources, sourceIdFor } from '../lib/detect';
import { TIER_LABELS, type Source, type SourceRating } from '../lib/model';
import { messageOf } from '../lib/popup/ports';
import { filterRegistry, mergeRegistry, type RegistryEntry } from '../lib/sources/merge-registry';
import type { SourcePrefill } from '../lib/sources/prefill';
import type { PagesNotified } from '../lib/sources/notify-pages';
import { sameJudgement } from '../lib/sources/rating-history';
import { RatingInputError, ratingFromDraft, type RatingDraft } from '../lib/sources/rating-input';
import { SourceInputError, splitAliasList } from '../lib/sources/source-input';
import { withRaterName } from '../lib/settings/settings';
import type { SettingsStore } from '../lib/settings/storage';
import type { SourcemarkDb } from '../lib/store/db';
import { deleteUserSource, listStoredSources, rateSource, saveUserSource, type UserSourceInput } from '../lib/store/sources';
import { SourceRaterName } from './SourceRaterName';
import { SourceEntry } from './SourceEntry';
import { EMPTY_DRAFT, SourceForm, type SourceDraft, type SubmitOutcome } from './SourceForm';
import type { RatingSubmitOutcome } from './SourceRatingForm';
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
  /** Where "Your name" (the rater name) is kept; without it the page has no name field. */
  settings?: SettingsStore;
  /** Tell open pages that ratings changed, so their tags follow at once; without it they follow on reload. */
  notifyPages?: () => Promise<PagesNotified>;
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
export function SourceRegistryPage({ db, prefill, now = () => new Date(), settings, notifyPages }: SourceRegistryPageProps) {
  const addHeadingId = useId();
  const listHeadingId = useId();
  const searchId = useId();
  const status = useStatus();
  const [query, setQuery] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [raterName, setRaterName] = useState('');

  useEffect(() => {
    if (!settings) return;
    const controller = new AbortController();
    settings.load().then(
      (loaded) => {
        if (!controller.signal.aborted) setRaterName(loaded.raterName ?? '');
      },
      (error: unknown) => status.announce('error', `Couldn't read your name from the settings: ${messageOf(error)}`),
    );
    settings.watch((next) => setRaterName(next.raterName ?? ''), controller.signal);
    return () => controller.abort();
  }, [settings]);
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

  /** Check and store a rating; a refusal keeps the draft and names the field; the same judgement again stores nothing. */
  const rate = async (entry: RegistryEntry, draft: RatingDraft): Promise<RatingSubmitOutcome> => {
    const name = entry.source.name;
    const at = now();
    let rating: SourceRating;
    try {
      rating = ratingFromDraft(draft, at);
    } catch (error) {
      const message = messageOf(error);
      status.announce('error', `Couldn't save the rating of ${name}: ${message} What you typed is kept.`);
      return { ok: false, field: error instanceof RatingInputError ? error.field : undefined, message };
    }
    const current = entry.source.rating;
    if (current && sameJudgement(current, rating)) {
      status.announce('info', `The rating of ${name} is unchanged; nothing to save.`);
      return { ok: true };
    }
    const builtin = entry.origin === 'builtin';
    // A built-in's stored row only overlays the user's additions, so it starts with no aliases.
    const ref = { id: entry.id, name, type: entry.source.type, builtin, aliases: builtin ? [] : [...entry.source.aliases] };
    try {
      await rateSource(db, ref, rating, at);
    } catch (error) {
      const message = messageOf(error);
      status.announce('error', `Couldn't save the rating of ${name}: ${message} What you typed is kept; try again.`);
      return { ok: false, message };
    }
    const earlier = current ? ' The earlier rating is in its rating history.' : '';
    const saved = `Saved the rating of ${name}: ${TIER_LABELS[rating.tier]}.${earlier}`;
    if (!notifyPages) {
      status.announce('success', `${saved} ${WHEN_IT_APPLIES}`);
      return { ok: true };
    }
    try {
      await notifyPages();
      status.announce('success', `${saved} Open pages show it now.`);
    } catch (error) {
      status.announce('success', `${saved} Open pages show it once reloaded (they could not be told: ${messageOf(error)}).`);
    }
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
        {settings && (
          <SourceRaterName
            name={raterName}
            onSave={async (name) => {
              try {
                const saved = await settings.update((current) => withRaterName(current, name));
                setRaterName(saved.raterName ?? '');
              } catch (error) {
                status.announce('error', `Couldn't save your name: ${messageOf(error)} What you typed is kept.`);
                return false;
              }
              status.announce('success', name.trim() ? 'Saved your name. New ratings are signed with it.' : 'Saved: new ratings are not signed.');
              return true;
            }}
          />
        )}
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
                      onRate={rate}
                      raterName={raterName}
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
