import { describe, expect, it } from 'vitest';
import { asciiDigits, foldLetters, foldWords } from '../src/normalize/arabic.js';

// One row per folding rule, each with the kind of headline text that needs it.
describe('foldLetters', () => {
  const rows: Array<[rule: string, a: string, b: string]> = [
    ['HTML entities decoded', 'الحكومة &amp; الشعب', 'الحكومة & الشعب'],
    ['NFKC: presentation forms become letters', 'ﻻجئون', 'لاجئون'],
    ['hamza on waw seat = standalone hamza', 'مسؤول', 'مسءول'],
    ['hamza on ya seat = hamza on waw (مسئول = مسؤول)', 'مسئول', 'مسؤول'],
    ['hamza seat folded before marks: ي + U+0654 composes to ئ', 'مسي\u0654ول', 'مسؤول'],
    ['tashkeel removed', 'الخارجيّة تَبحث', 'الخارجية تبحث'],
    ['superscript alef removed', 'هٰذا', 'هذا'],
    ['Quranic annotation marks removed', 'الله\u06D6', 'الله'],
    ['tatweel removed', 'جـــديد', 'جديد'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إدلب', 'ادلب'],
    ['alef madda', 'آذار', 'اذار'],
    ['alef wasla', 'ٱلقدس', 'القدس'],
    ['alef maqsura to ya', 'فى مدينة', 'في مدينة'],
    ['Persian ya to ya', 'فی', 'في'],
    ['Persian kaf to kaf', 'کتاب', 'كتاب'],
    ['ta marbuta to ha', 'مدينة', 'مدينه'],
    ['Arabic-Indic digits to ASCII', '١٣٥٠٠ ليرة', '13500 ليرة'],
    ['Persian digits to ASCII', '۱۲۳', '123'],
    ['bidi marks removed', '\u200Fتعديل\u200E', 'تعديل'],
    ['zero-width joiner removed', 'المعا\u200Dبر', 'المعابر'],
    ['BOM removed', '\uFEFFدمشق', 'دمشق'],
    ['Latin case folded', 'UNICEF Syria', 'unicef syria'],
    ['name variant: سورية = سوريا', 'سورية', 'سوريا'],
    ['name variant: أميركا = أمريكا', 'الأميركية', 'الأمريكية'],
    ['name variant: ترمب = ترامب', 'ترمب', 'ترامب'],
    ['name variant: السويدا = السويداء', 'السويدا', 'السويداء'],
  ];
  it.each(rows)('%s', (_rule, a, b) => {
    expect(foldLetters(a)).toBe(foldLetters(b));
  });

  it('keeps letters that differ meaningfully apart', () => {
    expect(foldLetters('درعا')).not.toBe(foldLetters('حمص'));
    expect(foldLetters('ملك')).not.toBe(foldLetters('مالك'));
  });
});

describe('asciiDigits', () => {
  it('converts both Arabic-Indic and Persian digits', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('foldWords', () => {
  it('turns punctuation into word breaks and keeps words apart', () => {
    expect(foldWords('درعا، اليوم: «افتتاح»')).toBe('درعا اليوم افتتاح');
  });
  it('keeps a decimal point between digits', () => {
    expect(foldWords('نمو ٣٫٥٪')).toBe('نمو 3.5');
    expect(foldWords('نمو 3.5%')).toBe('نمو 3.5');
    expect(foldWords('نمو 3,5%')).toBe('نمو 3.5');
    expect(foldWords('نمو 35%')).toBe('نمو 35');
  });
  it('drops emoji and symbols', () => {
    expect(foldWords('🔴 عاجل ★ دمشق')).toBe('عاجل دمشق');
  });
});
