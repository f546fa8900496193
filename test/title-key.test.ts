import { describe, expect, it } from 'vitest';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';

const key = createTitleKeyFolder(['سانا', 'الجزيرة نت', 'الوطن', 'عنب بلدي']);

// Each row: a rule of the key, and two headlines as outlets published them that must
// fold to the same key because of it.
describe('title key: the same headline, spelled differently, folds', () => {
  const same: Array<[rule: string, a: string, b: string]> = [
    ['diacritics', 'وزير الخارجيّة يبحث مع نظيره الأردنيَّ تعزيزَ التعاون', 'وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون'],
    ['alef forms', 'إطلاق سراح معتقلين في إدلب', 'اطلاق سراح معتقلين في ادلب'],
    ['hamza seats', 'مسؤول أممي يزور حلب', 'مسئول أممي يزور حلب'],
    ['ta marbuta / ha and alef maqsura / ya', 'افتتاح مشفى جديد في مدينة درعا', 'افتتاح مشفي جديد فى مدينه درعا'],
    ['tatweel', 'افتتاح مشفـى جـديد في مدينة درعا', 'افتتاح مشفى جديد في مدينة درعا'],
    ['missing space', 'موسكو تؤكد استمرارالتنسيق مع دمشق', 'موسكو تؤكد استمرار التنسيق مع دمشق'],
    ['extra space', 'وزارة الصحة : لا إصابات جديدة', 'وزارة الصحة: لا إصابات جديدة'],
    ['Arabic-Indic digits', 'ارتفاع سعر الصرف إلى ١٣٥٠٠ ليرة', 'ارتفاع سعر الصرف إلى 13500 ليرة'],
    ['Persian digits', 'مقتل ۳ مدنيين في ريف حلب', 'مقتل 3 مدنيين في ريف حلب'],
    ['bidi marks and zero-width joiner', '\u200Fتعديل ساعات عمل المعا\u200Dبر الحدودية', 'تعديل ساعات عمل المعابر الحدودية'],
    ['HTML entities', '&quot;السورية للتجارة&quot; تخفض أسعار السكر', '"السورية للتجارة" تخفض أسعار السكر'],
    ['quotes and punctuation', '«السورية للتجارة» تخفض أسعار السكر!', '"السورية للتجارة" تخفض أسعار السكر'],
    ['emoji', '🔴 انقطاع الكهرباء عن أحياء في حمص', 'انقطاع الكهرباء عن أحياء في حمص'],
    ['urgency label "عاجل:"', 'عاجل: زلزال بقوة 4 درجات يضرب اللاذقية', 'زلزال بقوة 4 درجات يضرب اللاذقية'],
    ['urgency label after a symbol, with "|"', '🔴 عاجل | زلزال بقوة 4 درجات يضرب اللاذقية', 'زلزال بقوة 4 درجات يضرب اللاذقية'],
    ['stacked labels', 'عاجل | بالفيديو: انهيار مبنى في حلب', 'انهيار مبنى في حلب'],
    ['label "خاص -"', 'خاص - تفاصيل جديدة عن اتفاق الحسكة', 'تفاصيل جديدة عن اتفاق الحسكة'],
    ['label "متابعة:" (ta marbuta)', 'متابعة: عودة التيار الكهربائي إلى دير الزور', 'عودة التيار الكهربائي إلى دير الزور'],
    ['configured outlet suffix " - سانا"', 'وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون - سانا', 'وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون'],
    ['configured outlet suffix " | الجزيرة نت"', 'روسيا تؤكد مواصلة التنسيق مع دمشق | الجزيرة نت', 'روسيا تؤكد مواصلة التنسيق مع دمشق'],
    ['agency suffix " - رويترز"', 'روسيا تؤكد مواصلة التنسيق مع دمشق - رويترز', 'روسيا تؤكد مواصلة التنسيق مع دمشق'],
    ['agency in brackets "(أ ف ب)"', 'روسيا تؤكد مواصلة التنسيق مع دمشق (أ ف ب)', 'روسيا تؤكد مواصلة التنسيق مع دمشق'],
    ['name variant سورية / سوريا', 'الأمم المتحدة تدعو لدعم سورية', 'الأمم المتحدة تدعو لدعم سوريا'],
    ['name variant ترمب / ترامب', 'ترمب يعلق على الملف السوري', 'ترامب يعلق على الملف السوري'],
    ['Latin case', 'UNICEF: حملة تلقيح في حماة', 'unicef: حملة تلقيح في حماة'],
    ['presentation forms (NFKC)', 'ﻻجئون يعودون إلى حمص', 'لاجئون يعودون إلى حمص'],
  ];
  it.each(same)('%s', (_rule, a, b) => {
    expect(key(a)).toBe(key(b));
    expect(key(a).length).toBeGreaterThan(0);
  });
});

describe('title key: different stories stay apart', () => {
  const different: Array<[why: string, a: string, b: string]> = [
    ['different numbers', 'مقتل 3 مدنيين بقصف على ريف إدلب', 'مقتل 5 مدنيين بقصف على ريف إدلب'],
    ['decimal point is not dropped', 'نمو الاقتصاد 3.5% هذا العام', 'نمو الاقتصاد 35% هذا العام'],
    ['Arabic decimal separator', 'نمو الاقتصاد ٣٫٥٪ هذا العام', 'نمو الاقتصاد ٣٥٪ هذا العام'],
    ['two numbers do not merge into one', 'نتيجة المباراة 3 5', 'نتيجة المباراة 35'],
    ['different place', 'افتتاح مشفى جديد في درعا', 'افتتاح مشفى جديد في حمص'],
    ['a word that starts like a label is not a label', 'خاص بالأطفال: حملة تلقيح', 'بالأطفال: حملة تلقيح'],
    ['an outlet name that is not a suffix stays', 'الوطن يحتفل بعيد الجلاء', 'يحتفل بعيد الجلاء'],
  ];
  it.each(different)('%s', (_why, a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it('removes all white space from the key', () => {
    expect(key('وزير الخارجية   يبحث')).toBe('وزيرالخارجيهيبحث');
  });

  it('gives an empty key for a title of nothing but punctuation', () => {
    expect(key(' -- ')).toBe('');
  });
});

describe('title key: the cases a review found', () => {
  const same: Array<[rule: string, a: string, b: string]> = [
    ['emoji with a variation selector before the label', '⚠️ عاجل: انفجار في حمص', 'انفجار في حمص'],
    ['emoji with a variation selector, glued to the label', '⚡️عاجل: انفجار في حمص', 'انفجار في حمص'],
    ['a heart with a variation selector at the end', 'انفجار في حمص ❤️', 'انفجار في حمص'],
    ['a keycap digit is the digit', 'مقتل 3️⃣ مدنيين في حمص', 'مقتل 3 مدنيين في حمص'],
    ['a tatweel used as a dash after a label', 'عاجل ـ انفجار في حمص', 'انفجار في حمص'],
    ['a tatweel used as a dash before the outlet', 'انفجار في حمص ـ سانا', 'انفجار في حمص'],
    ['a Unicode minus before the outlet', 'انفجار في حمص − سانا', 'انفجار في حمص'],
    ['the outlet appended twice', 'انفجار في حمص - سانا - سانا', 'انفجار في حمص'],
    ['Arabic thousands separator', 'ارتفاع سعر الصرف إلى ١٣٬٥٠٠ ليرة', 'ارتفاع سعر الصرف إلى 13500 ليرة'],
    ['superscript alef in a headline', 'هٰذا ما جرى في حلب اليوم', 'هذا ما جرى في حلب اليوم'],
    ['Quranic marks in a headline', 'افتتاح مسجد في حمص\u06DA', 'افتتاح مسجد في حمص'],
    ['Persian ya and kaf in a headline', 'وزیر الخارجیة یلتقی نظیره الترکی', 'وزير الخارجية يلتقي نظيره التركي'],
  ];
  it.each(same)('%s', (_rule, a, b) => {
    expect(key(a)).toBe(key(b));
  });
  it('keeps a tatweel inside a word out of the key, as stretching', () => {
    expect(key('جـــديد')).toBe(key('جديد'));
  });
});
