// Arabic text folding: the noise Arabic feeds carry, removed so the same words compare
// equal. Shared by the dedupe key (title-key.ts) and topic keyword matching (classify/).
// Every rule has a row in test/normalize-arabic.test.ts with the headline that needs it.
import { decodeHTML } from 'entities';

// Tashkeel U+064B–U+065F, superscript alef U+0670, Quranic annotation marks U+0610–U+061A
// and U+06D6–U+06ED, and tatweel U+0640 (kashida, pure typography: "جـديد").
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Hamza on a waw or ya seat is spelled either way by outlets: مسؤول = مسئول = مسءول.
const HAMZA_SEATS = /[\u0624\u0626]/g;
const ALEF_FORMS = /[\u0623\u0625\u0622\u0671]/g; // أ إ آ ٱ → ا
const YA_FORMS = /[\u0649\u06CC]/g; // ى and Persian ی → ي
const KAF_FORMS = /\u06A9/g; // Persian ک → ك
const TA_MARBUTA = /\u0629/g; // ة → ه (مدينة / مدينه)
// Bidi marks, zero-width (non-)joiners, BOM, soft hyphen …: Unicode "format" characters;
// and the invisible parts of emoji: variation selectors ("⚠️" is U+26A0 U+FE0F), the
// keycap mark ("3️⃣"), tag characters (flag sequences).
const FORMAT = /[\p{Cf}\uFE00-\uFE0F\u20E3\u{E0020}-\u{E007F}]/gu;
// A tatweel standing alone between spaces is used as a dash ("عاجل ـ انفجار …",
// "… ـ سانا"); inside a word it is only stretching. The dash must survive for the
// label and outlet rules of the title key, so it becomes "-" before tatweel is removed.
const TATWEEL_DASH = /(^|\s)\u0640+(?=\s|$)/gu;
const CONTROL = /\p{Cc}/gu;

/**
 * What Arabic attaches in front of a word, as a regex source: و/ف (and), then ب/ك/ل (in,
 * like, for), then ال (the); ل + ال is written لل. Shared by topic keyword matching and
 * the near-duplicate stage's word forms.
 */
export const ATTACHED_PREFIXES = '(?:[وف]?(?:[بك]?ال|لل|[بكل])?)';

/** Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Spelling variants of names that differ in letters, not just in the seats and marks the
 * rules above fold. Applied to already-folded text (so keys are written folded: ة is ه).
 * Matching inside words is deliberate: "السوريه" and "السوريا" must fold alike too.
 */
export const NAME_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/سوريه/g, 'سوريا'], // سورية (SANA, Al-Watan) / سوريا (most others)
  [/اميرك(?=[اي])/g, 'امريك'], // أميركا, الأميركية (Asharq Al-Awsat) / أمريكا, الأمريكية
  [/ترمب/g, 'ترامب'], // ترمب (Asharq Al-Awsat, Al Jazeera) / ترامب
  [/بوتن(?![\p{L}])/gu, 'بوتين'], // بوتن / بوتين
  [/السويدا(?!ء)/g, 'السويداء'], // السويدا, the colloquial spelling / السويداء
  [/استانبول/g, 'اسطنبول'],
  [/الانروا/g, 'الاونروا'], // UNRWA: الأنروا / الأونروا
  [/يونيسيف/g, 'يونيسف'], // UNICEF
];

/**
 * Letter-level folding, keeping spaces and punctuation: entities decoded, NFKC, hamza
 * seats, marks and tatweel, alef/ya/kaf/ta-marbuta forms, digits, control and format
 * characters, Latin case, name variants. The order matters: NFKC first (it turns
 * presentation forms like ﻻ into letters and composes ي + U+0654 into ئ), hamza seats
 * before marks are stripped (U+0654 is itself a mark).
 */
export function foldLetters(text: string): string {
  let s = decodeHTML(text).normalize('NFKC');
  s = s.replace(HAMZA_SEATS, '\u0621');
  s = s.replace(TATWEEL_DASH, '$1-').replace(MARKS, '');
  s = s
    .replace(ALEF_FORMS, '\u0627')
    .replace(YA_FORMS, '\u064A')
    .replace(KAF_FORMS, '\u0643')
    .replace(TA_MARBUTA, '\u0647');
  s = asciiDigits(s);
  s = s.replace(FORMAT, '').replace(CONTROL, ' ');
  s = s.toLowerCase();
  for (const [variant, canonical] of NAME_VARIANTS) s = s.replace(variant, canonical);
  return s;
}

// A dot or comma between two digits is a decimal or thousands mark: "3.5%" is not "35%".
// Arabic decimal separator U+066B and comma U+060C count too; the Arabic thousands
// separator U+066C is dropped ("١٣٬٥٠٠" is 13500).
const THOUSANDS = /(\d)\u066C(?=\d)/g;
const NUMBER_SEPARATOR = /(\d)[.,\u066B\u060C](?=\d)/g;
const DECIMAL_MARK = '\uE000'; // private use: survives the punctuation sweep below
// Punctuation, symbols and emoji: dropped (replaced by a space so words stay apart).
const NOT_WORD = /[\p{P}\p{S}\p{Extended_Pictographic}\u066C]/gu;

/**
 * Text folded for matching words: letters folded, punctuation and symbols turned into
 * spaces, white space collapsed. "درعا، اليوم" → "درعا اليوم".
 */
export function foldWords(text: string): string {
  return dropPunctuation(foldLetters(text));
}

/** Punctuation and symbols to spaces (decimal marks between digits kept as "."). */
export function dropPunctuation(folded: string): string {
  return folded
    .replace(THOUSANDS, '$1')
    .replace(NUMBER_SEPARATOR, `$1${DECIMAL_MARK}`)
    .replace(NOT_WORD, ' ')
    .replaceAll(DECIMAL_MARK, '.')
    .replace(/\s+/gu, ' ')
    .trim();
}
