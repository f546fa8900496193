// `nahr split` as a pure function: who leaves, which ids, what the store remembers.
import { describe, expect, it } from 'vitest';
import { foldItems } from '../src/dedupe/fold.js';
import { splitStory } from '../src/dedupe/split.js';
import type { Item } from '../src/model.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { emptyData, type StoreData } from '../src/store/store.js';

const key = createTitleKeyFolder(['سانا', 'الوطن', 'عنب بلدي']);
const NOW = Date.UTC(2026, 11, 1, 12);
const item = (sourceId: string, guid: string, title: string): Item => ({
  sourceId, guid, title, titleKey: key(title), link: undefined, html: '', categories: [], author: undefined, published: new Date(NOW - 3_600_000).toISOString(),
});
const store = (items: Item[]): StoreData => ({ ...emptyData(), stories: foldItems([], items, { windowHours: 72, now: NOW }).stories });

describe('splitStory', () => {
  it('moves a later reporter out; the story keeps its id; the decision is remembered', () => {
    const data = store([item('sana', 'a', 'افتتاح مشفى في درعا'), item('alwatan', 'b', 'افتتاح مشفى في درعا'), item('enab', 'c', 'افتتاح مشفى في درعا')]);
    const id = data.stories[0]!.id;
    const r = splitStory(data, id, 'alwatan', NOW, key);
    if (!r.ok) throw new Error(r.reason);
    expect(r.data.stories.find((s) => s.id === id)!.reporters.map((x) => x.sourceId)).toEqual(['sana', 'enab']);
    const alone = r.data.stories.find((s) => s.id === r.newStoryId)!;
    expect(alone.reporters.map((x) => x.sourceId)).toEqual(['alwatan']);
    expect(alone.reporters[0]!.joined).toEqual({ by: 'split', from: id });
    expect(r.data.splits).toEqual([{ storyId: id, sourceId: 'alwatan', guid: 'b', at: new Date(NOW).toISOString() }]);
  });

  it('splitting the first reporter re-keys the story by its new head, and never reuses an id', () => {
    const data = store([item('sana', 'a', 'موسكو تؤكد استمرار التنسيق مع دمشق'), item('alwatan', 'b', 'موسكو تؤكد استمرار التنسيق مع دمشق'), item('enab', 'c', 'موسكو تؤكد استمرار التنسيق مع دمشق - عنب بلدي')]);
    const id = data.stories[0]!.id;
    const first = splitStory(data, id, 'sana', NOW, key);
    if (!first.ok) throw new Error(first.reason);
    const kept = first.data.stories.find((s) => s.id === id)!;
    expect(kept.reporters[0]!.sourceId).toBe('alwatan');
    expect(kept.reporters[0]!.joined).toBeUndefined();
    expect(kept.titleKey).toBe(key('موسكو تؤكد استمرار التنسيق مع دمشق'));
    const second = splitStory(first.data, id, 'alwatan', NOW, key);
    if (!second.ok) throw new Error(second.reason);
    const ids = second.data.stories.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses what it cannot do, saying why', () => {
    const data = store([item('sana', 'a', 'خبر وحيد')]);
    expect(splitStory(data, 'nope', 'sana', NOW, key)).toEqual({ ok: false, reason: expect.stringContaining('no story "nope"') });
    expect(splitStory(data, data.stories[0]!.id, 'alwatan', NOW, key)).toEqual({ ok: false, reason: expect.stringContaining('no report from source "alwatan"') });
    expect(splitStory(data, data.stories[0]!.id, 'sana', NOW, key)).toEqual({ ok: false, reason: expect.stringContaining('one reporter only') });
  });
});
