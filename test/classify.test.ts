import { describe, expect, it } from 'vitest';
import { classifyStory, compileTopics, matchesKeywords, phraseMatcher } from '../src/classify/topics.js';
import { configSchema } from '../src/config/schema.js';
import type { Story } from '../src/model.js';
import { foldWords } from '../src/normalize/arabic.js';

const config = configSchema.parse({
  sources: [
    { id: 'sana', name: 'سانا', url: 'https://sana.example/feed' },
    { id: 'econ', name: 'اقتصاد', url: 'https://econ.example/feed', topics: ['economy'] },
  ],
  topics: [
    { id: 'daraa', title: 'درعا', keywords: ['درعا'] },
    { id: 'latakia', title: 'اللاذقية', keywords: ['اللاذقية', 'Latakia'] },
    { id: 'hama', title: 'حماة', keywords: ['حماة'], exclude: ['حماة الديار'] },
    { id: 'deir-ez-zor', title: 'دير الزور', keywords: ['دير الزور'] },
    { id: 'economy', title: 'اقتصاد', keywords: ['سعر الصرف'], categories: ['اقتصاد'] },
    { id: 'politics', title: 'سياسة', categories: ['سياسة'] },
  ],
});
const rules = compileTopics(config);
const topic = (id: string) => rules.topics.find((t) => t.id === id)!;
const matches = (id: string, text: string) => matchesKeywords(foldWords(text), topic(id));

function story(title: string, extra: { sourceId?: string; categories?: string[]; html?: string } = {}): Story {
  return {
    id: 's',
    titleKey: '',
    published: '2026-11-29T00:00:00.000Z',
    updated: '2026-11-29T00:00:00.000Z',
    topics: [],
    reporters: [
      { sourceId: extra.sourceId ?? 'sana', guid: 'g', title, link: undefined, html: extra.html ?? '', categories: extra.categories ?? [], author: undefined, seenAt: '2026-11-29T00:00:00.000Z' },
    ],
  };
}

describe('keyword matching', () => {
  it.each([
    ['درعا', 'افتتاح مشفى في درعا'],
    ['with ب', 'حملة تلقيح بدرعا'],
    ['with و', 'أمطار في دمشق ودرعا'],
    ['with ل', 'قافلة مساعدات لدرعا'],
    ['with ف', 'فدرعا تستعد'],
    ['with ال', 'أهالي الدرعا'],
  ])('"درعا" matches %s', (_why, text) => {
    expect(matches('daraa', text)).toBe(true);
  });
  it.each([
    ['the keyword as written', 'عاصفة تضرب اللاذقية'],
    ['ل + ال written لل', 'وفد حكومي في زيارة للاذقية'],
    ['ب + ال', 'أمطار غزيرة باللاذقية'],
    ['و + ال', 'طرطوس واللاذقية'],
    ['the Latin spelling, any case', 'Storm hits LATAKIA port'],
    ['ta marbuta written ha', 'عاصفة تضرب اللاذقيه'],
  ])('"اللاذقية" matches %s', (_why, text) => {
    expect(matches('latakia', text)).toBe(true);
  });
  it('keeps the article of a keyword written with one', () => {
    expect(matches('latakia', 'ميناء لاذقية')).toBe(false);
    expect(matches('economy', 'الليرة تتراجع')).toBe(false); // "سعر الصرف": the phrase, not one word
    expect(matches('economy', 'تراجع جديد لسعر الصرف')).toBe(true);
    expect(phraseMatcher('الليرة')?.test(foldWords('دعم لليرة السورية'))).toBe(true);
    expect(phraseMatcher('الليرة')?.test(foldWords('مئة ليرة'))).toBe(false);
  });
  it('matches whole words only', () => {
    expect(matches('daraa', 'الدرعاوي يفوز')).toBe(false);
    expect(matches('hama', 'حماية المدنيين')).toBe(false);
  });
  it('matches a multi-word keyword as a phrase', () => {
    expect(matches('deir-ez-zor', 'عودة الكهرباء إلى دير الزور')).toBe(true);
    expect(matches('deir-ez-zor', 'عودة الكهرباء إلى ريف دير الزور الشرقي')).toBe(true);
    expect(matches('deir-ez-zor', 'دير في الزور')).toBe(false);
    expect(matches('deir-ez-zor', 'الزور دير')).toBe(false);
  });
  it('lets exclude phrases veto a match, but not a second real mention', () => {
    expect(matches('hama', 'تكريم حماة الديار في ذكرى التأسيس')).toBe(false);
    expect(matches('hama', 'افتتاح معرض للكتاب في حماة')).toBe(true);
    expect(matches('hama', 'تكريم حماة الديار في حماة')).toBe(true);
  });
  it('folds the keyword like the text (diacritics, alef forms)', () => {
    expect(phraseMatcher('حَمَاة')?.test('في حماه')).toBe(true);
  });
});

describe('classifyStory', () => {
  it('files a story by keyword in its title or summary', () => {
    expect(classifyStory(story('افتتاح مشفى جديد في مدينة درعا'), rules)).toEqual(['daraa']);
    expect(classifyStory(story('افتتاح مشفى جديد', { html: '<p>في مدينة <b>درعا</b></p>' }), rules)).toEqual(['daraa']);
  });
  it('files a story by its source\'s topics', () => {
    expect(classifyStory(story('خبر', { sourceId: 'econ' }), rules)).toEqual(['economy']);
  });
  it('files a story by the feed\'s own category, after folding', () => {
    expect(classifyStory(story('خبر', { categories: ['سياسه'] }), rules)).toEqual(['politics']);
    expect(classifyStory(story('خبر', { categories: ['سياسية'] }), rules)).toEqual([]);
  });
  it('uses every reporter', () => {
    const s = story('خبر عن الطقس');
    s.reporters.push({ ...s.reporters[0]!, sourceId: 'econ', title: 'ارتفاع سعر الصرف في درعا' });
    expect(classifyStory(s, rules)).toEqual(['daraa', 'economy']);
  });
  it('files nothing for an unrelated story', () => {
    expect(classifyStory(story('تكريم حماة الديار في ذكرى التأسيس'), rules)).toEqual([]);
  });
});
