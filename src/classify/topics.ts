// Topic rules. A story joins a topic when any reporter's source lists the topic, or one
// of its categories equals a topic category after folding, or a keyword matches any
// reporter's title or summary. Pure; compiled once per config.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Reporter, Story } from '../model.js';
import { ATTACHED_PREFIXES, foldWords } from '../normalize/arabic.js';
import { plainTextOfSanitized } from '../normalize/text.js';

// Arabic attaches conjunctions, prepositions and the article to the next word:
// و/ف (and), then ب/ك/ل (in, like, for), then ال (the); ل + ال is written لل.
// "ودرعا", "بدرعا", "والحسكه", "للاذقيه", "فبالرقه" all hold the place name.
const PREFIXES = ATTACHED_PREFIXES;
// A keyword written with the article ("الدولار") keeps it required: and/in/for may still
// attach ("والدولار", "بالدولار", "للدولار"), the bare word ("دولار") does not match.
// Before a noun that itself starts with ل, ل + ال + ل is written with two lams:
// ل + اللاذقية → "للاذقية", ل + الليرة → "لليرة".
function withArticle(core: string): string {
  const forms = ['[بك]?ال', 'لل'];
  if (core.startsWith('ل')) forms.push('ل');
  return `[وف]?(?:${forms.join('|')})`;
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phrase as a regex over folded text: whole words, the first word allowing the attached
 * prefixes. A leading "ال" of the phrase is matched with whatever carries the article, so
 * "اللاذقيه" also matches "للاذقيه" (ل + ال) and "باللاذقيه".
 */
export function phraseMatcher(phrase: string): RegExp | undefined {
  const words = foldWords(phrase).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const [first, ...rest] = words as [string, ...string[]];
  const definite = first.startsWith('ال') && first.length > 3;
  const head = definite ? withArticle(first.slice(2)) + escape(first.slice(2)) : PREFIXES + escape(first);
  const body = [head, ...rest.map(escape)].join(' ');
  return new RegExp(`(?<=^| )${body}(?= |$)`, 'gu');
}

export interface CompiledTopic {
  id: string;
  keywords: RegExp[];
  exclude: RegExp[];
  categories: Set<string>;
}

export interface TopicRules {
  topics: CompiledTopic[];
  sourceTopics: Map<string, string[]>;
}

/** A fingerprint of everything that decides topics: changes when the operator edits them. */
export function topicRulesFingerprint(config: Pick<Config, 'topics' | 'sources'>): string {
  const rules = { topics: config.topics, sources: config.sources.map((s) => [s.id, s.topics]) };
  return createHash('sha1').update(JSON.stringify(rules)).digest('hex');
}

export function compileTopics(config: Pick<Config, 'topics' | 'sources'>): TopicRules {
  const compile = (list: string[]) => list.map(phraseMatcher).filter((r): r is RegExp => !!r);
  return {
    topics: config.topics.map((t) => ({
      id: t.id,
      keywords: compile(t.keywords),
      exclude: compile(t.exclude),
      categories: new Set(t.categories.map(foldWords).filter(Boolean)),
    })),
    sourceTopics: new Map(config.sources.map((s) => [s.id, s.topics])),
  };
}

/** Does `folded` text match one of the keywords once the exclude phrases are cut out? */
export function matchesKeywords(folded: string, topic: CompiledTopic): boolean {
  if (topic.keywords.length === 0) return false;
  let text = folded;
  // "حماة الديار" is not about Hama: cut vetoing phrases out (leaving a word break that
  // no phrase can span), then look for keywords in what is left.
  for (const ex of topic.exclude) text = text.replace(ex, ' | ');
  return topic.keywords.some((k) => {
    k.lastIndex = 0;
    const hit = k.test(text);
    k.lastIndex = 0;
    return hit;
  });
}

const MAX_SUMMARY_HTML = 20_000;

/**
 * A reporter's title and the start of its summary, folded for matching words: what topic
 * keywords and the feeds' `q=` filter look at. The start only: a keyword buried in a 1 MB
 * article body is not what the story is about, and matching it would stall the event loop.
 */
export function foldedReporterText(r: Pick<Reporter, 'title' | 'html'>): string {
  // Reporters are immutable once stored, and a story is re-classified each time an outlet
  // joins it and searched by every q= request: fold each reporter's text once.
  let text = foldedTexts.get(r);
  if (text === undefined) {
    text = foldWords(`${r.title} \n ${plainTextOfSanitized(cutAtTag(r.html, MAX_SUMMARY_HTML))}`);
    foldedTexts.set(r, text);
  }
  return text;
}
const foldedTexts = new WeakMap<object, string>();

/** The first `max` characters, not ending inside a tag (a cut "<a href" would show as text). */
function cutAtTag(html: string, max: number): string {
  if (html.length <= max) return html;
  const cut = html.slice(0, max);
  const open = cut.lastIndexOf('<');
  return open > cut.lastIndexOf('>') ? cut.slice(0, open) : cut;
}

/** Topic ids of a story, in config order. */
export function classifyStory(story: Story, rules: TopicRules): string[] {
  const fromSources = new Set(story.reporters.flatMap((r) => rules.sourceTopics.get(r.sourceId) ?? []));
  const categories = new Set(story.reporters.flatMap((r) => r.categories.map(foldWords)));
  let texts: string[] | undefined; // folded lazily: most topics are decided by sources
  const foldedTexts = () => (texts ??= story.reporters.map(foldedReporterText));
  return rules.topics
    .filter(
      (t) =>
        fromSources.has(t.id) ||
        [...t.categories].some((c) => categories.has(c)) ||
        (t.keywords.length > 0 && foldedTexts().some((text) => matchesKeywords(text, t))),
    )
    .map((t) => t.id);
}
