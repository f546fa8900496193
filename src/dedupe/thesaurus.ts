// A thesaurus of Arabic news-headline wording: words and phrases a second outlet uses for
// the same thing in the same slot ("أعلن" / "كشف", "مرفأ" / "ميناء", "وقف إطلاق النار" /
// "هدنة"). Written for nahr from general knowledge of how Syrian and regional outlets word
// headlines, by a helper that had not seen the labeled pairs of test/eval (so it is not
// fitted to them); opposites, different degrees (killed / wounded) and different things of
// one kind (ministries, cities, commodities) are kept in separate sets on purpose: a wrong
// synonym is a wrong merge. One set per line: an English gloss, then the entries, TAB
// between. Lines starting with # are notes. Read by similar.ts, which stems each entry the
// way it stems a headline and joins sets that share an entry with its own short list.
export const THESAURUS_TSV = `
# Thesaurus of MSA news-headline vocabulary (Syrian/regional outlets). Format: gloss<TAB>word<TAB>word...
# Built from general knowledge of Arabic headline style. A word appears in at most one set.
# Opposites, different degrees/outcomes and different entities are deliberately kept in separate sets.
# === Statements and announcements ===
announce/reveal	أعلن	أعلنت	يعلن	تعلن	إعلان	أعلنا	يعلنان	تعلنان	كشف	كشفت	يكشف	تكشف	يكشفان	تكشفان	أفصح	أفصحت	يفصح	تفصح	كشف النقاب	أزاح الستار	أزاحت الستار
say/state	قال	قالت	يقول	تقول	صرح	صرحت	يصرح	تصرح	أفاد	أفادت
# note: تصريح left out (also 'permit'); ذكر/ذكرت left out (also 'male', 'remembrance', يذكر أن)
confirm/stress	أكد	أكدت	أكدا	يؤكد	تؤكد	تأكيد	يؤكدان	تؤكدان	شدد	شددت	يشدد	يشددان	تشددان
# note: تشدد/تشديد left out (also 'hard-line' / 'tightening of measures')
warn	حذر	حذرت	يحذر	تحذر	تحذير	تحذيرات	يحذران	تحذران	نبه	نبهت	ينبه
call for/urge/demand	دعا	دعت	يدعو	تدعو	دعوة	دعوات	يدعوان	تدعوان	طالبت	يطالب	تطالب	مطالبة	مطالبات	يطالبان	تطالبان	حث	حثت	يحث	تحث	ناشد	ناشدت	يناشد	تناشد	مناشدة
# note: طالب (past 'demanded') left out: identical to 'student'
# deny: inflections only, NOT a synonym of anything else
deny	نفى	نفت	ينفي	تنفي	نفي
condemn	أدان	أدانت	يدين	تدين	إدانة	استنكر	استنكرت	يستنكر	تستنكر	استنكار	شجب	شجبت	يشجب	تشجب
welcome	رحب	رحبت	يرحب	ترحب	ترحيب
praise	أشاد	أشادت	يشيد	تشيد	إشادة
# note: يشيد/تشيد put here (dominant sense 'praise'); construction uses شيد/تشييد only
express	أعرب	أعربت	يعرب	تعرب	أبدى	أبدت	يبدي	تبدي
concern/fears	قلق	مخاوف
threaten	هدد	هددت	يهدد	تهدد	تهديد	تهديدات	توعد	توعدت	يتوعد	تتوعد
pledge/promise	وعد	وعدت	وعود	تعهد	تعهدت	يتعهد	تتعهد	تعهدات
clarify/explain	أوضح	أوضحت	يوضح	توضح	توضيح	توضيحات
intend/plan to	اعتزم	اعتزمت	يعتزم	تعتزم	ينوي	تنوي
# === Meetings and visits ===
meet/receive	التقى	التقت	التقيا	يلتقي	تلتقي	يلتقيان	تلتقيان	لقاء	لقاءات	اجتمع	اجتمعت	اجتمعا	يجتمع	تجتمع	يجتمعان	تجتمعان	اجتماع	اجتماعات	استقبل	استقبلت	يستقبل	تستقبل	استقبال
discuss	بحث	بحثت	بحثا	يبحث	تبحث	يبحثان	تبحثان	ناقش	ناقشت	ناقشا	يناقش	تناقش	يناقشان	تناقشان	مناقشة	تباحث	تباحثا	يتباحث	تتباحث	استعرض	استعرضت	استعرضا	يستعرض	تستعرض	يستعرضان	تستعرضان
# note: بحث also means 'search/research'; kept because 'discuss' dominates in headlines
talks/negotiations	محادثات	مباحثات	مفاوضات	تفاوض
# note: مشاورات (consultations) left out
visit	زار	زارت	يزور	تزور	زيارة	زيارات	يزوران	تزوران
arrive	وصل	وصلت	يصل	تصل	وصول	يصلان
phone call	اتصال هاتفي	اتصالا هاتفيا	مكالمة هاتفية	اتصالات هاتفية
host	استضاف	استضافت	يستضيف	تستضيف	استضافة
# === Agreements ===
sign/conclude	وقع	وقعت	يوقع	يوقعان	توقيع	أبرم	أبرمت	يبرم	تبرم	إبرام
# note: وقع/وقعت also mean 'occurred' (وقع انفجار); توقع left out (= 'expect/forecast')
agree	اتفق	اتفقت	اتفقا	يتفق	تتفق	يتفقان	تتفقان
agreement	اتفاق	اتفاقية	اتفاقيات	اتفاقات
memorandum of understanding	مذكرة تفاهم	مذكرات تفاهم	مذكرة التفاهم
# === Government decisions ===
decide/decision	قرر	قررت	يقرر	تقرر	قرار	قرارات
issue	أصدر	أصدرت	إصدار
# note: يصدر/تصدر left out (also 'exports' / 'tops the table')
decree	مرسوم	مرسوما	مراسيم
approve/ratify	أقر	أقرت	يقر	تقر	إقرار	صادق	صادقت	يصادق	تصادق	مصادقة	وافق	وافقت	يوافق	موافقة
form (committee/government)	شكلت	يشكل	تشكيل
# note: شكل left out (بشكل = 'in a manner')
establish/create/construct	أنشأ	أنشأت	ينشئ	تنشئ	إنشاء	أسس	أسست	يؤسس	تؤسس	تأسيس	إحداث	شيد	شيدت	تشييد	يبني
ban/prohibit	منع	منعت	يمنع	تمنع	حظر	حظرت	يحظر	تحظر
directive/instructions	توجيه	توجيهات	أوعز	أوعزت	يوعز	تعليمات
measures	إجراءات	تدابير
cancel	ألغى	ألغت	يلغي	تلغي	إلغاء
# === Start / open / resume (separate from stop / suspend / postpone / close) ===
begin/start	بدأ	بدأت	يبدأ	تبدأ	بدء	بداية	انطلق	انطلقت	ينطلق	تنطلق	انطلاق	انطلاقة	باشر	باشرت	يباشر	تباشر	شرعت	شروع
# note: أطلق/إطلاق (launch) left out: also 'fire' (إطلاق النار) and 'release' (إطلاق سراح)
open/inaugurate	افتتح	افتتحت	يفتتح	تفتتح	افتتاح	دشن	دشنت	يدشن	تدشن	تدشين	فتح	فتحت	يفتح	تفتح
resume/return	استأنف	استأنفت	يستأنف	تستأنف	استئناف	عودة	عاد	عادت	يعود	تعود	عائدين	عائدون
# note: عودة is used both for resumption (عودة الرحلات) and return of refugees (returnees kept here too)
stop/halt	وقف	أوقف	أوقفت	يوقف	إيقاف	توقف	توقفت	يتوقف	تتوقف
suspend/freeze	علق	علقت	يعلق	تعلق	تعليق	تجميد	جمد	جمدت	يجمد
# note: تعليق also means 'comment'; kept for 'suspend' sense
postpone	أجلت	يؤجل	تؤجل	تأجيل	إرجاء	أرجأ	أرجأت	يرجئ	ترجئ
# note: أجل left out (من أجل = 'for')
close	أغلق	أغلقت	يغلق	تغلق	إغلاق	إقفال	أقفل	أقفلت
ceasefire/truce	وقف إطلاق النار	وقف إطلاق نار	وقف النار	هدنة
continue	استمرار	استمر	استمرت	يستمر	تستمر	واصل	واصلت	يواصل	مواصلة
extend	تمديد	مدد	مددت	يمدد
complete/accomplish	إنجاز	أنجز	أنجزت	ينجز	تنجز	إتمام	أتم	أتمت
end/conclude	انتهاء	انتهى	انتهت	ينتهي	تنتهي	اختتام	اختتم	اختتمت	يختتم	تختتم	ختام
put into service	تشغيل	وضع في الخدمة	دخول الخدمة	دخل الخدمة	دخلت الخدمة
# === Prices and money ===
price	سعر	أسعار	ثمن	تسعيرة	تسعيرات
# note: ثمن also in 'ثمن النهائي' (round of 16); price sense dominant
fare/tariff	تعرفة	تعريفة	أجرة
cost	تكلفة	كلفة	تكاليف
increase/rise	زيادة	زيادات	زاد	زادت	يزيد	تزيد	ارتفاع	ارتفع	ارتفعت	يرتفع	ترتفع	صعود
# note: رفع left out: 'raise price' vs 'lift sanctions' and رفع الدعم (remove subsidy) is the OPPOSITE of زيادة الدعم
decrease/reduce	خفض	خفضت	يخفض	تخفض	تخفيض	تخفيضات	انخفاض	انخفض	انخفضت	ينخفض	تنخفض	تراجع	تراجعت	يتراجع	تتراجع	هبوط	هبط	هبطت	يهبط	تهبط	تقليص	قلص	قلصت	يقلص
pay/settle (debts)	سدد	سددت	يسدد	تسدد	تسديد	سداد
fund/finance	تمويل	مول	مولت	يمول	تمول
aid/relief	مساعدات	مساعدة	معونات	معونة	إغاثة	إغاثية	إغاثي
salary	راتب	رواتب	مرتب	مرتبات
budget	موازنة	موازنات	ميزانية	ميزانيات
bank	مصرف	مصارف	بنك	بنوك
US dollar	دولار	العملة الخضراء	الورقة الخضراء
black/parallel market	السوق السوداء	السوق الموازية	السوق الموازي	السوق غير الرسمية	السوق غير النظامية
goods	سلع	سلعة	بضائع	بضاعة
distribute	توزيع	وزع	وزعت	يوزع	توزع
provide/secure (supplies)	تأمين	توفير	وفر	وفرت	يوفر	توفر
# note: تأمين also 'insurance'; أمن/يؤمن/تؤمن left out ('security' / 'believes')
fuel	محروقات	وقود
diesel	مازوت	ديزل	سولار
fuel station	كازية	كازيات	محطة وقود	محطات وقود	محطة محروقات	محطات المحروقات	محطة بنزين
gas cylinder	أسطوانة	اسطوانة	أسطوانات	اسطوانات	جرة	جرات
bakery	فرن	أفران	مخبز	مخابز
chicken/poultry	فروج	دجاج	دواجن
vegetables	خضار	خضروات	خضراوات
wheat	قمح	حنطة
oil (petroleum)	نفط	بترول
farmers	فلاح	فلاحين	فلاحون	مزارعين	مزارعون
# note: مزارع left out (also plural of مزرعة 'farms')
harvest	حصاد	جني	قطاف	قطف
smart card (Syria)	البطاقة الذكية	البطاقة الإلكترونية	البطاقة الالكترونية
# === Security ===
clashes	اشتباكات	اشتباك	اشتبك	اشتبكت	مواجهات
# note: معارك (battles) left out: larger scale than clashes
arrest/detain	اعتقال	اعتقالات	اعتقل	اعتقلت	يعتقل	تعتقل	قبض	توقيف	احتجاز	احتجز	احتجزت	يحتجز	تحتجز
detainees	معتقل	معتقلين	معتقلون	محتجز	محتجزين	محتجزون	موقوف	موقوفين	موقوفون
release	أفرج	أفرجت	يفرج	تفرج	إفراج	إطلاق سراح	أطلق سراح	أطلقت سراح	إخلاء سبيل	يطلق سراح	تطلق سراح
seize/confiscate	ضبط	ضبطت	يضبط	تضبط	مصادرة	صادرت	يصادر	تصادر
# note: ضبط also 'control/regulate' (ضبط الأسعار)
police raid	مداهمة	مداهمات	داهم	داهمت	يداهم	تداهم
attack/aggression	هجوم	هجمات	هاجم	هاجمت	يهاجم	تهاجم	اعتداء	اعتداءات	اعتدى	عدوان
target	استهداف	استهدف	استهدفت	يستهدف	تستهدف
airstrike	غارة	غارات	ضربة	ضربات
shelling	قصف	قصفت	يقصف	تقصف
# note: shelling (قصف) kept apart from airstrike (غارة) and attack: artillery vs air vs ground
explosion/bombing	انفجار	انفجارات	انفجر	انفجرت	ينفجر	تنفجر	تفجير	تفجيرات
drone	مسيرة	مسيرات	درون	طائرة مسيرة	طائرات مسيرة	طائرة بدون طيار	طائرة من دون طيار
# note: مسيرة also 'march/rally'; drone sense kept (dominant in current news), not placed in protest set
protest/demonstration	مظاهرة	مظاهرات	تظاهرة	تظاهرات	احتجاج	احتجاجات	وقفة احتجاجية	تظاهر	احتج	احتجوا
killed	مقتل	قتل	قتلى	قتيل	قتيلا	قتيلة	قتيلان	قتيلين	مصرع	حتفه	حتفهم	استشهاد	استشهد	استشهدت	شهيد	شهداء	شهيدا
wounded/injured	جريح	جرحى	جرح	جروح	أصيب	أصيبت	يصاب	تصاب	إصابة	إصابات	مصاب	مصابين	مصابون
# note: إصابة/إصابات also used for disease cases (infections)
death/passing	وفاة	وفيات	توفي	توفيت	يتوفى	رحيل	نعى	ينعى	تنعى	نعي	فارق الحياة
# note: رحيل also 'departure' (رحيل النظام); رحل/رحلت left out (also 'deported'); killed/death/wounded kept apart
# note: ضحايا (victims) left out: may include wounded
bodies/remains	جثة	جثث	جثمان	جثامين	رفات
kidnap	خطف	اختطاف	اختطف	اختطفت	يختطف	تختطف	مخطوف	مخطوفين
assassination	اغتيال	اغتال	اغتالت	يغتال	تغتال
# note: assassination kept apart from killed (محاولة اغتيال = attempt, victim may survive)
evacuate	إخلاء	أخلى	أخلت	يخلي
curfew	حظر تجول	حظر التجول	منع تجول	منع التجول
deployment/spread (forces, disease)	انتشار	انتشر	انتشرت	ينتشر	تنتشر	تفشي	تفشى	تفشت	يتفشى	تتفشى
# note: نشر left out (mainly 'publish')
captagon	كبتاغون	كبتاجون	كابتاغون	كابتاجون
ISIS	داعش	تنظيم الدولة	تنظيم الدولة الإسلامية	الدولة الإسلامية
SDF	قسد	قوات سوريا الديمقراطية	قوات سورية الديمقراطية
former (Assad) regime	النظام البائد	النظام السابق	النظام المخلوع	نظام الأسد
# === Disasters and weather ===
fire/blaze	حريق	حرائق	حريقا
extinguish	إخماد	أخمد	أخمدت	يخمد	تخمد	إطفاء
earthquake/tremor	زلزال	زلازل	هزة	هزات	هزة أرضية	هزات أرضية
storm	عاصفة	عواصف
rain	أمطار	مطر	مطرية	ماطرة	زخات
snow	ثلج	ثلوج	ثلجية
flood	فيضان	فيضانات	سيول	سيل
dust	غبار	غبارية	أتربة	عاصفة غبارية	عاصفة رملية
heat wave	موجة حر	موجة حارة	موجة حرارة	كتلة هوائية حارة
weather	طقس	الحالة الجوية	الأحوال الجوية
rescue	إنقاذ	أنقذ	أنقذت	ينقذ	تنقذ
rubble	أنقاض	ركام
# === Accidents ===
traffic accident	حادث سير	حادث مروري	حادث مرور	حادثة سير	حوادث سير	حوادث السير	حوادث مرورية
accident/incident	حادث	حادثة
collision	تصادم	اصطدام	اصطدم	اصطدمت	يصطدم	تصطدم
collapse	انهيار	انهار	انهارت	ينهار	تنهار
drowning	غرق	غرقى	غريق	غرقت	يغرق	تغرق
poisoning	تسمم	تسممت	تسممات
malfunction/fault	عطل	أعطال	خلل
# note: انقلاب (overturn) left out: also 'coup'; سقوط left out (too many senses)
# === Health ===
vaccination/vaccine	تلقيح	لقاح	لقاحات	تطعيم	تطعيمات
epidemic/pandemic	وباء	أوبئة	جائحة
COVID-19	كورونا	كوفيد	كوفيد-19	كوفيد 19
hospital	مستشفى	مشفى	مستشفيات	مشافي
# === Education ===
exams	امتحانات	امتحان	اختبارات	اختبار
results	نتائج	نتيجة
secondary certificate	بكالوريا	الشهادة الثانوية	الثانوية العامة
basic education certificate (grade 9)	شهادة التعليم الأساسي	الشهادة الإعدادية
school year	العام الدراسي	السنة الدراسية
students	طلاب	طلبة
holiday	عطلة	عطلات	إجازة	إجازات
# note: إجازة also 'licence' (إجازة استيراد) and 'degree'
# === Sports ===
win/beat	فاز	فازت	يفوز	تفوز	فوز	تغلب	تغلبت	يتغلب	تتغلب	انتصار	انتصر	انتصرت	اكتسح	اكتسحت	يكتسح
# note: هزم left out: without diacritics it is both 'beat' and 'was beaten'
lose	خسر	خسرت	يخسر	تخسر	خسارة	هزيمة
crowned/champion	توج	توجت	يتوج	تتوج	تتويج
win (title/medal)	أحرز	أحرزت	يحرز	تحرز	إحراز	حصد	حصدت	يحصد	تحصد
coach	مدرب	مدربا	مدير فني	المدير الفني	مديرا فنيا
appoint	عينت	يعين	تعين	تعيين	تعيينات	تكليف
# note: عين left out (also 'eye', 'spring', place names like عين العرب)
dismiss/sack	إقالة	أقال	أقالت	يقيل	تقيل	إعفاء	أعفى	أعفت	يعفي	تعفي
# note: إعفاء also 'exemption' (from fees)
resign	استقالة	استقال	استقالت	يستقيل	تستقيل
qualify	تأهل	تأهلت	يتأهل	تتأهل
World Cup	كأس العالم	مونديال
Olympics	أولمبياد	الألعاب الأولمبية	دورة الألعاب الأولمبية
stadium	ملعب	ملاعب	استاد	ستاد
# === Transport ===
flight/trip	رحلة	رحلات
railway	سكك الحديد	السكك الحديدية	السكة الحديدية	الخط الحديدي
train	قطار	قطارات
border crossing	معبر	معابر	منفذ حدودي	المنفذ الحدودي	منافذ حدودية
# note: منفذ alone left out (also 'perpetrator')
motorway (spelling)	أوتوستراد	اوتوستراد	أوتستراد	اوتستراد
bus	حافلة	حافلات	باص	باصات
microbus	سرفيس	سرافيس	ميكروباص	ميكرو
taxi	تكسي	تاكسي	تكاسي	سيارة أجرة	سيارات أجرة	سيارات الأجرة
passengers	ركاب	راكب	مسافرين	مسافرون	مسافر
seaport	ميناء	مرفأ	موانئ	مرافئ
ship	سفينة	سفن	باخرة	بواخر
car/vehicle	سيارة	سيارات	مركبة	مركبات
traffic	حركة المرور	حركة السير
visa	تأشيرة	تأشيرات	فيزا
# note: قطع (cut road / cut power / spare parts / cut ties) left out
# === Utilities ===
electricity	كهرباء	التيار الكهربائي	الطاقة الكهربائية
water	مياه	ماء
outage/cut	انقطاع	انقطاعات	انقطع	انقطعت	ينقطع	تنقطع
# note: تقنين (rationing) kept out of outage: partial vs total
supply	إمداد	إمدادات	تزويد	زود	زودت	يزود	ضخ
internet	إنترنت	انترنت	الشبكة العنكبوتية
mobile phone	خلوي	خليوي	جوال	موبايل	الهاتف المحمول	الهواتف المحمولة
# === Diplomacy and politics ===
impose	فرض	فرضت	يفرض	تفرض
lift sanctions	رفع العقوبات	إلغاء العقوبات	إزالة العقوبات
# note: easing (تخفيف) and suspending (تعليق) sanctions are different degrees, not included
foreign minister	وزير الخارجية	رئيس الدبلوماسية
United Nations	الأمم المتحدة	أممي	أممية
United States	أمريكا	أميركا	الولايات المتحدة	أمريكي	أميركي	أمريكية	أميركية
Syria (spelling)	سوريا	سورية
cabinet/government	مجلس الوزراء	حكومة
prime minister	رئيس الوزراء	رئيس الحكومة	رئيس مجلس الوزراء
parliament	برلمان	مجلس الشعب	مجلس النواب
spokesperson	متحدث	ناطق	المتحدث باسم	الناطق باسم	المتحدث الرسمي	الناطق الرسمي
# === Refugees ===
refugees	لاجئ	لاجئة	لاجئين	لاجئون	لجوء
displaced (IDPs)	نازح	نازحين	نازحون	نزوح
# note: refugees (abroad) and IDPs kept apart; مهجر left out (also 'diaspora')
# === Building and construction ===
building	مبنى	مباني	بناء	بناية	بنايات
rehabilitate/restore	تأهيل	ترميم	رمم	يرمم	ترمم
demolish	هدم	هدمت	يهدم	تهدم
reconstruction	إعمار	إعادة الإعمار	إعادة إعمار	إعادة البناء	إعادة بناء
factory	معمل	معامل	مصنع	مصانع
shop	محل	محلات	متجر	متاجر
# === Common interchangeable words ===
next/coming	مقبل	مقبلة	قادم	قادمة
last/past	الماضي	الماضية	المنصرم	المنصرمة	الفائت	الفائتة
current	الحالي	الحالية	الجاري	الجارية	الراهن	الراهنة
family	عائلة	عائلات	أسرة
residents	سكان	أهالي	أهال
woman	امرأة	سيدة
tourists	سياح	سائحين	سائحون
ceremony/celebrate	حفل	حفلا	احتفال	احتفالية	احتفالات	احتفل	احتفلت	يحتفل	تحتفل
preparations	استعدادات	تحضيرات
`;

/** The sets: gloss and entries (words or phrases), as written. */
export function thesaurusRows(): Array<{ gloss: string; entries: string[] }> {
  return THESAURUS_TSV.split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [gloss, ...entries] = line.split('\t');
      return { gloss: gloss!, entries: entries.filter((e) => e.trim()) };
    });
}
