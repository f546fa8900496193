// /feeds/top: the last 24 h's stories by how many outlets carried them; its clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import type { Story } from '../src/model.js';
import { createPublisher } from '../src/publish/feeds.js';
import { emptyData } from '../src/store/store.js';
import { openTestStore } from './helpers/stores.js';

const T0 = Date.UTC(2026, 11, 1, 12, 3);
const iso = (ms: number) => new Date(ms).toISOString();
const story = (id: string, sources: string[], hoursAgo: number): Story => ({
  id, titleKey: id, published: iso(T0 - hoursAgo * 3_600_000), updated: iso(T0 - hoursAgo * 3_600_000), topics: [],
  reporters: sources.map((sourceId) => ({ sourceId, guid: id, title: `خبر ${id}`, link: `https://${sourceId}.example/${id}`, html: '', categories: [], author: undefined, seenAt: iso(T0 - hoursAgo * 3_600_000) })),
});
const config = configSchema.parse({ sources: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: `مصدر ${id}`, url: `https://${id}.example/feed` })) });

afterEach(() => vi.useRealTimers());

describe('the top feed', () => {
  it('ranks the last 24 h by distinct outlets (then newest), leaves out single reports and older stories', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    const store = await openTestStore({ ...emptyData(), stories: [story('two', ['a', 'b'], 1), story('three', ['a', 'b', 'c'], 5), story('one', ['d'], 0.5), story('old', ['a', 'b', 'c', 'd'], 30), story('two-newer', ['c', 'd'], 0.2)] });
    const xml = (await createPublisher(config, store).render({ kind: 'top' }, 'atom'))!.body.toString();
    expect([...xml.matchAll(/story\/([a-z-]+)<\/id>/g)].map((m) => m[1])).toEqual(['three', 'two-newer', 'two']);
    expect(xml).toContain('خبر three (3 مصادر)');
    expect(xml).toContain('نقلته 3 مصادر: مصدر a، مصدر b، مصدر c');
  });

  it('drops a story once it is 24 h old, and its Last-Modified never goes back', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    const store = await openTestStore({ ...emptyData(), stories: [story('two', ['a', 'b'], 23)] });
    const publisher = createPublisher(config, store);
    const before = (await publisher.render({ kind: 'top' }, 'atom'))!;
    expect(before.body.toString()).toContain('story/two');
    vi.setSystemTime(T0 + 2 * 3_600_000); // the story is 25 h old now, the store unchanged
    const after = (await publisher.render({ kind: 'top' }, 'atom'))!;
    expect(after.body.toString()).not.toContain('story/two');
    expect(after.etag).not.toBe(before.etag);
    expect(Date.parse(after.lastModified)).toBeGreaterThan(Date.parse(before.lastModified));
    vi.setSystemTime(T0 + 2 * 3_600_000 + 60_000); // a minute on, nothing changed: same render
    expect((await publisher.render({ kind: 'top' }, 'atom'))).toBe(after);
  });
});
