import { describe, expect, it } from 'vitest';
import { foldItems, storyId } from '../src/dedupe/fold.js';
import type { Item, Story } from '../src/model.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';

const key = createTitleKeyFolder(['سانا', 'الوطن']);
const NOW = Date.parse('2026-11-29T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function item(sourceId: string, guid: string, title: string, published?: string, extra: Partial<Item> = {}): Item {
  return { sourceId, guid, title, titleKey: key(title), link: `https://${sourceId}.example/${guid}`, html: '', categories: [], author: undefined, published, ...extra };
}
const fold = (stories: Story[], items: Item[], windowHours = 72) => foldItems(stories, items, { windowHours, now: NOW });

describe('foldItems', () => {
  it('folds the same headline from another source into one story, first reporter first', () => {
    const a = fold([], [item('sana', '1', 'وزير الخارجية يبحث التعاون - سانا', hoursAgo(5))]);
    const b = fold(a.stories, [item('alwatan', 'x', 'عاجل: وزير الخارجيّة يبحث التعاون', hoursAgo(4))]);
    expect(b.outcomes).toEqual(['folded']);
    expect(b.stories).toHaveLength(1);
    expect(b.stories[0]!.reporters.map((r) => r.sourceId)).toEqual(['sana', 'alwatan']);
  });

  it('keeps the story id, published time, and bumps updated when a reporter joins', () => {
    const a = fold([], [item('sana', '1', 'خبر', hoursAgo(5))]);
    const b = fold(a.stories, [item('alwatan', 'x', 'خبر', hoursAgo(4))]);
    expect(b.stories[0]!.id).toBe(a.stories[0]!.id);
    expect(b.stories[0]!.id).toBe(storyId('sana', '1'));
    expect(b.stories[0]!.published).toBe(hoursAgo(5));
    expect(b.stories[0]!.updated).toBe(new Date(NOW).toISOString());
  });

  it('never folds two items of the same source with different guids', () => {
    const r = fold([], [item('sana', 'd1', 'نشرة أخبار الصباح', hoursAgo(30)), item('sana', 'd2', 'نشرة أخبار الصباح', hoursAgo(6))]);
    expect(r.outcomes).toEqual(['new', 'new']);
    expect(r.stories).toHaveLength(2);
  });

  it('does not fold outside the window', () => {
    const a = fold([], [item('sana', '1', 'خبر', hoursAgo(100))]);
    const b = fold(a.stories, [item('alwatan', 'x', 'خبر', hoursAgo(1))]);
    expect(b.outcomes).toEqual(['new']);
    expect(b.stories).toHaveLength(2);
  });

  it('measures the window from the first report, never from later reporters', () => {
    const a = fold([], [item('sana', '1', 'خبر', hoursAgo(100))], 72);
    const b = fold(a.stories, [item('alwatan', 'x', 'خبر', hoursAgo(40))]); // 60 h after: joins
    expect(b.outcomes).toEqual(['folded']);
    const c = fold(b.stories, [item('enab', 'y', 'خبر', hoursAgo(1))]); // 99 h after the first: new
    expect(c.outcomes).toEqual(['new']);
  });

  it('never folds different numbers', () => {
    const r = fold([], [item('enab', '1', 'مقتل 3 مدنيين بقصف على ريف إدلب', hoursAgo(2)), item('alwatan', '2', 'مقتل 5 مدنيين بقصف على ريف إدلب', hoursAgo(1))]);
    expect(r.stories).toHaveLength(2);
  });

  it('updates the stored story when the same item is seen again, never adds a second', () => {
    const a = fold([], [item('sana', '1', 'خبر أول', hoursAgo(3))]);
    const same = fold(a.stories, [item('sana', '1', 'خبر أول', hoursAgo(3))]);
    expect(same.outcomes).toEqual(['unchanged']);
    expect(same.stories[0]).toBe(a.stories[0]); // untouched, not rewritten
    const edited = fold(a.stories, [item('sana', '1', 'خبر أول (محدث)', hoursAgo(3), { html: '<p>تفاصيل</p>' })]);
    expect(edited.outcomes).toEqual(['updated']);
    expect(edited.stories).toHaveLength(1);
    expect(edited.stories[0]!.reporters[0]!.title).toBe('خبر أول (محدث)');
    expect(edited.stories[0]!.published).toBe(hoursAgo(3));
  });

  it('uses the first-seen time for an undated item and never rewrites it', () => {
    const a = fold([], [item('sana', '1', 'خبر', undefined)]);
    expect(a.stories[0]!.published).toBe(new Date(NOW).toISOString());
    const later = foldItems(a.stories, [item('sana', '1', 'خبر', undefined, { html: '<p>x</p>' })], { windowHours: 72, now: NOW + 3_600_000 });
    expect(later.stories[0]!.published).toBe(new Date(NOW).toISOString());
  });

  it('joins the closest story in time when the key repeats', () => {
    const a = fold([], [item('sana', 'd1', 'نشرة أخبار الصباح', hoursAgo(50)), item('sana', 'd2', 'نشرة أخبار الصباح', hoursAgo(26))]);
    const b = fold(a.stories, [item('alwatan', 'w', 'نشرة أخبار الصباح', hoursAgo(25))]);
    const joined = b.stories.find((s) => s.reporters.length === 2);
    expect(joined?.reporters[0]!.guid).toBe('d2');
  });

  it('never folds items with an empty key', () => {
    const r = fold([], [item('sana', '1', '!!!', hoursAgo(1)), item('alwatan', '2', '???', hoursAgo(1))]);
    expect(r.stories).toHaveLength(2);
  });

  it('gives the same grouping whatever the order of sources within one feed', () => {
    const items = [item('sana', '1', 'خبر أ', hoursAgo(3)), item('sana', '2', 'خبر ب', hoursAgo(2))];
    const x = fold([], items);
    const y = fold([], [...items].reverse());
    expect(x.stories.map((s) => s.id).sort()).toEqual(y.stories.map((s) => s.id).sort());
  });
});

describe('a very large poll', () => {
  it('folds 140,000 new items in one call (a first poll of ~3,000 feeds) without overflowing the stack', () => {
    const items = Array.from({ length: 140_000 }, (_, i) => item(`s${i % 3000}`, `g${i}`, `خبر ${i}`, hoursAgo(1)));
    const r = foldItems([], items, { windowHours: 72, now: NOW, fuzzy: { threshold: 0.65, windowHours: 24, features: () => ({ stems: new Set(), bare: new Set(), sequence: [], numbers: new Set(), places: new Set(), poles: new Set(), denied: new Set(), words: [], dates: new Set(), roles: new Set(), actions: new Set(), classes: new Set() }) } });
    expect(r.outcomes).toHaveLength(140_000);
  });
});
