/**
 * The popup: the current tab's detected claims, grouped by source, where the user annotates
 * claims and rates sources. It reads the db directly (extension pages may) with liveQuery, so
 * it follows changes made in other extension pages; it reaches the page and the background only
 * through the ports it is given, so tests run it without a browser.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TIER_LABELS, type Annotation, type CredibilityTier, type Source } from '../lib/model';
import { fail, type ExportSummary, type PageClaim, type PageSnapshot, type Result } from '../lib/messages';
import type { SourcemarkDb } from '../lib/store/db';
import { annotationsForPage, deleteAnnotation, saveAnnotation } from '../lib/store/annotations';
import { listStoredSources, rateSource } from '../lib/store/sources';
import { orphanEntries } from '../lib/popup/anchoring';
import { buildAnnotation } from '../lib/popup/build-annotation';
import type { FirstScreenData } from '../lib/popup/early-read';
import { undoDismissal } from '../lib/popup/undo-dismissal';
import { BUILTIN_SOURCES } from '../lib/detect/registry';
import { chooseSource, sameSource } from '../lib/sources/choose-source';
import { mergeRegistry } from '../lib/sources/merge-registry';
import { groupClaims, type ClaimGroup } from '../lib/popup/group-claims';
import { countOf, excerpt } from '../lib/popup/labels';
import { annotationMatcher } from '../lib/popup/match-annotation';
import { messageOf, type ExportPort, type OptionsPort, type PagePort, type ShortcutPort } from '../lib/popup/ports';
import { ShortcutHint } from './ShortcutHint';
import { buildRating, sourceRefForGroup } from '../lib/popup/rate-source';
import { withEverywhere, withSite, type Settings } from '../lib/settings/settings';
import type { SettingsStorageApi, SettingsStore } from '../lib/settings/storage';
import type { ExportRunner } from '../lib/store/exchange-export';
import type { BackupStore } from '../lib/backup/storage';
import { BackupStatusLine } from './BackupStatusLine';
import { SHOW_ON_PAGE_HINT_ID, SOURCE_OPTIONS_ID, type ClaimDraft } from './ClaimCard';
import { CorrectionList, DISMISSED_HEADING } from './CorrectionList';
import { ExportDisclosure } from './ExportDisclosure';
import { ExportPanel } from './ExportPanel';
import { SyncStatusLine } from './SyncStatusLine';
import { shareSource } from '../lib/store/sharing';
import { HighlightSwitches, highlightsOffMessage } from './HighlightSwitches';
import { OrphanList } from './OrphanList';
import { orphanActions } from './orphan-actions';
import { PopupShortcuts } from './PopupShortcuts';
import { pure } from './pure';
import { SourceGroup } from './SourceGroup';
import { StatusRegion, useStatus } from './StatusRegion';
import { subscribeLiveQuery, useLiveQuery, type LiveQueryState } from './use-live-query';
import { useAfterPaint } from './use-after-paint';
import { useRevealedCount } from './use-revealed-count';

/** What PopupApp needs from the world. */
export type PopupAppProps = {
  /** The open Sourcemark database. */
  db: SourcemarkDb;
  /** The target tab's content script. */
  page: PagePort;
  /** Export everything as Sourcemark JSON. */
  exportJson: ExportPort;
  /** Runs exports in the popup (this page's annotations, other formats); without it only "Export JSON" is offered. */
  exporter?: ExportRunner;
  /** Open the options page to add an unresolved source to the user's sources. */
  openOptions: OptionsPort;
  /** The highlight switches, in `storage.local`. */
  settings: SettingsStore;
  /** Backup settings and state, for the footer's "Last backup" line; no line without it. */
  backups?: BackupStore;
  /** Where the team sync settings are: given, the footer shows the sync status line while sync is on. */
  syncStorage?: Pick<SettingsStorageApi, 'local'>;
  /** The browser's current keyboard shortcut of a command (the footer lists it); absent: not listed. */
  shortcut?: ShortcutPort;
  /**
   * The page's snapshot, its saved annotations and the stored sources, read as the popup opened
   * (lib/popup/early-read.ts): the first render shows them. The popup still asks the page (the
   * first `page.getSnapshot()` should answer this same snapshot) and follows the database live.
   */
  firstScreen?: FirstScreenData;
};

/** Shown whenever the page's content script can't be asked: the usual causes, and what to do. */
export const CANNOT_READ_PAGE = "Sourcemark can't read this page — reload it, or it is a browser page.";

type SnapshotState = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; snapshot: PageSnapshot };


/** The popup's root component. */
export function PopupApp({ db, page, exportJson, exporter, openOptions, settings, syncStorage, backups, shortcut, firstScreen: early }: PopupAppProps) {
  const [snapshotState, setSnapshotState] = useState<SnapshotState>(early ? { status: 'ready', snapshot: early.snapshot } : { status: 'loading' });
  const status = useStatus();
  const announce = status.announce;
  const [exporting, setExporting] = useState(false);
  const [stored, setStored] = useState<Settings | null>(null);
  const [savingSettings, setSavingSettings] = useState(false);
  /** The start of the claim just marked "not a claim": focus follows it to its Undo button. */
  const [dismissedNow, setDismissedNow] = useState<number | null>(null);
  /** Bumped to read the page again (after a switch changed what it shows). */
  const [snapshotVersion, setSnapshotVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    settings.load().then(
      (loaded) => {
        if (!controller.signal.aborted) setStored(loaded);
      },
      (error: unknown) => announce('error', `Couldn't read the highlight switches: ${messageOf(error)}`),
    );
    settings.watch(setStored, controller.signal);
    return () => controller.abort();
  }, [settings]);

  /** The saved annotations of the page's URL, followed live; see the effect below. */
  const [annotations, setAnnotations] = useState<LiveQueryState<Annotation[]>>(early ? { status: 'ready', value: early.annotations } : { status: 'loading' });
  /** The URL `annotations` holds the annotations of (null: none yet). */
  const annotationsUrl = useRef<string | null>(early ? early.snapshot.url : null);
  /** The URL `annotations` follows, and how to stop following it. */
  const following = useRef<{ url: string; stop: () => void } | null>(null);
  useEffect(() => () => following.current?.stop(), []);

  useEffect(() => {
    let current = true;
    page.getSnapshot().then(
      (result) => {
        if (!current) return;
        // The page's annotations are asked for here, as its URL arrives, not after the render
        // this answer causes: that render and the query overlap. A re-read of the same URL
        // keeps the subscription (and the annotations shown) it already has.
        const url = result.ok ? result.value.url : null;
        if (following.current?.url !== url) {
          following.current?.stop();
          following.current = null;
          // The annotations read as the popup opened stay until the live query answers.
          if (annotationsUrl.current !== url) setAnnotations({ status: 'loading' });
          annotationsUrl.current = url;
          if (url !== null) following.current = { url, stop: subscribeLiveQuery(() => annotationsForPage(db, url), setAnnotations) };
        }
        setSnapshotState(result.ok ? { status: 'ready', snapshot: result.value } : { status: 'failed', error: result.error });
      },
      (error: unknown) => {
        if (current) setSnapshotState({ status: 'failed', error: messageOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [page, db, snapshotVersion]);

  const snapshot = snapshotState.status === 'ready' ? snapshotState.snapshot : null;
  const sources = useLiveQuery<Source[]>(() => listStoredSources(db), [db], early?.sources);

  const groups = useMemo(() => (snapshot ? groupClaims(snapshot.claims.filter((c) => !c.dismissed)) : []), [snapshot]);
  const dismissed = useMemo(() => (snapshot ? snapshot.claims.filter((c) => c.dismissed) : []), [snapshot]);
  /**
   * The registry the Source fields pick from: built-in sources merged with the user's. Built on
   * first use (the datalist, after the first screen; a save), not in the first render.
   */
  const registry = useMemo(() => {
    let merged: ReturnType<typeof mergeRegistry> | null = null;
    return () => (merged ??= mergeRegistry(BUILTIN_SOURCES, sources.status === 'ready' ? sources.value : []));
  }, [sources]);
  const storedById = useMemo(
    () => new Map((sources.status === 'ready' ? sources.value : []).map((s) => [s.id, s])),
    [sources],
  );
  const tierOf = (sourceId: string): CredibilityTier | undefined => storedById.get(sourceId)?.rating?.tier;
  /** Signs ratings made here ("Your name" on the options page). */
  const raterName = stored?.raterName;
  /** Each claim's stored annotation; the stored quotes are normalised once per answer of the live query. */
  const matchAnnotation = useMemo(() => (annotations.status === 'ready' ? annotationMatcher(annotations.value) : null), [annotations]);
  const annotationOf = (claim: PageClaim): Annotation | undefined => matchAnnotation?.(claim);

  /**
   * Tell the page to redraw; a failure there is reported, but the save itself stands. With
   * `reread`, the page is read again once redrawn (a correction changes which claims it has).
   */
  const notifyPage = (saved: string, reread = false) => {
    page.notifyChanged().then(
      () => {
        if (reread) setSnapshotVersion((v) => v + 1);
      },
      (error: unknown) => {
        announce('info', `${saved}, but the page's marks didn't update (${messageOf(error)}). Reload the page to see them.`);
      },
    );
  };

  const saveClaim = async (claim: PageClaim, existing: Annotation | undefined, draft: ClaimDraft): Promise<boolean> => {
    if (!snapshot) return false;
    const what = `the annotation on “${excerpt(claim.text)}”`;
    let corrected = false;
    try {
      const now = new Date();
      const chosen = chooseSource(draft.source, registry());
      const source = chosen && !sameSource(claim.attributions, chosen) ? chosen : null;
      const annotation = buildAnnotation({
        claim,
        existing,
        note: draft.note,
        verdict: draft.verdict,
        source,
        shared: draft.shared,
        page: { url: snapshot.url, title: snapshot.title },
        now,
      });
      await saveAnnotation(db, annotation, now);
      corrected = source !== null || draft.verdict === 'not-a-claim';
    } catch (error) {
      announce('error', `Couldn't save ${what}: ${messageOf(error)}. Your note, source and verdict are kept; try again.`);
      return false;
    }
    const done = draft.verdict === 'not-a-claim' ? `Saved: “${excerpt(claim.text)}” is not a claim. It is listed under ${DISMISSED_HEADING}` : `Saved ${what}`;
    announce('success', `${done}.`);
    if (draft.verdict === 'not-a-claim') setDismissedNow(claim.start);
    notifyPage(done, corrected);
    return true;
  };

  const undoCorrection = async (claim: PageClaim): Promise<boolean> => {
    const existing = annotationOf(claim);
    const what = `“not a claim” on “${excerpt(claim.text)}”`;
    if (!existing) {
      announce('error', `Couldn't undo ${what}: its saved annotation is gone. Reload the page.`);
      return false;
    }
    try {
      const now = new Date();
      const undo = undoDismissal(existing, now);
      if (undo.action === 'delete') await deleteAnnotation(db, existing.id, now);
      else await saveAnnotation(db, undo.annotation, now);
    } catch (error) {
      announce('error', `Couldn't undo ${what}: ${messageOf(error)}. Try again.`);
      return false;
    }
    setDismissedNow(null);
    const done = `Undone: “${excerpt(claim.text)}” is a claim again`;
    announce('success', `${done}.`);
    notifyPage(done, true);
    return true;
  };

  const saveRating = async (group: ClaimGroup, tier: CredibilityTier, rationale: string): Promise<boolean> => {
    const stored = storedById.get(group.sourceId);
    const ref = sourceRefForGroup(group, stored);
    try {
      const now = new Date();
      await rateSource(db, ref, buildRating(tier, rationale, stored?.rating, now, raterName), now);
    } catch (error) {
      announce('error', `Couldn't save the rating of ${ref.name}: ${messageOf(error)}. Your choice is kept; try again.`);
      return false;
    }
    const saved = `Saved the rating of ${ref.name}: ${TIER_LABELS[tier]}`;
    announce('success', `${saved}.`);
    notifyPage(saved);
    return true;
  };

  const shareWithTeam = async (group: ClaimGroup, shared: boolean): Promise<boolean> => {
    const ref = sourceRefForGroup(group, storedById.get(group.sourceId));
    try {
      await shareSource(db, ref, shared);
    } catch (error) {
      announce('error', `Couldn't change the sharing of ${ref.name}: ${messageOf(error)}.`);
      return false;
    }
    announce('success', shared ? `${ref.name} and its rating will be shared with your team.` : `${ref.name} stays on this device.`);
    return true;
  };

  const showClaim = (start: number) => {
    page.showClaim(start).catch((error: unknown) => {
      announce('error', `Couldn't show the claim on the page: ${messageOf(error)}`);
    });
  };

  const addSource = (group: ClaimGroup) => {
    openOptions({ name: group.name, type: group.type }).catch((error: unknown) => {
      announce('error', `Couldn't open Sourcemark's sources page: ${messageOf(error)}`);
    });
  };

  const runExport = async () => {
    if (exporting) return;
    setExporting(true);
    announce('info', 'Exporting…');
    let result: Result<ExportSummary>;
    try {
      result = await exportJson();
    } catch (error) {
      result = fail(messageOf(error));
    } finally {
      setExporting(false);
    }
    if (result.ok) {
      const { annotationCount, sourceCount, filename } = result.value;
      announce('success', `Exported ${countOf(annotationCount, 'annotation')} and ${countOf(sourceCount, 'source')} to ${filename}`);
    } else {
      announce('error', `Export failed: ${result.error}`);
    }
  };

  /** Save a switch, have the page apply it, and read the page again. */
  const changeSettings = async (change: (current: Settings) => Settings, done: string) => {
    const before = stored;
    // Show the switch in its new position at once: a controlled checkbox would otherwise spring
    // back to the stored value until the save lands, and a second click would seem to do nothing.
    setStored((current) => (current ? change(current) : current));
    setSavingSettings(true);
    try {
      setStored(await settings.update(change));
    } catch (error) {
      setStored(before);
      announce('error', `Couldn't save the highlight switch: ${messageOf(error)}`);
      return;
    } finally {
      setSavingSettings(false);
    }
    announce('success', done);
    try {
      await page.notifySettingsChanged();
    } catch (error) {
      announce('info', `${done} This page did not take it (${messageOf(error)}); reload it to see the change.`);
      return;
    }
    setSnapshotVersion((v) => v + 1);
  };
  const site = snapshot?.site ?? '';
  const switchSite = (on: boolean) =>
    void changeSettings((current) => withSite(current, site, on), `Highlights ${on ? 'on' : 'off'} on ${site}.`);
  const switchEverywhere = (on: boolean) =>
    void changeSettings((current) => withEverywhere(current, on), `Highlights ${on ? 'on' : 'off'} everywhere.`);
  const offMessage = snapshot ? highlightsOffMessage(snapshot.highlights, snapshot.site) : null;

  const ratableCount = groups.filter((g) => g.ratable).length;
  const orphans = useMemo(
    () => (snapshot ? orphanEntries(snapshot.orphans, annotations.status === 'ready' ? annotations.value : null) : []),
    [snapshot, annotations],
  );

  /** The first screen is settled: the claim cards (or why there are none) are shown. */
  const firstScreen =
    snapshotState.status === 'failed' ||
    offMessage !== null ||
    (snapshot !== null && annotations.status !== 'loading' && sources.status !== 'loading');
  /** The footer's secondary lines and the sources' datalist mount after that screen is painted (they would delay it). */
  const secondary = useAfterPaint(firstScreen);

  return (
    <div class="popup">
      <header class="page-header">
        <h1 data-testid="page-title">{snapshot ? snapshot.title || snapshot.url : 'Sourcemark'}</h1>
        {snapshot && !offMessage && (
          <p data-testid="page-counts">
            {countOf(snapshot.claims.length - dismissed.length, 'claim')} · {countOf(ratableCount, 'source')}
            {dismissed.length > 0 && ` · ${dismissed.length} marked not a claim`}
            {orphans.length > 0 && ` · ${orphans.length} not found`}
          </p>
        )}
        <HighlightSwitches
          site={site}
          settings={stored}
          saving={savingSettings}
          onSite={switchSite}
          onEverywhere={switchEverywhere}
        />
      </header>
      <main class="page-body" aria-busy={snapshotState.status === 'loading'}>
        {snapshotState.status === 'loading' && <p data-testid="page-loading">Reading the page…</p>}
        {snapshotState.status === 'failed' && (
          <div data-testid="page-error" class="page-error">
            <p>{CANNOT_READ_PAGE}</p>
            <p class="detail">Details: {snapshotState.error}</p>
          </div>
        )}
        {snapshot && offMessage && (
          <p class="highlights-off" data-testid="highlights-off">
            {offMessage}
          </p>
        )}
        {snapshot && !offMessage && (
          <ClaimList
            groups={groups}
            annotations={annotations}
            sources={sources}
            storedById={storedById}
            annotationOf={annotationOf}
            tierOf={tierOf}
            onSaveRating={saveRating}
            onShareSource={shareWithTeam}
            onSaveClaim={saveClaim}
            onShowClaim={showClaim}
            onAddSource={addSource}
          />
        )}
        {snapshot && !offMessage && annotations.status === 'ready' && <CorrectionList claims={dismissed} onUndo={undoCorrection} focusStart={dismissedNow} />}
        {snapshot && !offMessage && (
          <OrphanList
            entries={orphans}
            actions={orphanActions({ db, page, annotations: annotations.status === 'ready' ? annotations.value : null, announce, notifyPage })}
          />
        )}
      </main>
      {secondary && shortcut && <ShortcutHint shortcut={shortcut} />}
      <footer class="page-footer">
        <button type="button" onClick={runExport} aria-disabled={exporting}>
          Export JSON
        </button>
        {/* Relative to the popup, so it names the extension's own library page in a new tab. */}
        <a class="library-link" href="library.html" target="_blank" rel="noopener">
          Open the library
        </a>
        <StatusRegion message={status.message} />
        {exporter && snapshot && (
          <ExportDisclosure summary="More export choices…" class="more-export">
            {() => (
              <ExportPanel
                run={exporter}
                choices={[
                  { id: 'page', label: 'This page’s annotations', scope: { kind: 'page', url: snapshot.url } },
                  { id: 'all', label: 'Everything', scope: { kind: 'all' } },
                ]}
              />
            )}
          </ExportDisclosure>
        )}
        {secondary && syncStorage && <SyncStatusLine db={db} onlyWhenOn={syncStorage} />}
        {secondary && backups && <BackupStatusLine store={backups} />}
        <PopupShortcuts />
      </footer>
      <p hidden id={SHOW_ON_PAGE_HINT_ID}>
        Shows this sentence on the page
      </p>
      {/* Some 200 options, needed once a Source field is typed in: after the first screen. */}
      <datalist id={SOURCE_OPTIONS_ID}>
        {secondary &&
          registry().map((entry) => (
            <option key={entry.id} value={entry.source.name} />
          ))}
      </datalist>
    </div>
  );
}

type ClaimListProps = {
  groups: ClaimGroup[];
  annotations: LiveQueryState<Annotation[]>;
  sources: LiveQueryState<Source[]>;
  storedById: Map<string, Source>;
  annotationOf(claim: PageClaim): Annotation | undefined;
  tierOf(sourceId: string): CredibilityTier | undefined;
  onSaveRating(group: ClaimGroup, tier: CredibilityTier, rationale: string): Promise<boolean>;
  onShareSource(group: ClaimGroup, shared: boolean): Promise<boolean>;
  onSaveClaim(claim: PageClaim, annotation: Annotation | undefined, draft: ClaimDraft): Promise<boolean>;
  onShowClaim(start: number): void;
  onAddSource(group: ClaimGroup): void;
};

/**
 * The groups, once the stored annotations and sources are in. Nothing editable is shown while
 * either is loading or failed: a card without its stored annotation would save a duplicate.
 */
function ClaimList({ groups, annotations, sources, storedById, ...handlers }: ClaimListProps) {
  if (annotations.status === 'failed') {
    return <p class="page-error">Couldn't read your saved annotations: {annotations.error.message}</p>;
  }
  if (sources.status === 'failed') {
    return <p class="page-error">Couldn't read your stored sources: {sources.error.message}</p>;
  }
  if (annotations.status === 'loading' || sources.status === 'loading') {
    return <p data-testid="page-loading">Loading your annotations…</p>;
  }
  if (groups.length === 0) return <p data-testid="no-claims">No claims found on this page.</p>;
  return <RevealedGroups groups={groups} storedById={storedById} {...handlers} />;
}

/**
 * Claim cards rendered at once when the popup opens: more than fit in it (its body is at most
 * about 440px tall, a card at least 200px, plus its source's header); the rest follow a step per
 * frame. Each card is a small form: every one more in the first frame delays it.
 */
const FIRST_CLAIMS = 3;
const CLAIMS_PER_STEP = 24;
/** Each step re-renders only the group it extends, not every group already shown. */
const PureSourceGroup = pure(SourceGroup);

/** The groups, their claims rendered in document order a step at a time (`useRevealedCount`). */
function RevealedGroups({ groups, storedById, ...handlers }: Omit<ClaimListProps, 'annotations' | 'sources'>) {
  const total = useMemo(() => groups.reduce((n, g) => n + g.claims.length, 0), [groups]);
  let budget = useRevealedCount(total, FIRST_CLAIMS, CLAIMS_PER_STEP);
  const shown: { group: ClaimGroup; claims: number }[] = [];
  for (const group of groups) {
    if (budget <= 0) break;
    const claims = Math.min(budget, group.claims.length);
    budget -= claims;
    shown.push({ group, claims });
  }
  return (
    <>
      {shown.map(({ group, claims }) => (
        <PureSourceGroup key={group.sourceId} group={group} shownClaims={claims} stored={storedById.get(group.sourceId)} {...handlers} />
      ))}
    </>
  );
}
