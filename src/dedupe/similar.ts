// Near-duplicate headlines: the same story re-worded by a second outlet ("موسكو تؤكد
// استمرار التنسيق مع دمشق" / "روسيا تؤكد مواصلة التنسيق مع دمشق بشأن قواعدها العسكرية").
// Pure. A headline becomes a set of light stems (Larkey's Light10 idea: strip the attached
// conjunction, preposition and article, then common suffixes) with places and listed
// synonyms mapped to one token; two headlines compare by the overlap of those sets.
// Guards veto a merge whatever the score: different numbers, different known places,
// opposite verbs, one side negated, different days or months. See README "How dedupe works".
import { ATTACHED_PREFIXES, foldWords } from '../normalize/arabic.js';
import { plainTextOfSanitized } from '../normalize/text.js';
import { PLACES } from './gazetteer.js';
import { thesaurusRows } from './thesaurus.js';

// Nouns of place that take a bare ب/ل/ك ("بريف", "بمدينة"); see lightStem.
const BARE_PREPOSITION = /^[بلك](?:ريف|مدينه|محافظه|منطقه|حي|مخيم|قريه|بلده|مدن|مناطق|احياء|اسواق|سوق)$/;


export interface Features {
  /** Light stems, places as "@id", synonyms as one token; stop words left out. */
  stems: Set<string>;
  /** The tokens without a one-letter prefix stemming left on. */
  bare: Set<string>;
  /** The same tokens in headline order (for finding a swapped word). */
  sequence: string[];
  numbers: Set<string>;
  /** Known places, each with its country ("@aleppo", "@syria"). */
  places: Set<string>;
  /** Antonym groups the headline uses, as "group:side". */
  poles: Set<string>;
  /** The headline's folded words (their skeletons are made only when a denial needs them). */
  words: readonly string[];
  /** Skeletons of the words a negation denies ("تنفي رفع سعر الخبز": رفع). */
  denied: Set<string>;
  /** Weekdays and months named ("day:الاحد", "month:اذار"). */
  dates: Set<string>;
  /** Offices named ("role:pm", "role:president"). */
  roles: Set<string>;
  /** Tokens that tell what happened (verbs, verbal nouns) rather than who or what. */
  actions: Set<string>;
  /** Thesaurus classes the headline's unlisted words may stand for, by skeleton. */
  classes: Set<string>;
}

// Words that carry no story: prepositions, conjunctions, pronouns, auxiliaries, and the
// filler outlets add around a headline. Folded spelling.
const STOP = new Set<string>(
  ('في من على الى الي عن مع بعد قبل خلال حول عند بين منذ حتى ضد عبر لدى نحو دون او و ثم ان انه انها قد ' +
    'هذا هذه ذلك تلك التي الذي الذين اللذين ما ماذا هل كل بعض اي ايضا اليوم امس غدا جديد جديده ' +
    'يوم له لها لهم به بها فيه فيها منه منها عليه عليها الا اذ اذا كما وفق بشان حيث لكن بل ' +
    // "50%" is written "50 بالمئة" too: the number carries it.
    'المئة بالمئة المائة بالمائة بالمية ' +
    // Connectives of cause and time ("… جراء العاصفة" / "… بسبب العاصفة"), and framing
    // nouns of a field ("في مجال الطاقة" / "في قطاع الطاقة").
    'بسبب جراء اثر عقب اثناء نتيجه ضمن بنسبه بمقدار مجال قطاع ' +
    // What makes a number a bound ("نحو 20", "حوالي 20"): the number says it (~). ("أكثر"
    // and "أقل" only before "من" and a number: "الأكثر تسجيلاً" / "الأقل" differ.)
    'حوالي قرابه زهاء يناهز يقارب ينوف').split(/\s+/).map((w) => foldWords(w)),
);

// Listed synonyms outlets use for one another (folded, after stemming): each row maps to
// its first word. Kept short and unambiguous: a wrong synonym is a wrong merge.
const SYNONYM_ROWS: string[][] = [
  ['اكد', 'تءكد', 'يءكد', 'شدد', 'يشدد', 'تشدد', 'جدد'],
  ['استمرار', 'مواصل', 'تواصل', 'يواصل'],
  ['بحث', 'يبحث', 'تبحث', 'ناقش', 'يناقش', 'تناقش', 'مناقش', 'يبحثان', 'تبحثان'],
  ['التقي', 'يلتقي', 'تلتقي', 'لقاء', 'استقبل', 'يستقبل', 'تستقبل', 'اجتمع', 'يجتمع', 'تجتمع'],
  ['اعلن', 'يعلن', 'تعلن', 'اعلان', 'كشف', 'يكشف', 'تكشف'],
  ['وفا', 'وفاة', 'مصرع', 'مقتل', 'قتل', 'قتلي', 'يقتل', 'تقتل', 'قتلت', 'رحيل'],
  ['رحب', 'يرحب', 'ترحب', 'ترحيب', 'اشاد', 'يشيد', 'تشيد'],
  ['حريق', 'نيران'],
  ['زلزال', 'هزه'],
  ['اشتباك', 'اشتباكات', 'مواجهات'],
  ['اسري', 'محتجزين'],
  ['وصل', 'يصل', 'تصل', 'وصول', 'يحط'],
  ['تعطيل', 'تعليق'],
  ['ضخم', 'كبير'],
  ['بدء', 'بد', 'انطلاق', 'انطلق', 'تنطلق', 'ينطلق', 'تبدا', 'يبدا', 'بدات', 'بدا'],
  ['رفع', 'يرفع', 'ترفع', 'زياد', 'زيادت'],
  ['اصاب', 'جرحي', 'جريح', 'مصاب'],
  ['سعر', 'اسعار', 'ثمن'],
  ['فتح', 'افتتاح', 'افتتح', 'يفتتح', 'تفتتح'],
  ['معبر', 'منفذ'],
  ['غار', 'غارات', 'قصف', 'ضرب'],
  ['وزير', 'وزار'],
];
// Rows above that name things, not what happened (see actions).
const THING_ROWS = new Set(['حريق', 'زلزال', 'اسري', 'ضخم', 'سعر', 'معبر', 'وزير']);

// Opposites: a headline using one side and another the other side report two events.
const ANTONYM_ROWS: Array<[string[], string[]]> = [
  [['ارتفاع', 'ارتفع', 'يرتفع', 'ترتفع', 'ارتفعت', 'صعود', 'صعد', 'ارتفاعا', 'تحلق', 'يحلق', 'قفز', 'يقفز', 'تقفز', 'قفزه'], ['انخفاض', 'انخفض', 'ينخفض', 'تنخفض', 'انخفضت', 'هبوط', 'هبط', 'تهبط', 'يهبط', 'تراجع', 'يتراجع', 'تتراجع', 'تراجعت', 'انخفاضا']],
  [['فتح', 'يفتح', 'تفتح', 'افتتاح', 'افتتح', 'يفتتح', 'تفتتح', 'اعاد فتح'], ['اغلاق', 'اغلق', 'يغلق', 'تغلق', 'غلق', 'اقفال']],
  [['رفع', 'يرفع', 'ترفع', 'زياد'], ['خفض', 'يخفض', 'تخفض', 'تخفيض', 'خفّض']],
  [['قبول', 'قبل', 'يقبل', 'تقبل', 'موافق', 'وافق', 'يوافق', 'توافق'], ['رفض', 'يرفض', 'ترفض']],
  [['تعيين', 'عين', 'يعين', 'تعين'], ['اقال', 'يقيل', 'تقيل', 'اعفاء', 'اعفي', 'عزل']],
  [['استءناف', 'يستءنف', 'تستءنف', 'عود', 'عودت', 'تعود', 'يعود'], ['توقف', 'يتوقف', 'تتوقف', 'ايقاف', 'وقف', 'تعليق', 'يعلق', 'تعلق', 'انقطاع']],
  [['فوز', 'فاز', 'يفوز', 'تفوز'], ['خسار', 'خسر', 'يخسر', 'تخسر']], // not هزم: "يهزم" wins, "هزيمة" loses
  [['دخول', 'دخل', 'يدخل', 'تدخل'], ['خروج', 'خرج', 'يخرج', 'تخرج']],
  [['وصول', 'وصل', 'يصل', 'تصل'], ['مغادر', 'غادر', 'يغادر', 'تغادر']],
  [['فرض', 'يفرض', 'تفرض'], ['الغاء', 'يلغي', 'تلغي', 'رفع العقوبات', 'يرفع العقوبات', 'ترفع العقوبات', 'رفعت العقوبات']],
  [['تمديد', 'يمدد', 'تمدد', 'مدد'], ['انتهاء', 'ينتهي', 'تنتهي', 'رفع حظر', 'رفع الحظر', 'يرفع حظر', 'ترفع حظر', 'رفع العقوبات', 'يرفع العقوبات', 'ترفع العقوبات']],
  [['نجاح', 'نجح', 'ينجح', 'تنجح'], ['فشل', 'يفشل', 'تفشل']],
  [['سماح', 'سمح', 'يسمح', 'تسمح'], ['منع', 'يمنع', 'تمنع', 'حظر', 'يحظر', 'تحظر']],
  [['تحسن', 'يتحسن', 'تتحسن'], ['تدهور', 'يتدهور', 'تتدهور', 'تراجع']],
  [['زياده', 'يزيد', 'تزيد', 'تعزيز', 'يعزز', 'تعزز'], ['تقليص', 'يقلص', 'تقلص', 'تخفيض', 'نقص']],
  [['تقديم', 'يقدم', 'تقدم', 'تبكير'], ['تاجيل', 'يؤجل', 'تؤجل', 'تاخير', 'يؤخر', 'تؤخر']],
  [['اطلاق سراح', 'اطلق سراح', 'يطلق سراح', 'تطلق سراح', 'الافراج', 'افراج', 'يفرج', 'تفرج', 'افرج'], ['اعتقال', 'اعتقل', 'يعتقل', 'تعتقل', 'توقيف', 'اوقف']],
];

// One side negates what the other asserts: "… تنفي رفع سعر الخبز" / "… ترفع سعر الخبز".
const NEGATION = new Set<string>((['لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'عدم', 'نفي', 'ينفي', 'تنفي', 'نفت', 'ينفيان', 'تنفيان', 'بلا', 'بدون', 'ولا', 'ولم'] as string[]).map((w) => foldWords(w)));

// Words around a denial that are not what is denied.
const FRAMING = new Set(['صحه', 'الانباء', 'انباء', 'الاخبار', 'اخبار', 'الشاءعات', 'شاءعات', 'ما', 'تم', 'تداول', 'يتم', 'المتداوله', 'حول', 'وجود', 'اي', 'عن', 'بشان', 'ان', 'نيه']);

const DAYS = ['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'];
const MONTHS = [
  'كانون الثاني', 'شباط', 'اذار', 'نيسان', 'ايار', 'حزيران', 'تموز', 'اب', 'ايلول', 'تشرين الاول', 'تشرين الثاني', 'كانون الاول',
  'يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر',
];
// Words "آب" follows when it is August.
const AUGUST_BEFORE = /^(?:\d+|شهر|في|مطلع|منتصف|اواخر|اواءل|بدايه|نهايه|حتي|منذ)$/;
// Same month, two calendars' names: one id per month.
const monthId = (i: number) => `month:${i % 12}`;

// Words that frame a headline rather than tell it: which kind of body speaks or where
// ("وزارة الصحة تسجل …" / "… في محافظة دير الزور"). The body's own name still counts.
// Nouns the next word names ("محطة توليد", "مطار حلب", "مخيم الهول"): that word is a
// thing even when it has the shape of a verbal noun (حركة "تحرير" الشام, محطة "تحويل").
const BODY_HEAD = /^(?:وزار|وزير|وزرا|مديري)/;
const NAMING_HEADS = new Set(['محطه', 'شركه', 'مؤسسه', 'هيءه', 'جامعه', 'مطار', 'مخيم', 'سوق', 'حي', 'مشفي', 'مستشفي', 'معمل', 'مصنع', 'مرفا', 'مشروع', 'مركز'].map((w) => foldWords(w)));
// By spelling (attached prefixes and the article off), not by skeleton: "الميدان", "الدين"
// and "مدير" share the skeletons of "مادة" and "مدينة".
const GENERIC = new Set(['وزاره', 'وزارات', 'وزير', 'وزيره', 'وزراء', 'محافظه', 'محافظات', 'مدينه', 'مدن', 'منطقه', 'مناطق', 'مديريه', 'مديريات', 'عاصمه', 'بلده', 'بلدات', 'بلد', 'بلدين', 'بلدان', 'ماده', 'مواد', 'وزاري', 'وزاريه', 'داءره', 'دواءر'].map((w) => foldWords(w)));

/** Prefix letters Arabic attaches to a word: and/so, then in/like/for, then the article. */
// (Plus ل alone before a word that starts with ل: "للاذقية" is ل + اللاذقية.)
const PREFIX = new RegExp(`^(?:${ATTACHED_PREFIXES}|[وف]?ل)$`);

/** A word's forms with attached prefixes removed, shortest prefix first. */
function cores(word: string): string[] {
  const out = [word];
  for (let k = 1; k <= 4 && word.length - k >= 2; k++) if (PREFIX.test(word.slice(0, k))) out.push(word.slice(k));
  return out;
}

/** A light stem (after Larkey's Light10): prefixes, then one pass of common suffixes. */
export function lightStem(word: string): string {
  let w = word;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  for (const p of ['بال', 'كال', 'لل', 'ال']) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  // A bare ب/ل/ك is only cut from the nouns of place that take it most ("بريف", "بمدينة"):
  // cut from every word it would maim names ("بوتين", "لبنان").
  if (BARE_PREPOSITION.test(w)) w = w.slice(1);
  for (const s of ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي']) {
    if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  }
  return w;
}

/**
 * A word's consonant skeleton, close to its root: attached prefixes and common suffixes
 * off (lightStem), then the present-tense and derived-form letters in front (ي ت ن, است,
 * م), then the long vowels and hamza inside. "يعيد" / "إعادة", "تشكيل" / "تشكل",
 * "يستأنف" / "استئناف", "ليتر" / "لتر" share one. Both sides of a comparison go through
 * it, so an over-eager cut only merges tokens, never splits them.
 */
export function skeleton(word: string): string {
  let w = lightStem(word);
  if (w.length >= 5 && w.endsWith('ت')) w = w.slice(0, -1); // past tense, feminine: ارتفعت
  if (w.length >= 4 && /^[يتنم]/.test(w)) {
    w = w.slice(1); // present tense, participles
    // Form VIII, V or VI behind a present-tense prefix: يرتفع / ارتفاع, يتسلم / تسلم,
    // تتراجع / تراجع. Not form X (يستأنف, below), not a verbal noun of the تفعيل shape
    // (تفتيش), and not when fewer than three consonants would be left (يتابع: that ت is
    // the root's own).
    if (w.length >= 4 && !w.startsWith('ست') && !/^ت..ي.$/.test(lightStem(word)) && (w[1] === 'ت' || w[0] === 'ت') && /^[يت]/.test(lightStem(word))) {
      const cut = w[0] === 'ت' ? w.slice(1) : w[0] + w.slice(2);
      if ((cut[0]! + cut.slice(1).replace(/[اويءى]/g, '')).replace(/^[اءو](?=..)/, '').length >= 3) w = cut;
    }
  }
  if (w.length >= 5 && /^ا?ست/.test(w)) w = w.replace(/^ا?ست/, ''); // form X: استأنف, يستأنف
  else if (w.length >= 5 && w[0] === 'ا' && w[2] === 'ت') w = w[1] + w.slice(3); // form VIII: احتراق
  else if (w.length >= 5 && w.startsWith('ان')) w = w.slice(2); // form VII: انسحاب, ينسحب
  const inner = w[0]! + w.slice(1).replace(/[اويءى]/g, '');
  const bare = inner.replace(/^[اءو](?=..)/, '');
  return bare.length >= 2 ? bare : w;
}

// Verbal nouns by their pattern (after the article and ة): تفعيل (تدشين), تفاعل (تبادل),
// افتعال (افتتاح, اتفاق), انفعال (انطلاق), استفعال (استئناف).
const VERBAL_NOUN = /^(?:ت..ي.|ت.ا..|ا.ت.ا.|ات.ا.|ان..ا.|است..ا.)$/;
// Past tense of the derived forms: افتعل (افتتح), انفعل (انطلق), استفعل (استقبل).
const DERIVED_PAST = /^(?:ا.ت..|ان...|است...)(?:ت|وا|ا)?$/;
// Words that look like a present-tense verb but name something.
const NOT_VERB = new Set(['تشرين', 'تلفزيون', 'تموز', 'يورو', 'تويتر', 'تيك', 'يوتيوب', 'تجار', 'تكسي', 'تمور', 'تلال']);
// Verbal nouns that name a field or a body more than an act ("وزير الاقتصاد", "السورية
// للاتصالات", "مديرية التموين"), after the article and ة/ات are off.
const FIELD_NOUNS = new Set(['اقتصاد', 'اتصال', 'استثمار', 'احتلال', 'استخبار', 'تموين', 'تعليم', 'تجار', 'تقني', 'اعلام']);

/**
 * Does a folded word tell what happened (a verb or a verbal noun: "تعلن", "افتتاح",
 * "انطلقت") rather than who or what ("الكهرباء", "سيريتل")? Read off the word's shape,
 * so it holds for words no list has; outlets re-word the action far more than the actors.
 */
export function isActionWord(word: string): boolean {
  let w = word.length > 4 && (word[0] === 'و' || word[0] === 'ف') ? word.slice(1) : word;
  const article = /^(?:بال|كال|لل|ال)(?=...)/.exec(w);
  if (article) w = w.slice(article[0].length);
  else if (w.length > 4 && /^[بل]/.test(w) && VERBAL_NOUN.test(w.slice(1).replace(/(?:ه|ات)$/, ''))) return true; // لتعزيز, بتشكيل
  if (NOT_VERB.has(w)) return false;
  if (!article && w.length >= 4 && /^[يت]/.test(w) && !w.endsWith('ه')) return true; // يعلن, تبدأ
  const noun = w.replace(/(?:ه|ات)$/, '');
  if (FIELD_NOUNS.has(noun)) return false;
  // Not an adjective of relation ("التجاري" has the shape of تفاعل).
  return (VERBAL_NOUN.test(noun) && !noun.endsWith('ي')) || (!article && DERIVED_PAST.test(w));
}

// Synonym classes: the short list above and the thesaurus (thesaurus.ts), sets that share
// an entry joined into one class. A word of the short list is found by its light stem, a
// thesaurus word by its listed spelling (SYNONYM_FORM); a phrase ("وقف إطلاق النار") is
// looked up like a place. A class tells what happened (an action) when its sets say so
// (THING_ROWS above, the thesaurus's action/thing column).
const SYNONYM = new Map<string, string>(); // the short list's stems
const SYNONYM_FORM = new Map<string, string>(); // listed spellings, article off
const ACTION_SYNONYMS = new Set<string>();
const SYNONYM_PHRASE_ROWS: Array<[string, string]> = [];
// A thesaurus class of actions still meets a verb form no set lists by its skeleton
// ("تتعهد" / "تعهد"): the skeletons of its verb-shaped words, each only if it is of three
// letters or more, belongs to this class alone and is no short-list class's name, and only
// for a headline word shaped like a verb too (nouns share skeletons with verbs: "قافلة" /
// "إقفال", "مستقبل" / "المقبل").
const CLASS_SKELETONS = new Map<string, Set<string>>();
const CLASSES_OF_SKELETON = new Map<string, Set<string>>();
// The one empty set features share (never added to after they are made).
const NONE = new Set<string>();
{
  const sets = [
    ...SYNONYM_ROWS.map((words) => ({ words, hand: true, action: !THING_ROWS.has(words[0]!), gloss: '' })),
    ...thesaurusRows().map((r) => ({ words: r.entries, hand: false, action: r.action, gloss: r.gloss })),
  ];
  const parent = sets.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  // Sets sharing an entry are one class. The short list holds stems ("زياد"), so its
  // entries meet thesaurus words by light stem; two thesaurus words only when spelled the
  // same ("وعود" and "عودة" share a light stem, not a meaning).
  const owner = new Map<string, number>();
  const join = (key: string, i: number) => {
    const o = owner.get(key);
    if (o === undefined) owner.set(key, i);
    else parent[Math.max(root(i), root(o))] = Math.min(root(i), root(o)); // the earlier set leads
  };
  sets.forEach((set, i) => {
    for (const entry of set.words) {
      join(`=${foldWords(entry)}`, i);
      if (entry.includes(' ')) continue;
      const stem = `~${set.hand ? foldWords(entry) : lightStem(foldWords(entry))}`;
      if (set.hand) join(stem, i);
      else if (owner.has(stem) && sets[owner.get(stem)!]!.hand) join(stem, i);
    }
  });
  const members = new Map<number, number[]>();
  sets.forEach((_, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  const classes = [...members.values()].sort((x, y) => x[0]! - y[0]!).map((list) => {
    const first = sets[list[0]!]!;
    // A class the short list leads is named by its first word's skeleton (as before the
    // thesaurus); a thesaurus class by its gloss, so two classes never share a name by an
    // accident of skeleton ("محروقات" and "حريق" are both حرق).
    const token = first.hand ? skeleton(foldWords(first.words[0]!)) : `=${first.gloss.replace(/\s+/g, '-')}`;
    return { token, words: list.flatMap((i) => sets[i]!.words), hand: first.hand, action: list.some((i) => sets[i]!.hand) ? list.some((i) => sets[i]!.hand && sets[i]!.action) : first.action };
  });
  const handTokens = new Set(classes.filter((c) => c.hand).map((c) => c.token));
  const claims = new Map<string, Set<string>>();
  for (const c of classes) if (!c.hand) for (const w of c.words) if (!w.includes(' ') && isActionWord(foldWords(w))) {
    const skel = skeleton(foldWords(w));
    claims.set(skel, (claims.get(skel) ?? new Set()).add(c.token));
  }
  const ambiguous = new Set<string>();
  for (const c of classes) {
    if (c.action) ACTION_SYNONYMS.add(c.token);
    for (const w of c.words) {
      if (w.includes(' ')) {
        SYNONYM_PHRASE_ROWS.push([w, c.token]);
        continue;
      }
      const folded = foldWords(w);
      const form = folded.replace(/^ال(?=..)/, '');
      if (!SYNONYM_FORM.has(form)) SYNONYM_FORM.set(form, c.token);
      if (c.hand) {
        // The short list's stems match by light stem; one stem in two classes, neither.
        const key = lightStem(folded);
        const had = SYNONYM.get(key);
        if (key.length < 3 || (had !== undefined && had !== c.token)) ambiguous.add(key);
        else SYNONYM.set(key, c.token);
      } else {
        const skel = skeleton(folded);
        if (c.action && isActionWord(folded) && skel.length >= 3 && claims.get(skel)!.size === 1 && !handTokens.has(skel) && skel !== c.token) {
          CLASS_SKELETONS.set(c.token, (CLASS_SKELETONS.get(c.token) ?? new Set()).add(skel));
          CLASSES_OF_SKELETON.set(skel, new Set([c.token]));
        }
      }
    }
  }
  for (const key of ambiguous) SYNONYM.delete(key);
}

/** Multi-word phrases as word arrays keyed by the core of their first word. */
function phraseIndex(rows: Array<[string, string]>, needsArticle: (id: string) => boolean = () => false): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const [phrase, id] of rows) {
    const words = foldWords(phrase).split(' ');
    const first = words[0]!.replace(/^ال(?=..)/, '');
    const list = index.get(first) ?? [];
    list.push({ rest: words.slice(1), id, ...(first !== words[0] && needsArticle(id) ? { article: true } : {}) });
    list.sort((a, b) => b.rest.length - a.rest.length); // longest first: "ريف دمشق" before "ريف"
    index.set(first, list);
  }
  return index;
}

// A Syrian place named with the article needs it: "الرقة" is not in "ورقة" (paper) or
// "فرقة" (a band), "التل" not in "تل", "القصير" not in "قصير" (short).
const SYRIAN = new Set(PLACES.filter((p) => p.country === 'syria').map((p) => p.id));
const PLACE_INDEX = phraseIndex(
  PLACES.flatMap((p) => p.names.map((n): [string, string] => [n, p.id])),
  (id) => SYRIAN.has(id),
);
const COUNTRY = new Map(PLACES.filter((p) => p.country).map((p) => [p.id, p.country!]));
const GOVERNORATE = new Map(PLACES.filter((p) => p.within).map((p) => [p.id, p.within!]));
// The antonym lists three ways: each listed spelling (a phrase index, with every group it
// is in, as "g:side,g:side"); single words by light stem ("زيادة" of the listed "زياده",
// "مغادرة" of "مغادر"); and by skeleton, so inflections the lists do not spell ("ارتفعت",
// "انخفضت") still count. A word may stand in several groups ("زيادة" raises a price and a
// quantity): it counts in each, so "زيادة" meets "تخفيض" in one of them.
const POLE_SKELETON = new Map<string, string[]>();
const POLE_STEM = new Map<string, string[]>();
const POLE_SPELLINGS = new Map<string, string[]>();
const addPole = (map: Map<string, string[]>, key: string, g: number, side: string) => {
  const list = map.get(key) ?? [];
  if (!list.some((p) => p.startsWith(`${g}:`))) list.push(`${g}:${side}`);
  map.set(key, list);
};
ANTONYM_ROWS.forEach(([a, b], g) => {
  for (const [side, words] of [['a', a], ['b', b]] as const) {
    for (const w of words) {
      addPole(POLE_SPELLINGS, w, g, side);
      if (w.includes(' ')) continue;
      addPole(POLE_SKELETON, skeleton(foldWords(w)), g, side);
      const stem = lightStem(foldWords(w));
      if (stem.length >= 3) addPole(POLE_STEM, stem, g, side);
    }
  }
});
const POLE_INDEX = phraseIndex([...POLE_SPELLINGS].map(([w, ids]): [string, string] => [w, ids.join(',')]));
// Offices: a president is not a prime minister. Longest phrase first, so "رئيس الحكومة"
// is the prime minister and "الرئيس" alone the president. (Named people are left to the
// swap rule: outlets name one side by name and the other by office, "بوتين يستقبل الرئيس
// السوري" / "الرئيس الروسي يلتقي الشرع", so a list of names would veto true pairs.)
const ROLE_ROWS: Array<[string, string[]]> = [
  ['pm', ['رئيس الحكومة', 'رئيس الوزراء', 'رئيس مجلس الوزراء', 'رئيس حكومة']],
  ['speaker', ['رئيس البرلمان', 'رئيس مجلس النواب', 'رئيس مجلس الشعب']],
  ['president', ['الرئيس', 'رئيس الجمهورية', 'الرئاسة']],
  ['foreign-minister', ['وزير الخارجية', 'وزيرة الخارجية', 'الخارجية', 'نظيره', 'رئيس الدبلوماسية']],
  ['defense-minister', ['وزير الدفاع', 'الدفاع']],
  ['interior-minister', ['وزير الداخلية', 'الداخلية']],
];
// People named in the news of the period, read as their office: outlets name one side by
// name and the other by office ("بوتين يستقبل الرئيس السوري" / "الرئيس الروسي يلتقي
// الشرع"), so a name is replaced by its office and country before the headline is read,
// and the office and place guards then compare like with like ("الصفدي" / "فيدان" are two
// countries' foreign ministers). Only names that are not also common words; a name whose
// holder changes is edited here. Full names first, so "أحمد الشرع" leaves no "أحمد".
const PEOPLE: Array<[string[], string]> = [
  [['احمد الشرع', 'الشرع'], 'الرئيس السوري'],
  [['اسعد الشيباني', 'اسعد حسن الشيباني', 'الشيباني'], 'وزير الخارجية السوري'],
  [['مرهف ابو قصره', 'ابو قصره'], 'وزير الدفاع السوري'],
  [['انس خطاب'], 'وزير الداخلية السوري'],
  [['فلاديمير بوتين', 'بوتين'], 'الرئيس الروسي'],
  [['سيرغي لافروف', 'لافروف'], 'وزير الخارجية الروسي'],
  [['رجب طيب اردوغان', 'اردوغان'], 'الرئيس التركي'],
  [['هاكان فيدان', 'فيدان'], 'وزير الخارجية التركي'],
  [['يشار غولر', 'غولر'], 'وزير الدفاع التركي'],
  [['دونالد ترامب', 'ترامب'], 'الرئيس الامريكي'],
  [['ماركو روبيو', 'روبيو'], 'وزير الخارجية الامريكي'],
  [['ايمن الصفدي', 'الصفدي'], 'وزير الخارجية الاردني'],
  [['بدر عبد العاطي', 'عبد العاطي'], 'وزير الخارجية المصري'],
  [['عبد الفتاح السيسي', 'السيسي'], 'الرئيس المصري'],
  [['عبد اللطيف رشيد'], 'الرئيس العراقي'],
  [['فؤاد حسين'], 'وزير الخارجية العراقي'],
  [['ايمانويل ماكرون', 'ماكرون'], 'الرئيس الفرنسي'],
  [['جان نويل بارو'], 'وزير الخارجية الفرنسي'],
  [['مسعود بزشكيان', 'بزشكيان'], 'الرئيس الايراني'],
  [['عباس عراقجي', 'عراقجي'], 'وزير الخارجية الايراني'],
  [['بنيامين نتنياهو', 'نتنياهو'], 'رئيس الوزراء الاسرائيلي'],
  [['فيصل بن فرحان'], 'وزير الخارجية السعودي'],
  [['جوزاف عون'], 'الرئيس اللبناني'],
  [['نواف سلام'], 'رئيس الوزراء اللبناني'],
];
const PEOPLE_INDEX = phraseIndex(PEOPLE.flatMap(([names], i) => names.map((n): [string, string] => [n, String(i)])));
const OFFICE_WORDS = PEOPLE.map(([, office]) => foldWords(office).split(' '));
// The tokens an office leaves when it is not read as one ("الرئيس" alone is رس).
const OFFICE_TOKENS = new Set(['الرئيس', 'وزير', 'رئيس', 'الوزراء'].map((w) => skeleton(foldWords(w))));
// Most words name nobody: one regex test before the phrase lookup.
const MAY_NAME = new RegExp([...PEOPLE_INDEX.keys()].join('|'));

/** The headline's words with every listed person read as their office. */
function officesForNames(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = MAY_NAME.test(words[i]!) ? phraseAt(words as string[], i, lookupForms(words[i]!), PEOPLE_INDEX) : undefined;
    if (!hit) {
      out.push(words[i]!);
      continue;
    }
    out.push(...OFFICE_WORDS[Number(hit.id)]!);
    i += hit.length - 1;
  }
  return out;
}

const SYNONYM_PHRASES = phraseIndex(SYNONYM_PHRASE_ROWS);
const ROLE_INDEX = phraseIndex(ROLE_ROWS.flatMap(([id, names]) => names.map((n): [string, string] => [n, `role:${id}`])));
const DATE_INDEX = phraseIndex([...DAYS.map((d): [string, string] => [d, `day:${d}`]), ...MONTHS.map((m, i): [string, string] => [m, monthId(i)])]);

/** At word i, the longest phrase of `index` that starts there: its id and length. */
type PhraseIndex = Map<string, Array<{ rest: string[]; id: string; article?: true }>>;

/** The forms of a word to look phrases up by: its cores, with and without the article. */
function lookupForms(word: string): string[] {
  const out: string[] = [];
  for (const core of cores(word)) {
    const bare = core.replace(/^ال(?=..)/, '');
    out.push(bare);
    if (bare !== core) out.push(core);
  }
  return out;
}

/** At word i (its lookup forms given), the longest phrase of `index` that starts there. */
function phraseAt(words: string[], i: number, forms: readonly string[], index: PhraseIndex): { id: string; length: number } | undefined {
  for (const form of forms) {
    for (const entry of index.get(form) ?? []) {
      // The article, seen as such or merged into "لل" ("للرقة").
      if (entry.article && !forms.includes(`ال${form}`) && !/^[وف]?لل/.test(words[i]!)) continue;
      if (entry.rest.every((w, k) => words[i + 1 + k] === w || words[i + 1 + k]?.replace(/^ال/, '') === w.replace(/^ال/, ''))) {
        return { id: entry.id, length: 1 + entry.rest.length };
      }
    }
  }
  return undefined;
}

const COUNTED_DUALS = new Set(
  ['شخص', 'طفل', 'عنصر', 'قتيل', 'جريح', 'شاب', 'رجل', 'جندي', 'يوم', 'عام', 'شهر', 'اسبوع'].flatMap((w) => [`${w}ين`, `${w}ان`]),
);
// With tanween too: "من 150 ألفاً إلى 125 ألف ليرة" (after a number "ملياراً" is a scale;
// alone, "مليارا دولار" is two: DUAL_SCALE).
const SCALE: Record<string, number> = { الف: 1e3, الفا: 1e3, الاف: 1e3, ءالاف: 1e3, مليون: 1e6, مليونا: 1e6, ملايين: 1e6, مليار: 1e9, مليارا: 1e9, مليارات: 1e9 };
const TEENS = new Set(['عشر', 'عشره']);
// Words ending like a feminine dual that are none: gases, fuels, nutrients.
const NOT_DUALS = new Set(['اوكتان', 'بوتان', 'ميثان', 'ايثان', 'بروتين', 'روتين', 'نيكوتين', 'كتان']);
// Before a number that is a bound (folded): at least it ("أكثر من 20", "ما يزيد على"), at
// most it ("أقل من"), or about it ("نحو", "حوالي").
const BOUNDS: Record<string, '>' | '<' | '~'> = {
  اكثر: '>', 'ما يزيد': '>', 'ما ينوف': '>', اقل: '<', نحو: '~', حوالي: '~', قرابه: '~', زهاء: '~', يقارب: '~', 'ما يقارب': '~', يناهز: '~', 'ما يناهز': '~',
};
const YEAR_BEFORE = new Set(['عام', 'لعام', 'العام', 'للعام', 'عامي', 'سنه', 'لسنه', 'موسم', 'لموسم', 'الموسم', 'للموسم']);
// Relative adjectives that are not of the listed noun they end like: "المحلية" is local,
// not of "محل" (a shop). (The thesaurus's short things were read through for this.)
const NOT_NISBA = new Set(['محل']);
const FRACTION: Record<string, number> = { نصف: 0.5, ربع: 0.25 };
const SINGLE_SCALE: Record<string, number> = { مليون: 1e6, مليونا: 1e6, مليار: 1e9, مليارا: 1e9 };
const DUAL_SCALE: Record<string, number> = { الفين: 2e3, الفان: 2e3, الفي: 2e3, مليونين: 2e6, مليونان: 2e6, مليوني: 2e6, مليارين: 2e9 };
const NUMBER_WORDS: Record<string, number> = {
  واحد: 1, احد: 1, اثنين: 2, اثنان: 2, اثنتين: 2, اثنتي: 2, اثنا: 2, ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, ست: 6, سته: 6,
  سبع: 7, سبعه: 7, ثماني: 8, ثمانيه: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10,
};

/** A number token's value: "25" with a following "الف" is 25000; "1.500" is 1500. */
function numberValue(word: string, next: string | undefined): number | undefined {
  let value: number;
  if (/^[بلكوف]\d/.test(word)) word = word.slice(1); // "بـ12000" folds to "ب12000"
  if (/^\d{1,3}(?:\.\d{3})+$/.test(word)) {
    value = Number(word.replace(/\./g, '')); // "1.250.000", "12,600": thousands marks
  } else if (/^\d+(?:\.\d+)?$/.test(word)) {
    value = Number(word);
  } else {
    if (/^(?:[وفبل]?ال|لل)(?:واحد|احد)/.test(word)) return undefined; // "لليتر الواحد": per litre
    const bare = cores(word).find((c) => c in NUMBER_WORDS);
    if (bare === undefined) {
      // "مليونا دولار" is two million, "مليوناً" (tanween, folded alike) one: one before "و"
      // and a number ("مليوناً و240 ألف"), a preposition ("مليوناً منذ"), an adverb
      // ("مليوناً سنوياً") or at the end; two before a counted noun.
      const either = cores(word).find((c) => c === 'مليونا' || c === 'مليارا');
      if (either !== undefined) return SINGLE_SCALE[either]! * (next === undefined || next.startsWith('و') || STOP.has(next) || /يا$/.test(next) ? 1 : 2);
      const dual = cores(word).find((c) => c in DUAL_SCALE); // "مليوني حبة" is 2,000,000
      if (dual !== undefined) return DUAL_SCALE[dual];
      // A scale word alone is one of it: "بمليون ليرة", "مليوناً و240 ألف".
      const single = cores(word).find((c) => SINGLE_SCALE[c] !== undefined);
      return single === undefined ? undefined : SINGLE_SCALE[single];
    }
    value = NUMBER_WORDS[bare]!;
  }
  if (next && TEENS.has(next) && value < 10) return value + 10; // "اثنتي عشرة" is 12
  const scale = next ? SCALE[next] : undefined;
  return scale ? value * scale : value;
}

/** A word's synonym class: by the short list's light stems, else by a listed spelling,
 * attached prefixes and the article off ("بمشفى" is "مشفى"; `forms` are the word's lookup
 * forms), tanween alef or not ("اتفاقاً"). */
function synonymOf(word: string, stem: string, forms: readonly string[]): string | undefined {
  const direct = SYNONYM.get(stem) ?? (word.length >= 4 && word.endsWith('ا') ? SYNONYM.get(lightStem(word.slice(0, -1))) : undefined); // "اتفاقاً"
  if (direct !== undefined) return direct;
  for (const form of forms) {
    const t = SYNONYM_FORM.get(form) ?? (form.length >= 4 && form.endsWith('ا') ? SYNONYM_FORM.get(form.slice(0, -1)) : undefined);
    if (t !== undefined) return t;
  }
  // A relative adjective says its noun's thing: "الكهربائية" is of "الكهرباء", "الصحية" of
  // "الصحة" (the adjective never tells what happened, so action classes are left out).
  for (const form of forms) {
    const base = form.length >= 5 ? /^(.{3,}?)(?:يه|ي)$/.exec(form)?.[1] : undefined;
    if (!base) continue;
    if (NOT_NISBA.has(base)) continue;
    const t = SYNONYM_FORM.get(base) ?? SYNONYM_FORM.get(`${base}ه`);
    if (t !== undefined && !ACTION_SYNONYMS.has(t)) return t;
  }
  return undefined;
}

interface WordInfo {
  forms: string[];
  /** Antonym groups by the word's light stem or skeleton. */
  poles: readonly string[];
  /** The word's token; undefined for a stop word or a framing one. */
  token?: string;
  action: boolean;
  /** A framing head ("وزارة", "مديرية"): the word after it names a body, a thing. */
  head?: boolean;
  /** … one that names a body ("وزارة", "وزير", "مديرية"): the next word is a fact. */
  bodyHead?: boolean;
}

// What a word is, whatever its neighbours: news reuses its words, so this is kept for the
// words seen (up to a bound) rather than worked out again for every headline.
const WORD_INFO = new Map<string, WordInfo>();
function wordInfo(word: string): WordInfo {
  let info = WORD_INFO.get(word);
  if (info) return info;
  const forms = lookupForms(word);
  const stop = STOP.has(word);
  // A pole by the light stem of a listed word ("زيادة" / "زياد", "عودة" / "عود"), or by
  // skeleton when the word is shaped like a verb or verbal noun: nouns share skeletons with
  // the listed verbs ("القدم" of كرة القدم with "تقديم", "الأخيرة" with "تأخير"). Listed
  // spellings are also found as phrases in the headline loop.
  const stem = lightStem(word);
  const skel = skeleton(word);
  const verbShaped = isActionWord(word);
  const poles = stop ? [] : [...(POLE_STEM.get(stem) ?? []), ...(verbShaped ? (POLE_SKELETON.get(skel) ?? []) : [])];
  info = { forms, poles: [...new Set(poles)], action: false };
  if (!stop && word.length >= 2 && !STOP.has(stem) && !SCALE[word]) {
    const synonym = synonymOf(word, stem, forms);
    const token = synonym ?? skel;
    if (forms.some((form) => GENERIC.has(form))) {
      info.head = true;
      if (BODY_HEAD.test(forms[0]!)) info.bodyHead = true;
    }
    else {
      info.token = token;
      // A noun whose next word names which one ("محطة توليد" / "محطة تحويل").
      if (NAMING_HEADS.has(forms[0]!)) info.head = true;
      // A listed word is what its class is; any other by its own shape (a skeleton is
      // shared by unrelated words: "الداخلية" / "دخل").
      info.action = synonym !== undefined ? ACTION_SYNONYMS.has(token) : verbShaped;
    }
  }
  if (WORD_INFO.size >= 200_000) WORD_INFO.clear();
  WORD_INFO.set(word, info);
  return info;
}

/** A word without an attached و/ف ("وأكثر" is "أكثر"). */
const withoutAnd = (word: string): string => word.replace(/^[وف](?=...)/, '');

/** The word k places before `start`, without an attached و/ف. */
const wordBefore = (w: readonly string[], start: number, k: number): string => withoutAnd(w[start - k] ?? '');

/** Features of a headline given as folded words (TitleKeyFolder.words). */
export function headlineFeatures(words: readonly string[]): Features {
  const stems = new Set<string>();
  const numbers = new Set<string>();
  const places = new Set<string>();
  const poles = new Set<string>();
  const dates = new Set<string>();
  const roles = new Set<string>();
  const denied = new Set<string>();
  const actions = new Set<string>();
  let head = false; // the word before was a framing head ("وزير الاقتصاد")
  let bodyHead = false; // … one that names a body ("وزارة", "وزير", "مديرية")
  const w = officesForNames(words);
  let lastYear = 0; // the index of the last year read ("عامي 2024 و2025")
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    const start = i;
    const info = wordInfo(word);
    const afterHead = head;
    const afterBodyHead = bodyHead;
    bodyHead = false;
    head = false;
    const forms = info.forms;
    const place = phraseAt(w, i, forms, PLACE_INDEX);
    if (place) {
      places.add(`@${place.id}`);
      const country = COUNTRY.get(place.id);
      if (country) places.add(`@${country}`);
      stems.add(`@${place.id}`);
      i += place.length - 1;
      continue;
    }
    // A weekday takes the article: "الاثنين" is Monday, "اثنين" the number two ("وفاة
    // اثنين"), "أحد" one of ("قتل أحد العناصر"). "آب" is August after a number or "شهر"
    // ("15 آب"), not "الأب" or "أب" (a father).
    const date = phraseAt(w, i, forms, DATE_INDEX);
    const notDate =
      date !== undefined &&
      ((date.id.startsWith('day:') && !word.includes('ال')) || (word.replace(/^[وف]/, '') === 'اب' ? !AUGUST_BEFORE.test(w[i - 1] ?? '') : date.id === monthId(7) && forms.includes('اب')));
    if (date && !notDate) {
      dates.add(date.id);
      stems.add(date.id);
      i += date.length - 1;
      continue;
    }
    const role = phraseAt(w, i, forms, ROLE_INDEX);
    if (role && role.length > 1) {
      roles.add(role.id);
      stems.add(role.id);
      i += role.length - 1;
      continue;
    }
    if (role) roles.add(role.id); // one word ("الرئيس", "الخارجية"): still a word of the headline
    const listedPole = STOP.has(word) ? undefined : phraseAt(w, i, forms, POLE_INDEX);
    // A listed phrase in several groups counts in each ("رفع العقوبات": against imposing
    // them and against extending them).
    if (listedPole) for (const id of listedPole.id.split(',')) poles.add(id);
    // A listed phrase ("رفع حظر") says which group it is in; a word counts in every group.
    if (!(listedPole && listedPole.length > 1)) for (const p of info.poles) poles.add(p);
    const phrase = phraseAt(w, i, forms, SYNONYM_PHRASES);
    if (phrase) {
      stems.add(phrase.id);
      if (ACTION_SYNONYMS.has(phrase.id)) actions.add(phrase.id);
      i += phrase.length - 1;
      continue;
    }
    // "أكثر من 20": the number carries the bound (">20"); the words are no thing of their own.
    if (BOUNDS[withoutAnd(word)] && w[i + 1] === 'من' && w[i + 2] !== undefined && numberValue(w[i + 2]!, w[i + 3]) !== undefined) {
      i++;
      continue;
    }
    if (NEGATION.has(word)) {
      // What is denied: the next two words that carry meaning ("تنفي رفع سعر …", "لم تسجل
      // أي إصابة", "تنفي وقوع اشتباكات").
      // Framing words are skipped ("لا صحة لرفع …", "تنفي صحة الأنباء عن …"), and a word
      // is taken with and without an attached preposition ("لرفع" denies "رفع").
      for (const x of w.slice(i + 1).filter((x) => !STOP.has(x) && !FRAMING.has(x) && x.length > 1).slice(0, 2)) for (const c of cores(x)) denied.add(skeleton(c));
      continue;
    }
    // A feminine dual is the number two: "طائرتين" against "4 طائرات"; so are the
    // masculine duals of what the news counts ("شخصين" against "3 أشخاص"; the ending
    // alone is also a plural's, "مصابين").
    if ((word.length >= 6 && /(?:تين|تان)$/.test(word) && !/ست(?:ان|ين)$/.test(word) && !cores(word).some((c) => NOT_DUALS.has(c))) || COUNTED_DUALS.has(word)) numbers.add('2'); // not كردستان, بساتين
    let n = numberValue(word, w[i + 1]);
    if (n !== undefined) {
      const scaled = w[i + 1] !== undefined && SCALE[w[i + 1]!] !== undefined;
      if (w[i + 1] && (scaled || (TEENS.has(w[i + 1]!) && n > 10 && n < 20))) i++;
      // "مليون و240 ألف": one number, 1,240,000 (the part after "و" below the scale before it).
      const scale = scaled ? SCALE[w[i]!]! : /\d/.test(word) ? 0 : n >= 1e9 ? 1e9 : n >= 1e6 ? 1e6 : 0;
      const more = scale >= 1e6 && w[i + 1]?.startsWith('و') && NUMBER_WORDS[w[i + 1]!] === undefined ? numberValue(w[i + 1]!, w[i + 2]) : undefined; // not "مليون واحد"
      if (more !== undefined && more < scale) {
        n += more;
        i += w[i + 2] !== undefined && SCALE[w[i + 2]!] !== undefined ? 2 : 1;
      }
      const prev = wordBefore(w, start, 1);
      // "نصف مليون" is 500,000, "مليون ونصف" 1,500,000.
      const fraction = scale ? FRACTION[prev.replace(/^ب/, '')] : undefined;
      if (fraction !== undefined) n *= fraction;
      else if (scale && w[i + 1] === 'ونصف') {
        n += scale / 2;
        i += /^ال(?:مليون|مليار|الف)$/.test(w[i + 2] ?? '') ? 2 : 1; // "مليون ونصف المليون"
      }
      // A bound, not a count ("أكثر من 20 جريحاً", "نحو 163 مليون"): agrees with a count on
      // its side of it.
      const bound = BOUNDS[prev] ?? (prev === 'من' ? BOUNDS[wordBefore(w, start, 2)] : prev === 'علي' || prev === 'عن' ? BOUNDS[`${wordBefore(w, start, 3)} ${w[start - 2] ?? ''}`] : undefined);
      // A year ("لعام 2026", "عامي 2024 و2025") is compared with years only.
      const year = Number.isInteger(n) && n >= 1990 && n <= 2040 && !scaled && (YEAR_BEFORE.has(w[start - 1] ?? '') || (lastYear && start === lastYear + 1 && word.startsWith('و')));
      if (year) lastYear = i;
      numbers.add(year ? `year:${n}` : bound ? `${bound}${n}` : String(n));
      stems.add(`#${n}`);
      continue;
    }
    const token = info.token;
    head = info.head === true;
    bodyHead = info.bodyHead === true;
    if (token === undefined) continue;
    stems.add(token);
    if ((listedPole || info.action) && !afterHead) actions.add(token);
    // The body a ministry or directorate is of is a fact, like an office: "وزارة التربية"
    // and "وزارة التعليم العالي" are two, whichever headline of a story vouches.
    if (afterBodyHead) roles.add(`body:${token}`);
  }
  const classes = new Set<string>();
  for (const t of actions) for (const c of CLASSES_OF_SKELETON.get(t) ?? NONE) classes.add(c);
  // A window keeps tens of thousands of these: empty sets are shared, not kept one each.
  const kept = (set: Set<string>) => (set.size > 0 ? set : NONE);
  return {
    stems, bare: new Set([...stems].map(unprefixed)), sequence: [...stems], numbers: kept(numbers), places: kept(places), poles: kept(poles),
    denied: kept(denied), words, dates: kept(dates), roles: kept(roles), actions: kept(actions), classes: kept(classes),
  };
}

/**
 * How two headlines' token sequences align (longest common subsequence). Between two
 * aligned tokens, a token only one side has is an added detail; a token on each side that
 * the other side has nowhere is a swap. Words merely moved ("الطاقة والنقل" / "النقل
 * والطاقة") are neither.
 */
export interface Alignment {
  /** Gaps holding a swap, and the first swap seen. */
  swaps: number;
  firstSwap?: [string, string];
  /** Gaps where each side has only its own word for what happened ("يفتتح" / "يتفقد"). */
  actionSwaps: number;
  firstActionSwap?: [string, string];
  /** Tokens only one side has, inside the shared part or in a swap; and per side, the
   * things among them (not actions). */
  unique: number;
  uniqueA: number;
  uniqueB: number;
  firstA?: string;
  firstB?: string;
}

export function align(a: Features, b: Features): Alignment {
  const x = a.sequence;
  const y = b.sequence;
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: common subsequence length of x[i..] and y[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  // Thesaurus classes are named "=…": only then is a skeleton alias worth looking up.
  const eq = (p: string, q: string) =>
    p === q ||
    prefixed(p, q) ||
    prefixed(q, p) ||
    (p[0] === '=' && b.actions.has(q) && CLASS_SKELETONS.get(p)?.has(q) === true) ||
    (q[0] === '=' && a.actions.has(p) && CLASS_SKELETONS.get(q)?.has(p) === true);
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = eq(x[i]!, y[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: Alignment = { swaps: 0, actionSwaps: 0, unique: 0, uniqueA: 0, uniqueB: 0 };
  // One gap between aligned tokens at a time: its own words on each side.
  let gapA: string[] = [];
  let gapB: string[] = [];
  let matched = false;
  // A swap puts one thing in place of another ("الكهرباء" / "المياه"); a gap where one
  // side only re-words what happened ("افتتاح" / "تدشين") is not one.
  const closeGap = (last: boolean) => {
    const swap = gapA.some((t) => !a.actions.has(t)) && gapB.some((t) => !b.actions.has(t));
    if (swap) {
      out.swaps++;
      out.firstSwap ??= [gapA[0]!, gapB[0]!];
    } else if (gapA.length > 0 && gapB.length > 0 && gapA.every((t) => a.actions.has(t)) && gapB.every((t) => b.actions.has(t))) {
      out.actionSwaps++;
      out.firstActionSwap ??= [gapA[0]!, gapB[0]!];
    }
    // A clause one outlet adds before or after the shared part is a detail: it does not
    // make two headlines less alike in the template sense. Words inside the shared part,
    // or on both sides of an edge, do.
    if (swap || (matched && !last)) {
      out.unique += gapA.length + gapB.length;
      const thingsA = gapA.filter((t) => !a.actions.has(t));
      const thingsB = gapB.filter((t) => !b.actions.has(t));
      out.uniqueA += thingsA.length;
      out.uniqueB += thingsB.length;
      out.firstA ??= thingsA[0];
      out.firstB ??= thingsB[0];
    }
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(x[i]!, y[j]!)) {
      closeGap(false);
      matched = true;
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      if (!present(x[i]!, b, a)) gapA.push(x[i]!);
      i++;
    } else {
      if (!present(y[j]!, a, b)) gapB.push(y[j]!);
      j++;
    }
  }
  closeGap(true);
  return out;
}

// A swap in a headline that is otherwise the same template (few words differ in all) is a
// different event: another ministry, city, commodity or verb in the same sentence.
const TEMPLATE_UNIQUE = 4;
const ACTION_TEMPLATE_UNIQUE = 2;

const PREFIX_LETTER = /^[بلوف]/; // not ك: more words start with it (كهرباء) than take it
/** A token without the one-letter prefix stemming may leave on ("لداعش" → "داعش"). */
const unprefixed = (t: string): string => (t.length >= 4 && PREFIX_LETTER.test(t) ? t.slice(1) : t);

/** Is `p` the token `q` with a one-letter prefix left on? */
function prefixed(p: string, q: string): boolean {
  return p.length === q.length + 1 && q.length >= 3 && PREFIX_LETTER.test(p) && p.endsWith(q);
}

/** Does headline `f` say `t` (a token of headline `from`): the token, or for a place, the
 * place or its country ("السوري" is said by a headline naming دمشق), or for an action, a
 * thesaurus class its verb form belongs to. */
function present(t: string, f: Features, from: Features): boolean {
  // The same word with or without a one-letter prefix left on ("لداعش" / "داعش").
  if (f.stems.has(t) || f.bare.has(unprefixed(t)) || (t.startsWith('@') && f.places.has(t))) return true;
  // A thesaurus class and a word it does not list, either way round.
  if (f.classes.has(t)) return true;
  if (from.actions.has(t)) for (const c of CLASSES_OF_SKELETON.get(t) ?? NONE) if (f.stems.has(c)) return true;
  return false;
}

/** A number token's value ("~20", ">20", "<20", "20"), and whether it is a bound. */
const numberOf = (t: string): number => Number(/^[~<>]/.test(t) ? t.slice(1) : t);
const isBound = (t: string): boolean => /^[~<>]/.test(t);

/** The counts a bound allows: "> n" n to 1.5n, "< n" 0.5n to n, "~ n" within 15 %. */
function range(bound: string): [number, number] {
  const n = numberOf(bound);
  return bound[0] === '>' ? [n, 1.5 * n] : bound[0] === '<' ? [0.5 * n, n] : [0.85 * n, 1.15 * n];
}
function holds(bound: string, m: number): boolean {
  const [low, high] = range(bound);
  return m >= low && m <= high;
}

/** Do two number tokens say the same: equal counts, a count within a bound, two bounds
 * whose ranges overlap. */
function sameNumber(p: string, q: string): boolean {
  if (p === q) return true;
  // Two bounds: their ranges overlap by more than a point ("أكثر من 100" / "أقل من 100" do not).
  if (isBound(p) && isBound(q)) return Math.max(range(p)[0], range(q)[0]) < Math.min(range(p)[1], range(q)[1]);
  if (isBound(p)) return holds(p, numberOf(q));
  if (isBound(q)) return holds(q, numberOf(p));
  return numberOf(p) === numberOf(q);
}

/** Numbers as `nested`, but a bound (">20" for "أكثر من 20", "<20", "~20") agrees with a
 * count on its side of it, and years are held against years only. */
function numbersAgree(a: Set<string>, b: Set<string>): boolean {
  const ya: string[] = [];
  const yb: string[] = [];
  const xa: string[] = [];
  const xb: string[] = [];
  // A bare number the other side calls a year is that year ("الثانوية 2025" / "لعام 2025").
  for (const t of a) {
    if (t.startsWith('year:')) ya.push(t);
    else if (b.has(`year:${t}`)) ya.push(`year:${t}`);
    else xa.push(t);
  }
  for (const t of b) {
    if (t.startsWith('year:')) yb.push(t);
    else if (a.has(`year:${t}`)) yb.push(`year:${t}`);
    else xb.push(t);
  }
  if (ya.length && yb.length && !nested(new Set(ya), new Set(yb))) return false;
  if (!xa.length || !xb.length) return true;
  return within(xa, xb) || within(xb, xa);
}

/** Is every number of `small` said by `large`? */
function within(small: readonly string[], large: readonly string[]): boolean {
  for (const p of small) if (!large.some((q) => sameNumber(p, q))) return false;
  return true;
}

/** Is one set inside the other (either way)? Two sets that each name something the other
 * does not ("3" / "5", "@homs" / "@hama") disagree. */
function nested(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (!large.has(x)) return false;
  return true;
}

/** Skeletons of every word of a headline but the negations, made once and kept. */
const skeletonCache = new WeakMap<Features, Set<string>>();
function skeletonsOf(f: Features): Set<string> {
  let set = skeletonCache.get(f);
  if (!set) skeletonCache.set(f, (set = new Set(f.words.filter((x) => x.length > 1 && !NEGATION.has(x)).map(skeleton))));
  return set;
}

function deniesWhatOtherSays(a: Features, b: Features): boolean {
  if (a.denied.size === 0) return false;
  const said = skeletonsOf(b);
  for (const d of a.denied) if (!b.denied.has(d) && said.has(d)) return true;
  return false;
}

/** Does each side tell what happened, and no action of one is the other's? */
function disjointActions(a: Features, b: Features): boolean {
  if (a.actions.size === 0 || b.actions.size === 0) return false;
  for (const t of a.actions) if (present(t, b, a)) return false;
  for (const t of b.actions) if (present(t, a, b)) return false;
  return true;
}

/** Does a token name who or where (a place, an office, a person's office) rather than what? */
const whoOrWhere = (t: string): boolean => t.startsWith('@') || t.startsWith('role:') || OFFICE_TOKENS.has(t);

/** The share of headline `a`'s things (not actions, places, offices, numbers or dates) that
 * `words` has; 1 when it names none. */
export function thingsCovered(a: Features, words: ReadonlySet<string>): number {
  let things = 0;
  let covered = 0;
  for (const t of a.stems) {
    if (a.actions.has(t) || whoOrWhere(t) || t.startsWith('#') || t.startsWith('day:') || t.startsWith('month:')) continue;
    things++;
    if (words.has(t) || words.has(unprefixed(t))) covered++;
  }
  return things === 0 ? 1 : covered / things;
}

/** Does `a` name a thing (not an action, place or office) that `b` does not? */
function ownThing(a: Features, b: Features): boolean {
  for (const t of a.stems) if (!a.actions.has(t) && !whoOrWhere(t) && !present(t, b, a)) return true;
  return false;
}

/** Do two headlines share a word beyond places, offices and people's offices? */
function sharesWhat(a: Features, b: Features): boolean {
  for (const t of a.stems) if (!whoOrWhere(t) && present(t, b, a)) return true;
  return false;
}

/** The guards on facts alone: numbers, places, days and months, offices. `governorates`:
 * a town also names its governorate ("منبج" is in "ريف حلب"). */
export function factsDiffer(a: Features, b: Features, governorates = false): string | undefined {
  if (a.numbers.size && b.numbers.size && !numbersAgree(a.numbers, b.numbers)) return 'numbers differ';
  if (a.places.size && b.places.size && !(governorates ? nested(withGovernorates(a.places), withGovernorates(b.places)) : nested(a.places, b.places))) return 'places differ';
  if (a.dates.size && b.dates.size && !nested(a.dates, b.dates)) return 'dates differ';
  if (a.roles.size && b.roles.size && !nested(a.roles, b.roles)) return 'offices differ';
  return undefined;
}

/** Why two headlines must not fold, or undefined when no guard objects. `evidenceOnly`:
 * only the guards that read a difference, not those that find too little in common. */
export function vetoReason(a: Features, b: Features, evidenceOnly = false): string | undefined {
  const facts = factsDiffer(a, b);
  if (facts) return facts;
  // One side denies what the other asserts; "… ولا إصابات" denies what the other does not
  // mention, and is only a detail.
  if (deniesWhatOtherSays(a, b) || deniesWhatOtherSays(b, a)) return 'one is negated';
  // The first word of an antonym group each side uses: "ارتفاع الذهب مع تراجع الدولار" and
  // "انخفاض الذهب مع صعود الدولار" use both sides of one group, in opposite order.
  const first = (poles: Set<string>) => {
    const m = new Map<string, string>();
    for (const p of poles) {
      const [group, side] = p.split(':') as [string, string];
      if (!m.has(group)) m.set(group, side);
    }
    return m;
  };
  const fa = first(a.poles);
  const fb = first(b.poles);
  for (const [group, side] of fa) if (fb.has(group) && fb.get(group) !== side) return 'opposite verbs';
  // A price or rate that moved is news; the same price without a direction is the daily
  // bulletin ("سعر صرف الليرة … اليوم الأحد" / "ارتفاع سعر صرف الليرة …").
  if (fa.has('0') !== fb.has('0') && (a.dates.size > 0 || b.dates.size > 0)) return 'a bulletin against a move';
  // Who and where alone do not make one story when one side says more: "ماكرون يدعو إلى
  // حماية الأقليات في سوريا" and "ماكرون يستقبل الرئيس السوري" share only the French
  // president and Syria. ("الشيباني يزور عمّان" / "وزير الخارجية السوري يصل إلى عمّان"
  // say nothing more, and pass.)
  if (evidenceOnly) return undefined;
  if (!sharesWhat(a, b) && (ownThing(a, b) || ownThing(b, a) || disjointActions(a, b))) return 'only who and where in common';
  return undefined;
}

/** Two items with a first sentence each, beyond their headlines: a place or day one
 * headline names that the other's sentence contradicts ("… في ريف حمص" / a sentence "… في
 * ريف حماة الشرقي" under a headline that names no place), or two sentences that name
 * different days (the same bulletin, convoy or forecast on two days, under one headline). */
export function crossVetoReason(headA: Features, leadA: Features, headB: Features, leadB: Features): string | undefined {
  for (const [head, lead] of [[headA, leadB], [headB, leadA]] as const) {
    // A headline names the governorate, a sentence the town in it ("ريف دمشق" / "جرمانا").
    if (head.places.size && lead.places.size && !nested(withGovernorates(head.places), withGovernorates(lead.places))) return 'places differ (headline / first sentence)';
    if (datesDiffer(head.dates, lead.dates)) return 'dates differ (headline / first sentence)';
  }
  if (datesDiffer(leadA.dates, leadB.dates)) return 'dates differ (first sentences)';
  return undefined;
}

const withGovernorates = (places: Set<string>): Set<string> => {
  const out = new Set(places);
  for (const p of places) {
    const governorate = GOVERNORATE.get(p.slice(1));
    if (governorate) out.add(`@${governorate}`);
  }
  return out;
};

/** Weekdays against weekdays, months against months: "الأحد" and "أول حزيران" can be one day. */
function datesDiffer(a: Set<string>, b: Set<string>): boolean {
  for (const kind of ['day:', 'month:']) {
    const x = new Set([...a].filter((d) => d.startsWith(kind)));
    const y = new Set([...b].filter((d) => d.startsWith(kind)));
    if (x.size && y.size && !nested(x, y)) return true;
  }
  return false;
}

/**
 * Similarity of two token sets, 0–1: the mean of Dice (shared over both) and the overlap
 * coefficient (shared over the shorter), so a headline that only adds a clause still
 * scores high while two long headlines sharing a few words do not. (Weighting tokens by
 * their rarity in the window was tried and measured no better on the tune split.)
 */
export function similarity(a: Features, b: Features): number {
  let shared = 0;
  for (const t of a.stems) if (present(t, b, a)) shared++;
  if (shared < 2) return 0;
  const dice = (2 * shared) / (a.stems.size + b.stems.size);
  // A headline of two or three tokens is inside almost anything on its subject: the
  // overlap coefficient would call it a match. Dice alone judges those.
  if (Math.min(a.stems.size, b.stems.size) < 4) return dice;
  const overlap = shared / Math.min(a.stems.size, b.stems.size);
  return (dice + overlap) / 2;
}

export interface Match {
  score: number;
  /** Set when a guard vetoed the merge. */
  veto?: string;
}

/** Similarity in both directions, the lower one: never depends on which came first. */
export function symmetricSimilarity(a: Features, b: Features): number {
  return Math.min(1, similarity(a, b), similarity(b, a));
}

/**
 * Score and guards of two headlines (`score` when the caller has it already). The guards
 * are symmetric; the alignment is not (the longest common subsequence breaks ties by
 * side), so swaps are looked for both ways. `evidenceOnly` leaves out the guards that need
 * the two to share a template (swaps, "only who and where in common").
 */
export function compare(a: Features, b: Features, score = symmetricSimilarity(a, b), evidenceOnly = false): Match {
  const veto = vetoReason(a, b, evidenceOnly) ?? (evidenceOnly ? undefined : swapReason(align(a, b)) ?? swapReason(align(b, a)));
  return veto ? { score, veto } : { score };
}

function swapReason(al: Alignment): string | undefined {
  if (al.swaps > 0 && al.unique <= TEMPLATE_UNIQUE) return `"${al.firstSwap![0]}" swapped for "${al.firstSwap![1]}"`;
  // Everything the same but what happened: another event, unless the two words are listed
  // synonyms (then they are one token and no gap). "يرفع اسم … من القائمة" / "يبقي اسم …".
  if (al.actionSwaps > 0 && al.unique <= ACTION_TEMPLATE_UNIQUE) return `what happened differs: "${al.firstActionSwap![0]}" / "${al.firstActionSwap![1]}"`;
  // Each side has a word of its own and hardly anything else differs: a swap even when
  // the two words sit in different places ("مصرف سوريا المركزي" / "المصرف التجاري السوري").
  if (al.uniqueA > 0 && al.uniqueB > 0 && al.unique <= 3) return `"${al.firstA}" against "${al.firstB}"`;
  return undefined;
}

/**
 * A summary's first sentence, when it says more than the headline: the text up to the
 * first full stop, question mark or line break (at most 300 characters); undefined when
 * there is none of at least four words, or when it only repeats the title.
 */
export function leadSentence(html: string, title: string): string | undefined {
  if (!html) return undefined;
  const text = plainTextOfSanitized(html.slice(0, 4000));
  // A point between digits is a decimal or thousands mark ("11.500 ليرة"), not a stop.
  const first = text.split(/(?<!\d)\.|\.(?!\d)|[!?؟\n]|…|\s[-–—]\s/u).map((x) => x.trim()).find((x) => x.split(/\s+/).length >= 4);
  if (!first) return undefined;
  const sentence = first.slice(0, 300);
  return foldWords(sentence) === foldWords(title) ? undefined : sentence;
}
