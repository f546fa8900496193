// The dedupe key: a headline folded until two outlets' spellings of the same headline
// compare equal. Pure and documented rule by rule; see README "How titles are folded" and
// the table in test/title-key.test.ts (each row is a headline that needed its rule).
import { dropPunctuation, foldLetters } from './arabic.js';

/**
 * Leading labels outlets put before the headline ("عاجل: …", "🔴 بالفيديو | …"), written
 * folded (ة is ه). Only stripped when followed by ":" "|" "-" or a dash, so a headline
 * that merely starts with the word ("خاص بالأطفال …") keeps it.
 */
export const URGENCY_LABELS = [
  'عاجل',
  'بالفيديو',
  'فيديو',
  'بالصور',
  'صور',
  'خاص',
  'حصري',
  'متابعه',
  'تحديث',
  'مباشر',
  'شاهد',
  'انفوغراف',
  'breaking',
  'exclusive',
  'video',
];

/**
 * News agencies whose name outlets append to a headline ("… - رويترز"), besides the
 * configured sources' own names, which the caller passes in. Folded spelling.
 */
export const AGENCY_NAMES = [
  'سانا',
  'رويترز',
  'فرانس برس',
  'ا ف ب',
  'اف ب',
  'الاناضول',
  'الاسوشيتد برس',
  'اسوشيتد برس',
  'د ب ا',
  'سبوتنيك',
  'واس',
  'وام',
  'قنا',
  'كونا',
  'بترا',
  'شينخوا',
  'reuters',
  'afp',
  'ap',
];

// ":" "|" and every dash outlets type: hyphen-minus, hyphen, en/em dash, minus, small
// and fullwidth hyphen-minus (a tatweel used as a dash is turned into "-" by foldLetters).
const SEPARATOR = '[:|\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D\\uFF1A\\uFF5C\\u00B7•]';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Precompiled folding of one set of outlet names; build once per config, reuse per item. */
export interface TitleKeyFolder {
  (title: string): string;
  /** The same folding, stopped before spaces go: the headline's words, for the
   * near-duplicate stage (labels and outlet names already stripped). */
  words(title: string): string[];
}

export function createTitleKeyFolder(outletNames: readonly string[]): TitleKeyFolder {
  const names = [...new Set([...AGENCY_NAMES, ...outletNames.map((n) => foldLetters(n).trim())])]
    .filter((n) => n.length > 0)
    // Longest first so "الجزيره نت" is stripped whole, not just "الجزيره".
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .map((n) => n.replace(/ /g, '\\s*'));
  const labels = URGENCY_LABELS.map(escape).join('|');
  // Any symbols, emoji or spaces before the label ("🔴 عاجل:"), brackets around it ("[عاجل]").
  const leadingLabel = new RegExp(
    `^[\\s\\p{P}\\p{S}\\p{Extended_Pictographic}]*?[\\[(]?(?:${labels})[\\])]?\\s*${SEPARATOR}\\s*`,
    'u',
  );
  const nameAlt = names.join('|');
  const trailingOutlet = new RegExp(
    `(?:\\s*${SEPARATOR}\\s*(?:${nameAlt})|\\s*[(\\[](?:${nameAlt})[)\\]])[\\s\\p{P}]*$`,
    'u',
  );
  const strip = (title: string): string => {
    let s = foldLetters(title).trim();
    // Labels can stack ("عاجل | بالفيديو: …"); a bounded loop, never more than a few.
    for (let i = 0; i < 4 && leadingLabel.test(s); i++) s = s.replace(leadingLabel, '');
    // Some feeds append the outlet twice ("… - سانا - سانا").
    for (let i = 0; i < 3 && trailingOutlet.test(s); i++) s = s.replace(trailingOutlet, '');
    return dropPunctuation(s);
  };
  // Spaces go last: outlets drop or add them ("استمرارالتنسيق"). Between two digit runs
  // a mark stays, so "3 5" never becomes "35".
  const key = (title: string): string => strip(title).replace(/(\d) +(?=\d)/g, '$1_').replace(/\s+/gu, '');
  return Object.assign(key, { words: (title: string) => strip(title).split(' ').filter(Boolean) });
}
