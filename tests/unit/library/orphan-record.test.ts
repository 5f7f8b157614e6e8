import { describe, expect, it, vi } from 'vitest';
import { ORPHAN_RECORD_KEY, orphanIdsOf, parseOrphanRecord, recordPageOrphans } from '../../../lib/library/orphan-record';
import { createOrphanRecordStore } from '../../../lib/library/orphan-record-storage';
import { ok, type PageSnapshot } from '../../../lib/messages';
import { recordOrphans } from '../../../lib/popup/record-orphans';
import type { PagePort } from '../../../lib/popup/ports';
import { fakeStorage } from '../settings/fake-storage';

const A = 'https://news.example/a';
const B = 'https://news.example/b';

describe('recordPageOrphans', () => {
  it('replaces one page’s list with its report: new ids join, ids found again leave, other pages stay', () => {
    const start = { [A]: ['x', 'y'], [B]: ['z'] };
    expect(recordPageOrphans(start, A, ['y', 'w', 'w'])).toEqual({ [A]: ['w', 'y'], [B]: ['z'] });
    expect(recordPageOrphans(start, A, [])).toEqual({ [B]: ['z'] });
    expect(recordPageOrphans({}, B, [])).toEqual({});
  });

  it('returns the same record when the report changes nothing (so no write is needed)', () => {
    const start = { [A]: ['x', 'y'] };
    expect(recordPageOrphans(start, A, ['y', 'x'])).toBe(start);
    const empty = {};
    expect(recordPageOrphans(empty, B, [])).toBe(empty);
  });

  it('orphanIdsOf lists every id once', () => {
    expect(orphanIdsOf({ [A]: ['y', 'x'], [B]: ['x'] })).toEqual(['x', 'y']);
  });
});

describe('parseOrphanRecord', () => {
  it.each([undefined, null, 'text', 3, ['x']])('reads %j as no record', (raw) => {
    expect(parseOrphanRecord(raw)).toEqual({});
  });

  it('keeps string lists, dropping what is not an id', () => {
    expect(parseOrphanRecord({ [A]: ['b', 'a', 7, '', 'a'], [B]: 'x', c: [] })).toEqual({ [A]: ['a', 'b'] });
  });
});

describe('the orphan record in storage, fed by the popup’s snapshots', () => {
  function snapshot(url: string, orphanIds: string[], highlights: PageSnapshot['highlights'] = 'on'): PageSnapshot {
    return {
      url,
      title: 'T',
      site: 'news.example',
      highlights,
      claims: [],
      orphans: orphanIds.map((annotationId) => ({ annotationId, quote: 'q', reason: 'not-found' as const })),
    };
  }
  function port(answers: PageSnapshot[]): PagePort {
    return {
      getSnapshot: async () => ok(answers.shift()!),
      notifyChanged: async () => undefined,
      showClaim: async () => undefined,
      notifySettingsChanged: async () => undefined,
      selectionSelectors: async () => ({ ok: false, error: 'unused' }),
    };
  }

  it('records each page’s orphans, drops those found again, and skips pages it did not read', async () => {
    const storage = fakeStorage();
    const store = createOrphanRecordStore(storage);
    const onError = vi.fn();
    const page = recordOrphans(port([snapshot(A, ['x']), snapshot(B, ['y']), snapshot(A, []), snapshot(B, [], 'off-site')]), store, onError);
    await page.getSnapshot();
    await page.getSnapshot();
    await vi.waitFor(async () => expect(await store.load()).toEqual({ [A]: ['x'], [B]: ['y'] }));
    await page.getSnapshot();
    await page.getSnapshot();
    await vi.waitFor(async () => expect(await store.load()).toEqual({ [B]: ['y'] }));
    expect(storage.data.get(ORPHAN_RECORD_KEY)).toEqual({ [B]: ['y'] });
    expect(onError).not.toHaveBeenCalled();
  });

  it('a failing write is reported, and the snapshot still answered', async () => {
    const storage = fakeStorage();
    storage.local.set = async () => {
      throw new Error('quota');
    };
    const onError = vi.fn();
    const page = recordOrphans(port([snapshot(A, ['x'])]), createOrphanRecordStore(storage), onError);
    expect((await page.getSnapshot()).ok).toBe(true);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('quota')));
  });
});
