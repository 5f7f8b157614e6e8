/**
 * One source in the options page's list: its name, whether it is the user's or built in, type,
 * country, aliases (the user's marked), its rating (tier, score, rationale, evidence, rater, and
 * the earlier ratings), and the actions on it: "Edit" (a user source's fields, or the user's
 * aliases of a built-in), "Rate" / "Change rating", "Delete" (a user source, after a
 * confirmation) or "Remove my aliases" (a built-in the user gave aliases).
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TIER_LABELS } from '../lib/model';
import { SOURCE_TYPE_LABELS } from '../lib/popup/labels';
import type { RegistryEntry } from '../lib/sources/merge-registry';
import { draftOfRating, type RatingDraft } from '../lib/sources/rating-input';
import { SourceForm, type SourceDraft, type SubmitOutcome } from './SourceForm';
import { SourceRatingDetails } from './SourceRatingDetails';
import { SourceRatingForm, type RatingSubmitOutcome } from './SourceRatingForm';

/** Props of `SourceEntry`. */
export type SourceEntryProps = {
  /** The source, merged with the user's row. */
  entry: RegistryEntry;
  /** Open with the edit form showing (the options page was opened to add a source already listed). */
  startEditing?: boolean;
  /** Store the edit; resolves how it went (the page announces it). */
  onSave(entry: RegistryEntry, draft: SourceDraft): Promise<SubmitOutcome>;
  /** Delete a user source, or remove the user's aliases of a built-in; resolves false on failure. */
  onRemove(entry: RegistryEntry): Promise<boolean>;
  /** Check and store a rating draft; resolves how it went (the page announces it). */
  onRate(entry: RegistryEntry, draft: RatingDraft): Promise<RatingSubmitOutcome>;
  /** The user's name from settings: "Rated by" starts with it when the source has no rater yet. */
  raterName: string;
};

type Mode = 'view' | 'edit' | 'rate' | 'confirm-delete';
/** The buttons the focus can return to after a mode change. */
type FocusTarget = 'edit' | 'rate' | 'cancel-delete';

/** The edit form's starting values for an entry. */
function draftOf(entry: RegistryEntry): SourceDraft {
  return {
    name: entry.source.name,
    aliases: entry.userAliases.join('\n'),
    type: entry.source.type,
    country: entry.source.country ?? '',
  };
}

/** `<li data-testid="registry-source" data-source-id data-origin>` with an `<article>` labelled by the name. */
export function SourceEntry({ entry, startEditing = false, onSave, onRemove, onRate, raterName }: SourceEntryProps) {
  const headingId = useId();
  const [mode, setMode] = useState<Mode>(startEditing ? 'edit' : 'view');
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const rateButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  /** Where the focus goes after the next mode change (none on first render). */
  const focusNext = useRef<FocusTarget | null>(null);

  // Prefilled from the popup with a source already listed: the page says so once the list is read.
  useEffect(() => {
    if (startEditing) setMode('edit');
  }, [startEditing]);

  // Focus moves before the browser paints, so it never lands on a button that is going away.
  useLayoutEffect(() => {
    const targets = { edit: editButton, rate: rateButton, 'cancel-delete': cancelDelete };
    const target = focusNext.current ? targets[focusNext.current].current : null;
    focusNext.current = null;
    target?.focus();
  }, [mode]);

  const switchTo = (next: Mode, focus: FocusTarget | null) => {
    focusNext.current = focus;
    setMode(next);
  };

  const { source, origin } = entry;
  const name = source.name;
  const tier = source.rating?.tier ?? 'unrated';
  const isUser = origin === 'user';

  const save = async (draft: SourceDraft): Promise<SubmitOutcome> => {
    const outcome = await onSave(entry, draft);
    if (outcome.ok) switchTo('view', 'edit');
    return outcome;
  };

  const rate = async (draft: RatingDraft): Promise<RatingSubmitOutcome> => {
    const outcome = await onRate(entry, draft);
    if (outcome.ok) switchTo('view', 'rate');
    return outcome;
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const removed = await onRemove(entry);
      // A deleted source leaves the list (the page moves the focus); a built-in stays.
      if (removed && !isUser) switchTo('view', 'edit');
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-testid="registry-source" data-source-id={entry.id} data-origin={origin} class="registry-source">
      <article aria-labelledby={headingId}>
        <header class="entry-header">
          <h3 id={headingId}>{name}</h3>
          <span class={`origin origin-${origin}`} data-testid="source-origin">
            {isUser ? 'yours' : 'built-in'}
          </span>
        </header>
        <dl class="facts">
          <div>
            <dt>Type</dt>
            <dd data-testid="source-type">{SOURCE_TYPE_LABELS[source.type]}</dd>
          </div>
          <div>
            <dt>Country</dt>
            <dd data-testid="source-country">{source.country ?? '—'}</dd>
          </div>
          <div>
            <dt>Rating</dt>
            <dd data-testid="source-tier" class={`tier tier-${tier}`}>
              {TIER_LABELS[tier]}
            </dd>
          </div>
          <div class="aliases">
            <dt>Aliases</dt>
            <dd data-testid="source-aliases">
              {entry.builtinAliases.length + entry.userAliases.length === 0 ? (
                'none'
              ) : (
                <ul class="alias-list">
                  {entry.builtinAliases.map((alias) => (
                    <li key={`b:${alias}`}>{alias}</li>
                  ))}
                  {entry.userAliases.map((alias) => (
                    <li key={`u:${alias}`} class="alias-yours" data-testid="user-alias">
                      {alias}
                      {!isUser && <span class="alias-mark"> (yours)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <SourceRatingDetails rating={source.rating} history={source.ratingHistory ?? []} />
        {mode === 'rate' ? (
          <SourceRatingForm
            sourceName={name}
            initial={draftOfRating(source.rating, raterName)}
            onSubmit={rate}
            onCancel={() => switchTo('view', 'rate')}
          />
        ) : mode === 'edit' ? (
          <SourceForm
            label={{ text: isUser ? `Edit ${name}` : `Your aliases for ${name}` }}
            fields={isUser ? 'source' : 'aliases'}
            initial={draftOf(entry)}
            submitLabel={isUser ? 'Save changes' : 'Save aliases'}
            aliasesNote={isUser ? undefined : builtinNote(entry)}
            onSubmit={save}
            onCancel={() => switchTo('view', 'edit')}
            autoFocus
          />
        ) : mode === 'confirm-delete' ? (
          <div
            class="confirm"
            role="group"
            aria-label={`Delete ${name}?`}
            onKeyDown={(event) => {
              if (event.key === 'Escape') switchTo('view', 'edit');
            }}
          >
            <p>
              Delete {name}?{source.rating ? ' Its rating goes with it.' : ''} Saved annotations keep the attributions they
              were saved with.
            </p>
            <div class="actions">
              <button type="button" class="danger" onClick={remove} aria-disabled={busy}>
                Yes, delete
              </button>
              <button type="button" class="secondary" ref={cancelDelete} onClick={() => switchTo('view', 'edit')}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button type="button" class="secondary" ref={editButton} onClick={() => switchTo('edit', null)}>
              Edit<span class="visually-hidden"> {name}</span>
            </button>
            <button type="button" class="secondary" ref={rateButton} onClick={() => switchTo('rate', null)}>
              {source.rating ? 'Change rating' : 'Rate'}
              <span class="visually-hidden"> {source.rating ? 'of ' : ''}{name}</span>
            </button>
            {isUser && (
              <button type="button" class="secondary" onClick={() => switchTo('confirm-delete', 'cancel-delete')}>
                Delete<span class="visually-hidden"> {name}</span>
              </button>
            )}
            {!isUser && entry.userAliases.length > 0 && (
              <button type="button" class="secondary" onClick={remove} aria-disabled={busy}>
                Remove my aliases<span class="visually-hidden"> from {name}</span>
              </button>
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/** What the aliases hint adds for a built-in: the name and aliases it already has. */
function builtinNote(entry: RegistryEntry): string {
  const shipped = [entry.source.name, ...entry.builtinAliases].map((a) => `“${a}”`).join(', ');
  return `${entry.source.name} is already found by ${shipped}.`;
}
