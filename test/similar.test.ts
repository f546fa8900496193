// The near-duplicate stage: features, guards and the fold that uses them.
import { describe, expect, it } from 'vitest';
import { explainStory } from '../src/commands/stories.js';
import { foldItems, splitKey } from '../src/dedupe/fold.js';
import { compare, headlineFeatures, isActionWord, leadSentence, lightStem, skeleton } from '../src/dedupe/similar.js';
import { thesaurusRows } from '../src/dedupe/thesaurus.js';
import { foldWords } from '../src/normalize/arabic.js';
import type { Item, Story } from '../src/model.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { backgroundItems } from './helpers/eval.js';

const key = createTitleKeyFolder(['سانا', 'الوطن', 'عنب بلدي']);
const f = (title: string) => headlineFeatures(key.words(title));
const cmp = (a: string, b: string) => compare(f(a), f(b));

describe('features', () => {
  it('stems light: attached prefixes and common suffixes off, names kept whole', () => {
    expect(lightStem('والمفاوضات')).toBe('مفاوض');
    expect(lightStem('بوتين')).not.toBe('وت'); // a bare ب is not cut from a name
    expect(skeleton('يعيد')).toBe(skeleton('اعاد'));
    expect(skeleton('تشكيل')).toBe(skeleton('تشكل'));
    expect(skeleton('ليتر')).toBe(skeleton('لتر'));
    // The present tense of forms V and VIII meets its verbal noun; form X is left alone.
    expect(skeleton('يرتفع')).toBe(skeleton('ارتفاع'));
    expect(skeleton('ينتشر')).toBe(skeleton('انتشار'));
    expect(skeleton('يتسلم')).toBe(skeleton('تسلم'));
    expect(skeleton('يستءنف')).toBe(skeleton('استءناف'));
    expect(skeleton('تستهدف')).toBe(skeleton('استهداف'));
  });

  it.each([
    ['تعلن', true], ['يتفقد', true], ['افتتاح', true], ['تدشين', true], ['الانطلاق', true], ['استئناف', true], ['انطلقت', true], ['لتعزيز', true],
    ['الكهرباء', false], ['سيريتل', false], ['الداخلية', false], ['التجاري', false], ['تشرين', false], ['الفروج', false], ['المستشفى', false],
  ])('tells what happened from who or what by the shape of the word: %s is an action: %s', (word, action) => {
    expect(isActionWord(foldWords(word))).toBe(action);
  });

  it('finds places with their prefixes and country, numbers with their scale, dates, negation', () => {
    const x = f('انفجار لغم بريف حماة ومقتل 3 وإصابة خمسة يوم الأحد 12 آذار');
    expect([...x.places].sort()).toEqual(['@hama', '@syria']);
    expect([...x.numbers].sort()).toEqual(['12', '3', '5']);
    expect([...x.dates].sort()).toEqual(['day:الاحد', 'month:2']);
    expect(f('رفع سعر البنزين إلى 10 آلاف ليرة').numbers).toEqual(new Set(['10000']));
    expect(f('للاذقية').places.has('@latakia')).toBe(true);
    expect(f('وزارة الصحة تنفي تسجيل إصابات').denied.has(skeleton('تسجيل'))).toBe(true);
    expect(f('موسكو تؤكد').places).toEqual(f('روسيا تؤكد').places);
  });

  it.each([
    // Fuels and nutrients end like a feminine dual and count nothing; a real dual still does.
    ['سعر البنزين أوكتان 90', ['90']],
    ['غاز البوتان المنزلي', []],
    ['سقوط طائرتين مسيرتين', ['2']],
    // A scale word alone is one of it, and "… مليون و240 ألف" is one number.
    ['الغرام بمليون و240 ألف ليرة', ['1240000']],
    ['ليسجل مليوناً و240 ألف ليرة', ['1240000']],
    ['قرض بقيمة مليونين و500 ألف دولار', ['2500000']],
    ['مقتل 3 وإصابة 5', ['3', '5']],
    ['عودة نصف مليون لاجئ', ['500000']],
    ['مليون ونصف المليون طالب', ['1500000']],
    // "الواحد" after a noun is "per", not a count; "مليون واحد" is no 1,000,001.
    ['9500 ليرة لليتر الواحد', ['9500']],
    ['مليون واحد', ['1000000', '1']],
    ['عدد العائدين يتجاوز مليوناً منذ سقوط النظام', ['1000000']],
    // "مليونا دولار" two, "مليوناً و…" one (tanween folds away).
    ['منحة بقيمة مليونا دولار', ['2000000']],
    ['ملياراً و200 مليون ليرة', ['1200000000']],
    // Bounds, with their direction, and years (after a word for year only).
    ['أكثر من 20 جريحاً بانقلاب حافلة', ['>20']],
    ['ما يزيد على 500 ألف لاجئ', ['>500000']],
    ['أقل من 20 إصابة', ['<20']],
    ['نحو 163 مليون دولار', ['~163000000']],
    ['نتائج امتحانات عام 2026', ['year:2026']],
    ['مقارنة بين عامي 2024 و2025', ['year:2024', 'year:2025']],
    ['وزارة التجارة ترفع سعر ربطة الخبز إلى 2000', ['2000']],
    ['2000 ليرة سعر الربطة', ['2000']],
  ])('reads the numbers of "%s" as %j', (title, numbers) => {
    expect([...f(title).numbers].sort()).toEqual([...numbers].sort());
  });

  it('holds a bound against a count on its side of it, a year against years only', () => {
    const crash = (n: string) => cmp('وفاة 5 أشخاص وإصابة 22 بانقلاب حافلة على طريق دمشق حمص', `خمسة قتلى و${n} جريحاً بانقلاب حافلة على طريق دمشق حمص`).veto;
    expect(crash('أكثر من 20')).not.toBe('numbers differ');
    expect(crash('أكثر من 40')).toBe('numbers differ');
    expect(crash('أقل من 20')).toBe('numbers differ'); // 22 is not fewer than 20
    expect(crash('نحو 21')).not.toBe('numbers differ');
    // "More than 20" is not 16 (a review's hard negative).
    expect(cmp('مقتل أكثر من 20 شخصاً بانفجار سيارة مفخخة في اعزاز', 'مقتل 16 شخصاً بانفجار سيارة مفخخة في سوق اعزاز الشعبي').veto).toBe('numbers differ');
    expect(cmp('صدور نتائج الشهادة الثانوية العامة لعام 2025', 'نسبة النجاح 71.3 بالمئة في نتائج الشهادة الثانوية العامة').veto).not.toBe('numbers differ');
    // A number the other side calls a year is that year.
    expect(cmp('وزارة التربية تصدر نتائج الشهادة الثانوية 2025', 'وزارة التربية تصدر نتائج الشهادة الثانوية لعام 2025 بنسبة نجاح 60 بالمئة').veto).toBeUndefined();
    // Bounds on two sides of one figure; superlatives are words of the headline.
    expect(cmp('مقتل أكثر من 100 شخص في غارات على إدلب', 'مقتل أقل من 100 شخص في غارات على إدلب').veto).toBe('numbers differ');
    expect(cmp('حلب المحافظة الأكثر تسجيلا لحالات الكوليرا', 'حلب المحافظة الأقل تسجيلا لحالات الكوليرا').veto).toBeDefined();
    expect(cmp('وزارة التربية تصدر برنامج امتحانات الشهادة الثانوية لعام 2025', 'وزارة التربية تصدر برنامج امتحانات الشهادة الثانوية لعام 2026').veto).toBe('numbers differ');
    // A number closing a headline is a count: "… الخبز إلى 2000" is no year against "1500 ليرة".
    expect(cmp('وزارة التجارة ترفع سعر ربطة الخبز إلى 2000', 'وزارة التجارة ترفع سعر ربطة الخبز المدعوم في الأفران العامة إلى 1500 ليرة').veto).toBe('numbers differ');
  });

  it('reads a Syrian place named with the article only with it ("ورقة" is no الرقة)', () => {
    expect([...f('طرح ورقة نقدية جديدة من فئة 5000 ليرة').places]).toEqual([]);
    expect([...f('الفرقة الرابعة تنسحب من ريف دمشق').places].sort()).toEqual(['@rif-dimashq', '@syria']);
    expect([...f('مظاهرات سلمية في دمشق').places].sort()).toEqual(['@damascus', '@syria']);
    expect([...f('مقتل شاب برصاص مجهولين في سلمية').places].sort()).toEqual(['@salamiyah', '@syria']);
    expect([...f('قافلة مساعدات تصل للرقة').places].sort()).toEqual(['@raqqa', '@syria']);
    expect([...f('قصف بالرقة').places].sort()).toEqual(['@raqqa', '@syria']);
  });

  it('reads a relative adjective as its noun\'s thing ("الكهربائية" is of "الكهرباء"), not a short noun\'s', () => {
    const m = cmp('زيادة ساعات تغذية الكهرباء في دمشق إلى 10 ساعات يومياً', 'زيادة ساعات التغذية الكهربائية في دمشق لتصل إلى 10 ساعات يومياً');
    expect(m.veto).toBeUndefined();
    expect(m.score).toBeGreaterThanOrEqual(0.65);
    // "المحلية" (local) is not of "محل" (a shop); "النفطية" is of "النفط".
    expect(cmp('انتخابات المجالس المحلية في حلب', 'إغلاق محلات في حلب').veto).toBeDefined();
    expect(cmp('ارتفاع أسعار المشتقات النفطية في سوريا', 'ارتفاع أسعار مشتقات النفط في سوريا').veto).toBeUndefined();
  });
});

describe('compare', () => {
  it('scores an outlet re-wording high, with no veto (the issue\'s example)', () => {
    const m = cmp('موسكو تؤكد استمرار التنسيق مع دمشق', 'روسيا تؤكد مواصلة التنسيق مع دمشق بشأن قواعدها العسكرية');
    expect(m.veto).toBeUndefined();
    expect(m.score).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ['numbers differ', 'مقتل 3 عناصر من قوات الأمن بهجوم في ريف درعا', 'مقتل 5 عناصر من قوات الأمن بهجوم في ريف درعا'],
    ['places differ', 'انفجار لغم من مخلفات الحرب في ريف حمص', 'انفجار لغم من مخلفات الحرب في ريف حماة'],
    ['places differ', 'وزير الخارجية السوري يلتقي نظيره الأردني في عمان', 'وزير الخارجية السوري يلتقي نظيره التركي في أنقرة'],
    ['opposite verbs', 'ارتفاع سعر الذهب في السوق السورية', 'انخفاض سعر الذهب في السوق السورية'],
    ['opposite verbs', 'فتح معبر نصيب الحدودي أمام الشاحنات', 'إغلاق معبر نصيب الحدودي أمام الشاحنات'],
    ['one is negated', 'المؤسسة السورية للمخابز تنفي رفع سعر ربطة الخبز', 'المؤسسة السورية للمخابز ترفع سعر ربطة الخبز'],
    ['dates differ', 'نشرة أسعار الخضار والفواكه ليوم الأحد', 'نشرة أسعار الخضار والفواكه ليوم الاثنين'],
    ['offices differ', 'الرئيس اللبناني يستقبل المبعوث الأمريكي في بيروت', 'رئيس الحكومة اللبنانية يستقبل المبعوث الأمريكي في بيروت'],
    // The ministry a headline names is a fact, like an office.
    ['offices differ', 'وزارة الداخلية تطلق منصة إلكترونية لتقديم الشكاوى', 'وزارة العدل تطلق منصة إلكترونية لتقديم الشكاوى'],
    ['swapped', 'انقطاع الكهرباء عن أحياء واسعة من مدينة حمص لساعات', 'انقطاع المياه عن أحياء واسعة من مدينة حمص لساعات'],
    ['against', 'مصرف سوريا المركزي يرفع سعر الفائدة على الودائع', 'المصرف التجاري السوري يرفع سعر الفائدة على الودائع'],
    // A word in two antonym groups ("زيادة" raises a price and a quantity) counts in both.
    ['opposite verbs', 'زيادة مخصصات محافظة درعا من مادة المازوت', 'تخفيض مخصصات محافظة درعا من مادة المازوت'],
    ['opposite verbs', 'زيادة ساعات التقنين في ريف دمشق', 'تخفيض ساعات التقنين في ريف دمشق'],
    ['opposite verbs', 'تمديد حظر التجول في مدينة جبلة', 'رفع حظر التجول في مدينة جبلة'],
    // Everything the same but what happened, and the two words are no listed synonyms.
    ['what happened differs', 'محافظ حمص يفتتح مشروع الصرف الصحي في حي الوعر', 'محافظ حمص يتفقد مشروع الصرف الصحي في حي الوعر'],
    ['what happened differs', 'البرلمان الأوروبي يمدد العقوبات على شركات الأسلحة', 'البرلمان الأوروبي يراجع العقوبات على شركات الأسلحة'],
    // Who and where alone do not make one story.
    ['only who and where', 'ماكرون يدعو إلى حماية الأقليات في سوريا', 'ماكرون يستقبل الرئيس السوري في باريس'],
  ])('vetoes: %s', (reason, a, b) => {
    const m = cmp(a, b);
    expect(m.veto).toContain(reason);
  });

  it('does not call a re-worded action a swap, while a thing in place of another still is one', () => {
    // One outlet names who acted and says "افتتاح", the other says "تدشين": not a swap.
    const m = cmp('وزارة الصحة: افتتاح وحدة جديدة لغسيل الكلى في مشفى درعا الوطني', 'تدشين وحدة لغسيل الكلى بمشفى درعا الوطني');
    expect(m.veto).toBeUndefined();
    expect(m.score).toBeGreaterThanOrEqual(0.65);
    // (The ministry a headline names is a fact of its own now: "offices differ" first.)
    expect(cmp('وزير الصحة يتفقد سير العمل في مشفى الأسد الجامعي', 'وزير العدل يتفقد سير العمل في مشفى الأسد الجامعي').veto).toMatch(/swapped|offices differ/);
  });

  it.each([
    // A word after a head that it names is a thing, whatever its shape.
    ['وزير الاقتصاد يلتقي وفداً من رجال الأعمال الأتراك', 'وزير الصناعة يلتقي وفداً من رجال الأعمال الأتراك'],
    ['خروج محطة توليد بانياس من الخدمة إثر عطل فني', 'خروج محطة تحويل بانياس من الخدمة إثر عطل فني'],
    ['خروج محطة تحويل بانياس عن الخدمة', 'خروج محطة كهرباء بانياس عن الخدمة'],
    ['مديرية التخطيط في حلب تعقد اجتماعاً لمناقشة الموازنة', 'مديرية الصحة في حلب تعقد اجتماعاً لمناقشة الموازنة'],
    // An inflection of a listed opposite ("مغادرة" of the listed "مغادر").
    ['مغادرة الوفد الأممي دمشق بعد جولة محادثات', 'وصول الوفد الأممي إلى دمشق في جولة محادثات'],
    ['رفع أسعار الإنترنت', 'رفع أسعار الكهرباء'],
    // The two senses of رفع: raise a price, lift a subsidy or sanctions.
    ['الحكومة ترفع الدعم عن الخبز', 'الحكومة تزيد الدعم المخصص للخبز'],
    ['الخزانة الأمريكية تفرض عقوبات على شركات صرافة سورية', 'الخزانة الأمريكية ترفع العقوبات عن شركات صرافة سورية'],
    // A thesaurus word is found by its spelling, not by a stem other words share.
    ['السيد الرئيس يستقبل وفداً من الفنانين', 'سيدة تستقبل وفداً من الفنانين'],
    ['وزارة الكهرباء تتوقع تحسن التغذية الكهربائية في حلب', 'وزارة الكهرباء توقع عقداً لتحسين التغذية الكهربائية في حلب'],
    // A masculine dual of what the news counts is the number two.
    ['وفاة شخصين بحادث سير في حمص', 'وفاة 5 أشخاص بحادث سير في حمص'],
    // Only who and where in common, and each side tells another thing that happened.
    ['الرئيس الشرع يلتقي ترامب في البيت الأبيض', 'ترامب يعلن من الرياض رفع العقوبات الأمريكية عن سوريا'],
    // Framing words by their spelling: "الميدان" is not "مادة", it names the quarter.
    ['انقطاع الكهرباء عن حي الميدان بدمشق', 'انقطاع الكهرباء عن حي المزة بدمشق'],
    // A noun does not join a class of verbs by skeleton ("قافلة" / "إقفال").
    ['دخول قافلة مساعدات أممية إلى السويداء', 'إغلاق طريق المساعدات الأممية إلى السويداء'],
    // A listed phrase counts in every antonym group it is in.
    ['ترامب يعلن رفع العقوبات عن سوريا', 'ترامب يعلن تمديد العقوبات على سوريا'],
    // A nationality in the plural names its country.
    ['وزير الاقتصاد يلتقي وفداً من رجال الأعمال الأتراك', 'وزير الاقتصاد يلتقي وفداً من رجال الأعمال السعوديين'],
  ])('keeps apart (found by review): %s / %s', (a, b) => {
    const m = cmp(a, b);
    expect(m.veto !== undefined || m.score < 0.65, `${m.score} ${m.veto}`).toBe(true);
  });

  it('reads the thesaurus: synonyms, phrases, a preposition attached, and forms it does not list', () => {
    expect(cmp('افتتاح جسر الرستن بعد ترميمه', 'تدشين جسر الرستن بعد ترميمه').score).toBe(1);
    const truce = cmp('هدنة في ريف السويداء الغربي برعاية أردنية', 'وقف إطلاق النار في ريف السويداء الغربي برعاية أردنية');
    expect(truce.veto).toBeUndefined();
    expect(truce.score).toBe(1);
    expect(f('نقل مصابين إلى مستشفى حماة').stems).toEqual(f('نقل مصابين الى مشفى حماة').stems);
    expect(f('نقل مصابين بمشفى حماة').stems).toEqual(f('نقل مصابين إلى مشفى حماة').stems);
    // "إعادة" is in no set; its skeleton is the one of "عودة", which the thesaurus lists.
    const back = cmp('إعادة الرحلات الجوية بين دمشق والكويت', 'عودة الرحلات الجوية بين دمشق والكويت');
    expect(back.veto).toBeUndefined();
    expect(back.score).toBe(1);
  });

  it('keeps the thesaurus a clean table: every set two entries or more, no diacritics, no word in two sets', () => {
    const rows = thesaurusRows();
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.action).length).toBeGreaterThan(50); // both kinds, each row one
    expect(rows.filter((r) => !r.action).length).toBeGreaterThan(50);
    const owner = new Map<string, string>();
    for (const row of rows) {
      expect(row.entries.length, row.gloss).toBeGreaterThanOrEqual(2);
      for (const e of row.entries) {
        expect(e, row.gloss).not.toMatch(/[\u064B-\u065F\u0670\u0640]/);
        const k = foldWords(e);
        expect(owner.get(k) ?? row.gloss, `${e} in "${owner.get(k)}" and "${row.gloss}"`).toBe(row.gloss);
        owner.set(k, row.gloss);
      }
    }
  });

  it('lets a negated detail the other headline does not mention through', () => {
    expect(cmp('سقوط قذائف على أحياء في مدينة حلب', 'سقوط قذائف على أحياء في مدينة حلب.. ولا إصابات').veto).toBeUndefined();
  });

  it('reads "اثنين" without the article as the number two, "الاثنين" as Monday', () => {
    expect(f('وفاة اثنين بحادث سير في حماة').dates.size).toBe(0);
    expect(f('وفاة اثنين بحادث سير في حماة').numbers.has('2')).toBe(true);
    expect(f('نشرة الأسعار ليوم الاثنين').dates.has('day:الاثنين')).toBe(true);
  });

  it('reads a weekday only with the article, and "آب" as August only after a number or "شهر"', () => {
    expect(f('قتل أحد عناصر الأمن العام في جاسم').dates.size).toBe(0);
    expect(f('نشرة الأسعار ليوم الأحد').dates).toEqual(new Set(['day:الاحد']));
    expect(f('توفي الأب وطفلاه بحادث سير').dates.size).toBe(0);
    expect(f('أب وطفلاه ضحايا حادث سير').dates.size).toBe(0);
    expect(f('انفجار في باب النيرب بحلب').dates.size).toBe(0); // a gate, not "بآب" (in August)
    expect(f('امتحانات الدورة الثانية في 15 آب').dates.size).toBe(1);
    expect(f('امتحانات الدورة الثانية في 15 آب').dates).toEqual(f('امتحانات الدورة الثانية في 15 أغسطس').dates);
  });

  it('reads a feminine dual as the number two, and teens and dual scales as numbers', () => {
    expect(cmp('الجيش يعلن إسقاط 4 طائرات مسيرة في ريف حلب الشرقي', 'الجيش يعلن إسقاط طائرتين مسيرتين في ريف حلب الشرقي').veto).toBe('numbers differ');
    expect(f('تسجيل اثنتي عشرة إصابة').numbers).toEqual(new Set(['12']));
    expect(f('ضبط مليوني حبة كبتاغون').numbers).toEqual(new Set(['2000000']));
  });

  it('with evidenceOnly, keeps the guards that read a difference and drops those that need a shared template', () => {
    const [a, b] = [f('ماكرون يدعو إلى حماية الأقليات في سوريا'), f('ماكرون يستقبل الرئيس السوري')];
    expect(compare(a, b).veto).toBe('only who and where in common');
    expect(compare(a, b, undefined, true).veto).toBeUndefined();
    expect(compare(f('مقتل 3 أشخاص بانفجار في حلب'), f('انفجار يودي بحياة 5 في حلب'), undefined, true).veto).toBe('numbers differ');
  });

  it('reads a scale word with tanween as the scale ("150 ألفاً" is 150000)', () => {
    expect(f('من 150 ألفاً إلى 125 ألف ليرة').numbers).toEqual(new Set(['150000', '125000']));
    expect(f('صفقة بقيمة 50 ملياراً').numbers).toEqual(new Set(['50000000000']));
    expect(cmp('خفض سعر الأسطوانة من 150 ألفاً إلى 125 ألف ليرة', 'سعر الأسطوانة 125 ألف ليرة بدلاً من 150 ألف').veto).not.toBe('numbers differ');
  });

  it.each([
    ['لا صحة', 'وزارة التجارة الداخلية: لا صحة لرفع سعر ربطة الخبز', 'وزارة التجارة الداخلية ترفع سعر ربطة الخبز'],
    ['تنفي صحة الأنباء عن', 'وزارة التجارة الداخلية تنفي صحة الأنباء عن رفع سعر ربطة الخبز', 'وزارة التجارة الداخلية ترفع سعر ربطة الخبز'],
    ['a swapped town behind an added clause', 'مقتل شاب برصاص مجهولين في طفس بريف درعا', 'مقتل شاب برصاص مجهولين في جاسم بريف درعا والأهالي يطالبون بمحاسبة الفاعلين'],
    ['a swapped ministry behind an added clause', 'وزارة الصحة تطلق حملة تلقيح ضد شلل الأطفال في حلب', 'وزارة التربية تطلق حملة تلقيح ضد شلل الأطفال في حلب تستهدف طلاب المدارس الابتدائية والإعدادية'],
    ['a past-tense antonym', 'ارتفعت أسعار الذهب في الأسواق السورية', 'انخفضت أسعار الذهب في الأسواق السورية مع تحسن سعر صرف الليرة أمام الدولار'],
    ['allow / ban', 'الأردن يسمح بدخول الشاحنات السورية', 'الأردن يمنع دخول الشاحنات السورية إلى أراضيه حتى إشعار آخر بسبب الازدحام'],
    ['numbers with two thousands marks', 'رفع سعر طن الإسمنت إلى 1.250.000 ليرة', 'رفع سعر طن الإسمنت إلى 1.400.000 ليرة في جميع مراكز البيع'],
  ])('keeps apart: %s (found by review)', (_what, a, b) => {
    expect(cmp(a, b).veto).toBeDefined();
  });

  it('keeps a short headline from gluing onto a longer one on its subject', () => {
    expect(cmp('غارات إسرائيلية على دمشق', 'غارات إسرائيلية جديدة تستهدف مطار المزة العسكري في دمشق').score).toBeLessThan(0.65);
  });

  it('is symmetric: the same score and veto whichever headline comes first (every labeled pair)', async () => {
    const { loadPairs } = await import('./helpers/eval.js');
    for (const p of loadPairs()) {
      const ab = cmp(p.a, p.b);
      const ba = cmp(p.b, p.a);
      expect(ab.score, p.a).toBe(ba.score);
      expect(!!ab.veto, p.a).toBe(!!ba.veto);
      expect(ab.score).toBeLessThanOrEqual(1);
    }
  });

  it('does not call moved words a swap', () => {
    expect(cmp('الاتحاد الأوروبي يعلق العقوبات على قطاعي الطاقة والنقل في سوريا', 'الاتحاد الأوروبي يعلق العقوبات على قطاعي النقل والطاقة في سوريا').veto).toBeUndefined();
  });
});

const NOW = Date.parse('2026-11-29T12:00:00Z');
const at = (h: number) => new Date(NOW - h * 3_600_000).toISOString();
const item = (sourceId: string, guid: string, title: string, published = at(2)): Item => ({
  sourceId, guid, title, titleKey: key(title), link: `https://${sourceId}.example/${guid}`, html: '', categories: [], author: undefined, published,
});
const fuzzy = { threshold: 0.65, windowHours: 24, features: f };
const fold = (stories: Story[], items: Item[], splits?: Set<string>) => foldItems(stories, items, { windowHours: 72, now: NOW, fuzzy, ...(splits ? { splits } : {}) });
const groups = (stories: Story[]) => stories.map((s) => s.reporters.map((r) => `${r.sourceId}/${r.guid}`).sort().join('+')).sort();

describe('near-duplicate folding', () => {
  const moscow = item('sana', 'm1', 'موسكو تؤكد استمرار التنسيق مع دمشق', at(5));
  const russia = item('alwatan', 'r1', 'روسيا تؤكد مواصلة التنسيق مع دمشق بشأن قواعدها العسكرية', at(4));
  const homs = item('enab', 'h1', 'انفجار لغم من مخلفات الحرب في ريف حمص', at(3));
  const hama = item('alwatan', 'h2', 'انفجار لغم من مخلفات الحرب في ريف حماة', at(3));

  it('folds a re-worded headline and records why, with its score', () => {
    const r = fold([], [moscow, russia]);
    expect(r.outcomes).toEqual(['new', 'folded']);
    expect(r.stories[0]!.reporters[1]!.joined).toEqual({ by: 'similar', score: expect.any(Number) });
    const exact = fold(r.stories, [item('enab', 'e1', 'عاجل: موسكو تؤكد استمرار التنسيق مع دمشق', at(3))]);
    expect(exact.stories[0]!.reporters[2]!.joined).toEqual({ by: 'exact' });
  });

  it('keeps apart what a guard vetoes, and is off without the option', () => {
    expect(fold([], [homs, hama]).stories).toHaveLength(2);
    expect(foldItems([], [moscow, russia], { windowHours: 72, now: NOW }).stories).toHaveLength(2);
  });

  it('gives the same grouping whatever the order of the items (sorted by time first, as the poll cycle does)', () => {
    const items = [moscow, russia, homs, hama, item('enab', 'x', 'روسيا تؤكد مواصلة التنسيق مع دمشق', at(3.5))];
    const byTime = (xs: Item[]) => [...xs].sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0));
    const expected = groups(fold([], byTime(items)).stories);
    for (let k = 0; k < 10; k++) {
      const shuffled = [...items].sort(() => Math.random() - 0.5);
      expect(groups(fold([], byTime(shuffled)).stories)).toEqual(expected);
      // Split across two cycles: the same grouping.
      const sorted = byTime(shuffled);
      const first = fold([], sorted.slice(0, 2));
      expect(groups(fold(first.stories, sorted.slice(2)).stories)).toEqual(expected);
    }
  });

  it('never merges two stored stories: a bridge item joins the better match only', () => {
    const a = item('sana', 'a', 'وزير الصحة يفتتح مشفى جديدا في درعا', at(6));
    const b = item('alwatan', 'b', 'افتتاح مشفى جديد في درعا بحضور وزير الصحة ومحافظ درعا', at(6));
    const start = foldItems([], [a, b], { windowHours: 72, now: NOW }); // exact only: two stories
    expect(start.stories).toHaveLength(2);
    const bridge = item('enab', 'c', 'وزير الصحة يفتتح مشفى جديدا في مدينة درعا', at(5));
    const r = fold(start.stories, [bridge]);
    expect(r.stories).toHaveLength(2);
    expect(r.stories.map((s) => s.id).sort()).toEqual(start.stories.map((s) => s.id).sort());
    expect(r.stories.filter((s) => s.reporters.some((x) => x.sourceId === 'enab'))).toHaveLength(1);
  });

  it('folds re-wordings only within dedupe.fuzzy.windowHours, and old stories do not hide candidates', () => {
    const mon = item('sana', 'mon', 'غارات إسرائيلية تستهدف مواقع عسكرية في ريف دمشق', at(46));
    const wed = item('alwatan', 'wed', 'غارات إسرائيلية تستهدف مواقع عسكرية في ريف دمشق وسط استنفار', at(0));
    expect(fold(fold([], [mon]).stories, [wed]).outcomes).toEqual(['new']); // 46 h apart: past the 24 h
    const a = item('sana', 'a', 'وزارة الكهرباء تعلن برنامج تقنين جديد في دمشق', at(1.5));
    const b = item('alwatan', 'b', 'الكهرباء تكشف عن برنامج التقنين الجديد بدمشق', at(1));
    const old = Array.from({ length: 120 }, (_, i) => item(`o${i}`, `g${i}`, `الكهرباء تعلن برنامج تقنين ${['حلب', 'حمص', 'حماة', 'طرطوس'][i % 4]} للأسبوع ${i} في دمشق`, at(240 + i)));
    const stored = foldItems([], old, { windowHours: 72, now: NOW }).stories;
    expect(groups(fold(stored, [a, b]).stories.filter((s) => s.reporters.some((r) => r.sourceId === 'sana')))).toEqual(['alwatan/b+sana/a']);
  });

  it('matches every outlet\'s wording of a story, not only the first, and says whose', () => {
    // The third outlet words it like the second, not like the first (0.57 against it).
    const kremlin = item('enab', 'k1', 'الكرملين: التنسيق مستمر مع دمشق بشأن القواعد العسكرية الروسية', at(3));
    const r = fold([], [moscow, russia, kremlin]);
    expect(r.outcomes).toEqual(['new', 'folded', 'folded']);
    expect(r.stories[0]!.reporters[2]!.joined).toEqual({ by: 'similar', score: expect.any(Number), via: 'alwatan' });
    expect(explainStory(r.stories[0]!, new Map([['alwatan', 'الوطن']])).join('\n')).toMatch(/similar headline, score 0\.\d{3} against الوطن's \(alwatan\)/);
    // Across cycles too: the stored second reporter's wording is matched.
    const stored = fold([], [moscow, russia]).stories;
    expect(fold(stored, [kremlin]).outcomes).toEqual(['folded']);
    // An outlet copying the second reporter's headline word for word joins as well.
    const copy = item('halab', 'c1', russia.title, at(2));
    expect(fold(stored, [copy]).stories[0]!.reporters.map((x) => x.sourceId)).toEqual(['sana', 'alwatan', 'halab']);
    // The first reporter alone does not reach the threshold: without the second, a story of its own.
    expect(fold(fold([], [moscow]).stories, [kremlin]).outcomes).toEqual(['new']);
  });

  it('keeps an item out of a story any of whose reporters contradicts it', () => {
    // "3" joined a story that named no toll; "5" matches that first headline, not the "3".
    const first = item('sana', 'a', 'قتلى بانفجار لغم في ريف حلب', at(5));
    const three = item('alwatan', 'b', 'مقتل 3 مدنيين بانفجار لغم في ريف حلب', at(4));
    const five = item('enab', 'c', 'مقتل 5 مدنيين بانفجار لغم في ريف حلب الشرقي', at(3));
    const r = fold([], [first, three, five]);
    expect(r.outcomes).toEqual(['new', 'folded', 'new']);
    // Without the "3", the "5" joins the first.
    expect(fold([], [first, five]).outcomes).toEqual(['new', 'folded']);
  });

  it('holds an item against the facts all reporters name: some of them agree, another figure does not', () => {
    const full = item('sana', 'a', 'ارتفاع سعر غرام الذهب عيار 21 بمقدار 20 ألف ليرة ليسجل مليوناً و320 ألف ليرة', at(5));
    const price = item('alwatan', 'b', 'غرام الذهب عيار 21 يسجل مليوناً و320 ألف ليرة بعد ارتفاع جديد', at(4));
    // "20 ألف" alone disagrees with the second headline's price, not with the story's rise and price.
    const rise = item('enab', 'c', 'ارتفاع سعر الذهب 20 ألف ليرة للغرام', at(3));
    expect(fold([], [full, price, rise]).outcomes).toEqual(['new', 'folded', 'folded']);
    const other = item('enab', 'd', 'ارتفاع سعر الذهب 30 ألف ليرة للغرام', at(3));
    expect(fold([], [full, price, other]).outcomes).toEqual(['new', 'folded', 'new']);
  });

  it('a story that grows keeps taking outlets: a clause one adds is no swap against the next', () => {
    const a = item('sana', 'a', 'افتتاح معبر نصيب الحدودي أمام حركة الشاحنات', at(5));
    const b = item('alwatan', 'b', 'افتتاح معبر نصيب الحدودي أمام حركة الشاحنات بعد إغلاق دام أسبوعين', at(4.5));
    const c = item('enab', 'c', 'افتتاح معبر نصيب الحدودي أمام حركة الشاحنات والمسافرين', at(4));
    expect(fold([], [a, b, c]).outcomes).toEqual(['new', 'folded', 'folded']);
  });

  it('never lets a broader later headline carry the story to another event', () => {
    // The second outlet's round-up names Homs and Aleppo; the Aleppo item is not the Homs story.
    const homs = item('sana', 'a', 'انقطاع الكهرباء عن أحياء في حمص', at(5));
    const roundup = item('alwatan', 'b', 'انقطاع الكهرباء عن أحياء في حمص وارتفاع سعر الخبز في حلب', at(4.5));
    const aleppo = item('enab', 'c', 'ارتفاع سعر الخبز في حلب', at(4));
    expect(fold([], [homs, roundup, aleppo]).outcomes).toEqual(['new', 'folded', 'new']);
    const three = item('sana', 'd', 'مقتل 3 أشخاص بانفجار في حلب', at(5));
    const both = item('alwatan', 'e', 'انفجار في حلب يوقع 3 قتلى و5 جرحى', at(4.5));
    const five = item('enab', 'f', 'انفجار في حلب يوقع 5 قتلى', at(4));
    expect(fold([], [three, both, five]).outcomes.at(2)).toBe('new');
  });

  it('a headline changed in place is matched at once, as in a later call', () => {
    // An outlet's placeholder, then its real headline.
    const a = item('sana', 'a', 'عاجل: التفاصيل تباعاً', at(6));
    const changed = { ...a, title: 'افتتاح مشفى جديد في درعا بحضور وزير الصحة' };
    const c = item('enab', 'c', 'افتتاح مشفى جديد في مدينة درعا بحضور وزير الصحة', at(4));
    // (An item before it has the candidate index built with the old headline.)
    const other = item('halab', 'x', 'ارتفاع أسعار الخضار في أسواق اللاذقية', at(5));
    const one = fold(fold([], [a]).stories, [other, changed, c]);
    const split = fold(fold(fold([], [a]).stories, [other, changed]).stories, [c]);
    expect(one.outcomes).toEqual(['new', 'updated', 'folded']);
    expect(groups(one.stories)).toEqual(groups(split.stories));
  });

  it('asks no more shared words of an item because stories gained reporters', () => {
    // Sixty stories make "روسيا", "دمشق", "تؤكد", "التنسيق" common: the item shares one
    // uncommon word with its story ("استمرار" / "مواصلة", one class). Its other uncommon
    // words ("القواعد العسكرية") are only in a joined reporter's headline of another story:
    // counting them would ask two shared words of every candidate, and lose its own story.
    const filler = Array.from({ length: 60 }, (_, i) => item(`f${i}`, `f${i}`, `روسيا تؤكد التنسيق مع دمشق في ملف رقم ${i}`, at(30)));
    const stored = foldItems([], filler, { windowHours: 72, now: NOW }).stories;
    const drill = item('sana', 'd1', 'الجيش يجري مناورات في الساحل', at(6));
    const drillMore = item('alwatan', 'd2', 'الجيش يجري مناورات في الساحل قرب القواعد العسكرية', at(5.5));
    const r = fold(stored, [drill, drillMore, moscow, russia]);
    expect(r.outcomes).toEqual(['new', 'folded', 'new', 'folded']);
    expect(r.stories.find((x) => x.reporters[0]!.guid === 'm1')!.reporters.map((x) => x.guid)).toEqual(['m1', 'r1']);
  });

  // A second review's cases: folded in order, each from its own outlet, minutes apart.
  const inOrder = (titles: string[], copies = 0, copyTitle = titles[0]!) =>
    fold([], [
      ...titles.slice(0, 1).map((t, n) => item('first', `x${n}`, t, at(6))),
      ...Array.from({ length: copies }, (_, n) => item(`copy${n}`, `c${n}`, copyTitle, at(5.9 - n * 0.01))),
      ...titles.slice(1).map((t, n) => item(`o${n}`, `y${n}`, t, at(5 - n * 0.1))),
    ]).stories.length;

  it('holds the ministry a story names whichever headline vouches (a short one names none)', () => {
    expect(inOrder(['وزارة التربية تعلن موعد صدور نتائج الامتحانات', 'موعد صدور نتائج الامتحانات', 'وزارة التعليم العالي تعلن موعد صدور نتائج الامتحانات'])).toBe(2);
    expect(inOrder(['وزارة الصحة تطلق حملة لقاح في حلب', 'إطلاق حملة لقاح في حلب', 'وزارة الزراعة تطلق حملة لقاح في حلب'])).toBe(2);
  });

  it('holds the first headline\'s own facts even behind twelve copies, and reads a town inside its governorate there', () => {
    const roundup = ['انفجار لغم من مخلفات الحرب في ريف حلب', 'انفجار لغم من مخلفات الحرب في ريف حلب وآخر في ريف إدلب', 'انفجار لغم من مخلفات الحرب في ريف إدلب ومقتل طفلين وإصابة امرأة'];
    expect(inOrder(roundup)).toBe(2);
    expect(inOrder(roundup, 12)).toBe(2);
    expect(inOrder(['انفجار لغم من مخلفات الحرب في ريف حلب', 'انفجار لغم من مخلفات الحرب في منبج بريف حلب', 'انفجار لغم من مخلفات الحرب في منبج'])).toBe(1);
  });

  it('matches up to twelve distinct wordings, however many outlets copy one', () => {
    const power = ['انقطاع الكهرباء عن أحياء في حمص', 'انقطاع الكهرباء عن أحياء في حمص بسبب عطل في محطة التحويل الرئيسية', 'عطل في محطة التحويل الرئيسية يقطع التيار عن حمص'];
    expect(inOrder(power, 12)).toBe(1);
  });

  it('a split remembered by the store keeps the item out of that story', () => {
    const first = fold([], [moscow]);
    const id = first.stories[0]!.id;
    const r = fold(first.stories, [russia], new Set([splitKey(id, 'alwatan', 'r1')]));
    expect(r.outcomes).toEqual(['new']);
  });

  it('finds candidates through shared tokens, not by comparing every story', () => {
    // 3,000 unrelated stories and one re-wording: still found, and quickly enough to run
    // every cycle (the measured figures are in `npm run bench:dedupe`).
    const many = Array.from({ length: 3000 }, (_, i) => item(`s${i % 7}`, `g${i}`, `خبر رقم ${i} عن موضوع ${i * 7} في مكان ${i * 13}`, at(10)));
    const base = foldItems([], many, { windowHours: 72, now: NOW }).stories;
    const r = fold([...base, ...fold([], [moscow]).stories], [russia]);
    expect(r.outcomes).toEqual(['folded']);
  });
});

describe('the first sentence of the summary', () => {
  const lead = (html: string, title: string) => {
    const s = leadSentence(html, title);
    return s ? f(s) : undefined;
  };
  const opts = { windowHours: 72, now: NOW, fuzzy: { threshold: 0.65, windowHours: 24, features: f, lead } };
  // Two reports of one event whose headlines share little, and whose first sentences agree
  // on details neither headline gives (the station, the line, the eastern districts).
  const waterA = item('sana', 'w1', 'انقطاع المياه عن أحياء واسعة في حلب', at(5));
  const waterB = item('alwatan', 'w2', 'توقف محطة سليمان الحلبي عن ضخ المياه', at(4));
  const leadA = '<p>توقفت محطة سليمان الحلبي عن ضخ المياه إلى الأحياء الشرقية في حلب صباح الأحد إثر عطل في خط التوتر العالي المغذي للمحطة. وقالت المؤسسة…</p>';
  const leadB = '<p>أعلنت مؤسسة المياه في حلب خروج المحطة عن الخدمة الأحد بسبب عطل في خط التوتر العالي، ما قطع المياه عن الأحياء الشرقية. وأضافت…</p>';
  // A window of other stories with summaries that open alike (datelines, the title again, a
  // closing phrase shared across outlets), stored before the two items arrive.
  const russiaA = item('sana', 'r1', 'روسيا تؤكد مواصلة التنسيق مع دمشق بشأن قواعدها العسكرية', at(5));
  const russiaB = item('alwatan', 'r2', 'روسيا تقلص وجودها العسكري في قاعدة حميميم', at(4));
  // Cases an independent review built against the first version of this rule.
  const mine = item('sana', 'm1', 'انفجار لغم يصيب عائلة في ريف حمص', at(10));
  const mineB = item('alwatan', 'm2', 'إصابة عائلة بانفجار لغم', at(1));
  const convoyA = item('sana', 'c1', 'دخول قافلة مساعدات إلى السويداء', at(21));
  const convoyB = item('alwatan', 'c2', 'الهلال الأحمر يوصل قافلة مساعدات جديدة', at(1));
  const window = (size: number): Story[] => {
    const titles = [waterA, waterB, russiaA, russiaB, mine, mineB, convoyA, convoyB].map((x) => x.title).concat(['افتتاح مدرسة جديدة في ريف دمشق', 'افتتاح سوق شعبي في ريف دمشق', 'ارتفاع سعر غرام الذهب عيار 21 في الأسواق السورية', 'سعر غرام الذهب في السوق المحلية يرتفع', 'رفع سعر ربطة الخبز المدعوم', 'تعديل سعر أسطوانة الغاز المنزلي', 'انفجار عبوة ناسفة بسيارة مدنية في ريف دمشق']);
    const background = backgroundItems(true, NOW, titles).slice(0, size);
    let stories: Story[] = [];
    for (let o = 0; o < 40; o++) stories = foldItems(stories, background.filter((x) => x.sourceId === `bg${o}`), opts).stories;
    return stories;
  };
  const big = window(250);
  const arrive = (stories: Story[], a: Item, b: Item) => {
    const first = foldItems(stories, [a], opts);
    return foldItems(first.stories, [b], opts);
  };

  it('is the first sentence that says more than the title', () => {
    expect(leadSentence('<p>أعلنت قطر اليوم أنها ستمول رواتب العاملين في القطاع العام السوري لمدة ثلاثة أشهر. وقال مسؤول…</p>', 'x')).toBe('أعلنت قطر اليوم أنها ستمول رواتب العاملين في القطاع العام السوري لمدة ثلاثة أشهر');
    expect(leadSentence('<p>قطر تتعهد بتمويل رواتب</p>', 'قطر تتعهد بتمويل رواتب')).toBeUndefined();
    expect(leadSentence('', 'x')).toBeUndefined();
  });

  it('folds re-worded headlines whose first sentences agree on details, and says so', () => {
    expect(compare(f(waterA.title), f(waterB.title)).score).toBeLessThan(0.65);
    const r = arrive(big, { ...waterA, html: leadA }, { ...waterB, html: leadB });
    expect(r.outcomes).toEqual(['folded']);
    const story = r.stories.find((s) => s.reporters.some((x) => x.guid === 'w2'))!;
    expect(story.reporters.map((x) => x.guid)).toEqual(['w1', 'w2']);
    expect(story.reporters[1]!.joined).toMatchObject({ by: 'similar', lead: true });
  });

  it('keeps them apart when a guard objects to the sentences, or without summaries', () => {
    const otherDay = leadB.replace('الأحد', 'الخميس');
    expect(arrive(big, { ...waterA, html: leadA }, { ...waterB, html: otherDay }).outcomes).toEqual(['new']);
    const hours = (html: string, n: number) => html.replace('الأحد', `الأحد لمدة ${n} ساعات`);
    expect(arrive(big, { ...waterA, html: hours(leadA, 6) }, { ...waterB, html: hours(leadB, 6) }).outcomes).toEqual(['folded']);
    expect(arrive(big, { ...waterA, html: hours(leadA, 6) }, { ...waterB, html: hours(leadB, 9) }).outcomes).toEqual(['new']);
    expect(arrive(big, waterA, waterB).outcomes).toEqual(['new']); // the headlines alone decide
  });

  it('counts a headline carried word for word by several outlets once (their details stay uncommon)', () => {
    // The copies arrive in the same poll as the re-worded report, so they are all counted.
    const copies = ['enab', 'thawra', 'athr', 'halab'].map((source, n) => ({ ...waterA, sourceId: source, guid: `c${n}`, html: leadA, published: at(4.5) }));
    const first = foldItems(big, [{ ...waterA, html: leadA }], opts);
    const r = foldItems(first.stories, [...copies, { ...waterB, html: leadB }], opts);
    expect(r.outcomes).toEqual(['folded', 'folded', 'folded', 'folded', 'folded']);
    expect(r.stories.find((s) => s.reporters.some((x) => x.guid === 'w2'))!.reporters[0]!.guid).toBe('w1');
  });

  it('holds headlines that share no word only to the guards that read a difference', () => {
    const b = item('alwatan', 'w3', 'عطل مفاجئ في محطة سليمان الحلبي', at(4));
    expect(compare(f(waterA.title), f(b.title)).veto).toBe('only who and where in common');
    expect(arrive(big, { ...waterA, html: leadA }, { ...b, html: leadB }).outcomes).toEqual(['folded']);
  });

  it('needs a window large enough to tell boilerplate from details: in a small one the headlines decide', () => {
    expect(arrive(window(20), { ...waterA, html: leadA }, { ...waterB, html: leadB }).outcomes).toEqual(['new']);
  });

  it('does not let a shared opening and closing fold two events (a dateline, a restated title, a template)', () => {
    const [a, b] = [russiaA, russiaB];
    expect(compare(f(a.title), f(b.title)).score).toBeLessThan(0.5);
    const framed = (t: string) => `<p>دمشق-سانا: ${t} وذلك في إطار خطة الحكومة لتحسين الخدمات المقدمة للمواطنين.</p>`;
    expect(arrive(big, { ...a, html: framed(a.title) }, { ...b, html: framed(b.title) }).outcomes).toEqual(['new']);
  });

  it('takes no detail from English words, nor from a sentence that is not about its headline (a stock phrase)', () => {
    const a = item('sana', 'e1', 'الأمن العام يطلق حملة اعتقالات بحق متهمين بالسرقة في حلب', at(3));
    const b = item('alwatan', 'e2', 'وزارة الصحة تطلق حملة تلقيح في مدارس حلب', at(2));
    const leadA = '<p>Security forces launched a campaign of arrests against people accused of robbing shops, the ministry said in a statement on Sunday. It added…</p>';
    const leadB = '<p>A vaccination campaign against measles started in the schools, the ministry said in a statement on Sunday. It added…</p>';
    expect(arrive(big, { ...a, html: leadA }, { ...b, html: leadB }).outcomes).toEqual(['new']);
    // English outlets' items: English words are no details either.
    const e = item('sana', 'e5', 'Central bank issues a new banknote', at(3));
    const g = item('alwatan', 'e6', 'Health ministry starts a vaccination campaign', at(2));
    const enLead = (s: string) => `<p>${s} on Sunday, the ministry said in a statement on its website. It added…</p>`;
    expect(arrive(big, { ...e, html: enLead('The central bank issued a new banknote of the highest value') }, { ...g, html: enLead('The health ministry started a vaccination campaign against measles') }).outcomes).toEqual(['new']);
    const readMore = '<p>لقراءة الخبر كاملاً اضغط على الرابط التالي وتابعنا على قناتنا في تلغرام.</p>';
    const c = item('sana', 'e3', 'افتتاح مدرسة جديدة في ريف دمشق', at(3));
    const d = item('alwatan', 'e4', 'ارتفاع أسعار الأدوية في الصيدليات', at(2));
    expect(arrive(big, { ...c, html: readMore }, { ...d, html: readMore }).outcomes).toEqual(['new']);
  });

  it('needs the two sentences alike as a whole, not only three words', () => {
    const a = item('sana', 'p1', 'انقطاع الكهرباء عن أحياء في حلب', at(3));
    const b = item('alwatan', 'p2', 'سكان أحياء في حلب يشكون العطش', at(2));
    const leadA = '<p>أعلنت الشركة العامة للكهرباء أن عطلاً فنياً طارئاً في محطة الزربة أدى إلى انقطاع التيار عن أحياء الحمدانية وصلاح الدين والأعظمية لساعات طويلة مساء أمس.</p>';
    const leadB = '<p>يشكو سكان الحمدانية وصلاح الدين والأعظمية من انقطاع مياه الشرب منذ أسبوع وسط غياب أي توضيح من المؤسسة المعنية وارتفاع أسعار الصهاريج الخاصة.</p>';
    expect(arrive(big, { ...a, html: leadA }, { ...b, html: leadB }).outcomes).toEqual(['new']);
  });

  it('holds one item\'s headline against the other\'s sentence (a place one names, the other contradicts)', () => {
    expect(compare(f(mine.title), f(mineB.title)).veto).toBeUndefined(); // the headlines alone would fold
    const leadA = '<p>انفجر لغم من مخلفات الحرب بسيارة مدنية تقل عائلة ما أدى إلى إصابة أفرادها بجروح خطيرة ونقلهم إلى المشفى الوطني. وأضافت…</p>';
    const leadB = '<p>انفجر لغم من مخلفات الحرب بسيارة مدنية تقل عائلة في ريف حماة الشرقي ما أدى إلى إصابة أفرادها بجروح خطيرة. وأضافت…</p>';
    expect(arrive(big, { ...mine, html: leadA }, { ...mineB, html: leadB }).outcomes).toEqual(['new']);
    expect(arrive(big, { ...mine, html: leadA }, { ...mineB, html: leadB.replace('حماة الشرقي', 'حمص الشرقي') }).outcomes).toEqual(['folded']);
  });

  it('does not fold by sentences a day apart (the same bulletin recurs in the same words)', () => {
    const leadA = '<p>دخلت قافلة مساعدات إنسانية تضم 40 شاحنة محملة بالمواد الغذائية والطبية إلى محافظة السويداء عبر معبر بصرى الحرير بإشراف الهلال الأحمر. وأضافت…</p>';
    const leadB = '<p>وصلت صباح اليوم إلى السويداء 40 شاحنة من المواد الغذائية والطبية سيّرها الهلال الأحمر العربي السوري عبر معبر بصرى الحرير. وأضافت…</p>';
    expect(arrive(big, { ...convoyA, html: leadA }, { ...convoyB, html: leadB }).outcomes).toEqual(['new']);
    expect(arrive(big, { ...convoyA, html: leadA, published: at(4) }, { ...convoyB, html: leadB }).outcomes).toEqual(['folded']);
  });

  it('keeps apart one headline repeated on two days when the sentences name two days', () => {
    const a = item('sana', 'g1', 'ارتفاع سعر غرام الذهب عيار 21 في الأسواق السورية', at(20));
    const b = item('alwatan', 'g2', 'ارتفاع سعر غرام الذهب عيار 21 في الأسواق السورية', at(1));
    const day = (d: string) => `<p>ارتفع سعر غرام الذهب عيار 21 في الأسواق السورية يوم ${d} وفق نشرة جمعية الصاغة في دمشق. وأضافت…</p>`;
    const joinsA = (x: Item, y: Item) => {
      const r = arrive(big, x, y);
      return r.stories.find((s) => s.reporters.some((p) => p.guid === y.guid))!.reporters.some((p) => p.guid === x.guid);
    };
    expect(joinsA({ ...a, html: day('الأحد') }, { ...b, html: day('الاثنين') })).toBe(false);
    expect(joinsA({ ...a, html: day('الأحد') }, { ...b, html: day('الأحد') })).toBe(true);
    expect(joinsA(a, b)).toBe(true); // without summaries the headline decides
    // Two days apart: past the near-duplicate window, within the exact key's.
    expect(joinsA({ ...a, published: at(44), html: day('الأحد') }, { ...b, html: day('الثلاثاء') })).toBe(false);
    expect(joinsA({ ...a, published: at(44), html: day('الأحد') }, { ...b, html: day('الأحد') })).toBe(true);
  });

  it('needs each headline\'s things said by the other item (one ministry\'s template, bread one day and gas the next)', () => {
    const template = (what: string) => `<p>أصدرت وزارة التجارة الداخلية وحماية المستهلك قراراً يقضي بتعديل سعر ${what} اعتباراً من صباح الغد في جميع المحافظات. وأضافت…</p>`;
    const a = { ...item('sana', 't1', 'رفع سعر ربطة الخبز المدعوم', at(6)), html: template('ربطة الخبز المدعوم') };
    const b = { ...item('alwatan', 't2', 'تعديل سعر أسطوانة الغاز المنزلي', at(1)), html: template('أسطوانة الغاز المنزلي') };
    expect(arrive(big, a, b).outcomes).toEqual(['new']);
  });

  it('reads a town in a sentence as inside the governorate its headline names', () => {
    const t = 'انفجار عبوة ناسفة بسيارة مدنية في ريف دمشق';
    const town = (d: string) => `<p>انفجرت عبوة ناسفة بسيارة مدنية في مدينة جرمانا ${d} ما أدى إلى إصابة شخصين بجروح. وأضافت…</p>`;
    const r = arrive(big, { ...item('sana', 'j1', t, at(3)), html: town('صباح اليوم') }, { ...item('alwatan', 'j2', t, at(2)), html: town('اليوم') });
    expect(r.outcomes).toEqual(['folded']);
  });

  it('does not count a story the sentences keep apart as a look-alike that blocks the right one', () => {
    const T = 'سعر غرام الذهب في السوق المحلية';
    const P = (s: string) => `<p>${s}. وأضافت الجمعية أن الأسعار قابلة للتغير.</p>`;
    const sun = { ...item('sana', 'sun', T, at(20)), html: P('حددت جمعية الصاغة سعر غرام الذهب عيار 21 قيراطاً اليوم الأحد بمبيع مليون و250 ألف ليرة') };
    const monB = { ...item('alwatan', 'monB', `${T} يرتفع`, at(2)), html: P('رفعت جمعية الصاغة سعر غرام الذهب عيار 21 قيراطاً اليوم الاثنين إلى مليون و265 ألف ليرة') };
    const monC = { ...item('enab', 'monC', T, at(1)), html: P('حددت جمعية الصاغة سعر غرام الذهب عيار 21 قيراطاً اليوم الاثنين بمبيع مليون و265 ألف ليرة') };
    let stories = foldItems(big, [sun], opts).stories;
    stories = foldItems(stories, [monB], opts).stories;
    const r = foldItems(stories, [monC], opts);
    expect(r.stories.find((x) => x.reporters.some((y) => y.guid === 'monC'))!.reporters.map((y) => y.guid)).toEqual(['monB', 'monC']);
  });

  it('leaves out an outlet\'s own boilerplate, the words it adds to most of its headlines', () => {
    // Both outlets open every summary with the same call to follow them; each has several
    // items in the window, so the phrase is known for theirs (in a window large enough for
    // it to be uncommon there: 5 items of 600).
    const sign = 'حصرياً عبر منصة نبض الفرات الإخبارية:';
    const filler = backgroundItems(false, NOW, [waterA.title]).slice(0, 4);
    const signed = (x: Item, source: string, n: number): Item => ({ ...x, sourceId: source, guid: `${source}-${n}`, html: `<p>${sign} ${x.title} في سياق متابعتنا اليومية.</p>` });
    const a = { ...item('sana', 's1', 'افتتاح مدرسة جديدة في ريف دمشق', at(3)), html: `<p>${sign} افتتحت مديرية التربية مدرسة جديدة في بلدة الكسوة بحضور فعاليات أهلية.</p>` };
    const b = { ...item('alwatan', 's2', 'افتتاح سوق شعبي في ريف دمشق', at(2)), html: `<p>${sign} افتتحت المحافظة سوقاً شعبياً في بلدة الكسوة لبيع الخضار.</p>` };
    const first = foldItems(window(600), [...filler.slice(0, 2).map((x, n) => signed(x, 'sana', n)), a], opts);
    const second = foldItems(first.stories, [...filler.slice(2).map((x, n) => signed(x, 'alwatan', n)), b], opts);
    expect(second.outcomes.at(-1)).toBe('new');
  });

  it('reads a point between digits as part of the number, not as the end of the sentence', () => {
    const s = leadSentence('<p>حدد المصرف المركزي سعر صرف الدولار بـ 11.500 ليرة للمبيع اليوم. وأضاف البيان أن</p>', 'المركزي يحدد سعر الدولار');
    expect(s).toContain('11.500 ليرة للمبيع');
  });
});

describe('people read as their office', () => {
  it('folds a name on one side with the office on the other', () => {
    for (const [a, b] of [
      ['بوتين يستقبل الرئيس السوري', 'الرئيس الروسي يلتقي الشرع'],
      ['الرئيس العراقي يستقبل وزير الخارجية السوري في بغداد', 'عبد اللطيف رشيد يلتقي الشيباني في العاصمة العراقية'],
      ['وزير الدفاع السوري يلتقي نظيره التركي في أنقرة', 'أبو قصرة يجتمع مع وزير الدفاع التركي يشار غولر في أنقرة'],
    ]) {
      const m = cmp(a!, b!);
      expect(m.veto, a).toBeUndefined();
      expect(m.score, a).toBeGreaterThanOrEqual(0.65);
    }
  });
  it('keeps two countries\' ministers apart, named or not', () => {
    expect(cmp('الصفدي يزور بغداد لبحث ملف المياه', 'فيدان يزور بغداد لبحث ملف المياه').veto).toBeDefined();
    expect(cmp('الصفدي يزور بغداد لبحث ملف المياه', 'وزير الخارجية التركي يزور بغداد لبحث ملف المياه').veto).toBeDefined();
  });
});
