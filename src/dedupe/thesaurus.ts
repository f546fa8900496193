// A thesaurus of Arabic news-headline wording: words and phrases a second outlet uses for
// the same thing in the same slot ("أعلن" / "كشف", "مرفأ" / "ميناء", "وقف إطلاق النار" /
// "هدنة"). Written for nahr from general knowledge of how Syrian and regional outlets word
// headlines, by a helper that had not seen the labeled pairs of test/eval (so it is not
// fitted to them); opposites, different degrees (killed / wounded) and different things of
// one kind (ministries, cities, commodities) are kept in separate sets on purpose: a wrong
// synonym is a wrong merge. One set per line: an English gloss, whether the set tells what
// happened ("action": a verb or verbal noun) or who or what ("thing"), then the entries,
// TAB between. Lines starting with # are notes. Read by similar.ts, which matches an entry
// by its spelling (attached prefixes and the article off) and joins a set that shares an
// entry with its own short list. (Rows for offices — foreign minister, prime minister —
// live in similar.ts's offices; denials are negations there.)
export const THESAURUS_TSV = `
# Thesaurus of MSA news-headline vocabulary (Syrian/regional outlets). Format: gloss<TAB>word<TAB>word...
# Built from general knowledge of Arabic headline style. A word appears in at most one set.
# Opposites, different degrees/outcomes and different entities are deliberately kept in separate sets.
# === Statements and announcements ===
announce/reveal	action	أعلن	أعلنت	يعلن	تعلن	إعلان	أعلنا	يعلنان	تعلنان	كشف	كشفت	يكشف	تكشف	يكشفان	تكشفان	أفصح	أفصحت	يفصح	تفصح	كشف النقاب	أزاح الستار	أزاحت الستار
say/state	action	قال	قالت	يقول	تقول	صرح	صرحت	يصرح	تصرح	أفاد	أفادت
# note: تصريح left out (also 'permit'); ذكر/ذكرت left out (also 'male', 'remembrance', يذكر أن)
confirm/stress	action	أكد	أكدت	أكدا	يؤكد	تؤكد	تأكيد	يؤكدان	تؤكدان	شدد	شددت	يشدد	يشددان	تشددان
# note: تشدد/تشديد left out (also 'hard-line' / 'tightening of measures')
warn	action	حذر	حذرت	يحذر	تحذر	تحذير	تحذيرات	يحذران	تحذران	نبه	نبهت	ينبه
call for/urge/demand	action	دعا	دعت	يدعو	تدعو	دعوة	دعوات	يدعوان	تدعوان	طالبت	يطالب	تطالب	مطالبة	مطالبات	يطالبان	تطالبان	حث	حثت	يحث	تحث	ناشد	ناشدت	يناشد	تناشد	مناشدة
# note: طالب (past 'demanded') left out: identical to 'student'
# deny: inflections only, NOT a synonym of anything else
condemn	action	أدان	أدانت	يدين	تدين	إدانة	استنكر	استنكرت	يستنكر	تستنكر	استنكار	شجب	شجبت	يشجب	تشجب
welcome	action	رحب	رحبت	يرحب	ترحب	ترحيب
praise	action	أشاد	أشادت	يشيد	تشيد	إشادة
# note: يشيد/تشيد put here (dominant sense 'praise'); construction uses شيد/تشييد only
express	action	أعرب	أعربت	يعرب	تعرب	أبدى	أبدت	يبدي	تبدي
concern/fears	thing	قلق	مخاوف
threaten	action	هدد	هددت	يهدد	تهدد	تهديد	تهديدات	توعد	توعدت	يتوعد	تتوعد
pledge/promise	action	وعد	وعدت	وعود	تعهد	تعهدت	يتعهد	تتعهد	تعهدات
clarify/explain	action	أوضح	أوضحت	يوضح	توضح	توضيح	توضيحات
intend/plan to	action	اعتزم	اعتزمت	يعتزم	تعتزم	ينوي	تنوي
# === Meetings and visits ===
meet/receive	action	التقى	التقت	التقيا	يلتقي	تلتقي	يلتقيان	تلتقيان	لقاء	لقاءات	اجتمع	اجتمعت	اجتمعا	يجتمع	تجتمع	يجتمعان	تجتمعان	اجتماع	اجتماعات	استقبل	استقبلت	يستقبل	تستقبل	استقبال
discuss	action	بحث	بحثت	بحثا	يبحث	تبحث	يبحثان	تبحثان	ناقش	ناقشت	ناقشا	يناقش	تناقش	يناقشان	تناقشان	مناقشة	تباحث	تباحثا	يتباحث	تتباحث	استعرض	استعرضت	استعرضا	يستعرض	تستعرض	يستعرضان	تستعرضان
# note: بحث also means 'search/research'; kept because 'discuss' dominates in headlines
talks/negotiations	action	محادثات	مباحثات	مفاوضات	تفاوض
# note: مشاورات (consultations) left out
visit	action	زار	زارت	يزور	تزور	زيارة	زيارات	يزوران	تزوران
arrive	action	وصل	وصلت	يصل	تصل	وصول	يصلان
phone call	action	اتصال هاتفي	اتصالا هاتفيا	مكالمة هاتفية	اتصالات هاتفية
host	action	استضاف	استضافت	يستضيف	تستضيف	استضافة
# === Agreements ===
sign/conclude	action	وقع	وقعت	يوقع	يوقعان	توقيع	أبرم	أبرمت	يبرم	تبرم	إبرام	توقعان	وقعا
# note: وقع/وقعت also mean 'occurred' (وقع انفجار); توقع left out (= 'expect/forecast')
agree	action	اتفق	اتفقت	اتفقا	يتفق	تتفق	يتفقان	تتفقان
agreement	thing	اتفاق	اتفاقية	اتفاقيات	اتفاقات
memorandum of understanding	thing	مذكرة تفاهم	مذكرات تفاهم	مذكرة التفاهم
# === Government decisions ===
decide/decision	action	قرر	قررت	يقرر	تقرر	قرار	قرارات
issue	action	أصدر	أصدرت	إصدار
# note: يصدر/تصدر left out (also 'exports' / 'tops the table')
decree	thing	مرسوم	مرسوما	مراسيم
approve/ratify	action	أقر	أقرت	يقر	تقر	إقرار	صادق	صادقت	يصادق	تصادق	مصادقة	وافق	وافقت	يوافق	موافقة
form (committee/government)	action	شكلت	يشكل	تشكيل
# note: شكل left out (بشكل = 'in a manner')
establish/create/construct	action	أنشأ	أنشأت	ينشئ	تنشئ	إنشاء	أسس	أسست	يؤسس	تؤسس	تأسيس	إحداث	شيد	شيدت	تشييد	يبني
ban/prohibit	action	منع	منعت	يمنع	تمنع	حظر	حظرت	يحظر	تحظر
directive/instructions	thing	توجيه	توجيهات	أوعز	أوعزت	يوعز	تعليمات
measures	thing	إجراءات	تدابير
cancel	action	ألغى	ألغت	يلغي	تلغي	إلغاء
# === Start / open / resume (separate from stop / suspend / postpone / close) ===
begin/start	action	بدأ	بدأت	يبدأ	تبدأ	بدء	بداية	انطلق	انطلقت	ينطلق	تنطلق	انطلاق	انطلاقة	باشر	باشرت	يباشر	تباشر	شرعت	شروع
# note: أطلق/إطلاق (launch) left out: also 'fire' (إطلاق النار) and 'release' (إطلاق سراح)
open/inaugurate	action	افتتح	افتتحت	يفتتح	تفتتح	افتتاح	دشن	دشنت	يدشن	تدشن	تدشين	فتح	فتحت	يفتح	تفتح
resume/return	action	استأنف	استأنفت	يستأنف	تستأنف	استئناف	عودة	عاد	عادت	يعود	تعود	عائدين	عائدون	أعاد	أعادت	يعيد	تعيد	إعادة
# note: عودة is used both for resumption (عودة الرحلات) and return of refugees (returnees kept here too)
stop/halt	action	وقف	أوقف	أوقفت	يوقف	إيقاف	توقف	توقفت	يتوقف	تتوقف
suspend/freeze	action	علق	علقت	يعلق	تعلق	تعليق	تجميد	جمد	جمدت	يجمد
# note: تعليق also means 'comment'; kept for 'suspend' sense
postpone	action	أجلت	يؤجل	تؤجل	تأجيل	إرجاء	أرجأ	أرجأت	يرجئ	ترجئ
# note: أجل left out (من أجل = 'for')
close	action	أغلق	أغلقت	يغلق	تغلق	إغلاق	إقفال	أقفل	أقفلت
ceasefire/truce	thing	وقف إطلاق النار	وقف إطلاق نار	وقف النار	هدنة
continue	action	استمرار	استمر	استمرت	يستمر	تستمر	واصل	واصلت	يواصل	مواصلة
extend	action	تمديد	مدد	مددت	يمدد
complete/accomplish	action	إنجاز	أنجز	أنجزت	ينجز	تنجز	إتمام	أتم	أتمت
end/conclude	action	انتهاء	انتهى	انتهت	ينتهي	تنتهي	اختتام	اختتم	اختتمت	يختتم	تختتم	ختام
put into service	action	تشغيل	وضع في الخدمة	دخول الخدمة	دخل الخدمة	دخلت الخدمة
# === Prices and money ===
price	thing	سعر	أسعار	ثمن	تسعيرة	تسعيرات
# note: ثمن also in 'ثمن النهائي' (round of 16); price sense dominant
fare/tariff	thing	تعرفة	تعريفة	أجرة
cost	thing	تكلفة	كلفة	تكاليف
increase/rise	action	زيادة	زيادات	زاد	زادت	يزيد	تزيد	ارتفاع	ارتفع	ارتفعت	يرتفع	ترتفع	صعود
# note: رفع left out: 'raise price' vs 'lift sanctions' and رفع الدعم (remove subsidy) is the OPPOSITE of زيادة الدعم
decrease/reduce	action	خفض	خفضت	يخفض	تخفض	تخفيض	تخفيضات	انخفاض	انخفض	انخفضت	ينخفض	تنخفض	تراجع	تراجعت	يتراجع	تتراجع	هبوط	هبط	هبطت	يهبط	تهبط	تقليص	قلص	قلصت	يقلص
pay/settle (debts)	action	سدد	سددت	يسدد	تسدد	تسديد	سداد
fund/finance	action	تمويل	مول	مولت	يمول	تمول
aid/relief	thing	مساعدات	مساعدة	معونات	معونة	إغاثة	إغاثية	إغاثي
salary	thing	راتب	رواتب	مرتب	مرتبات
budget	thing	موازنة	موازنات	ميزانية	ميزانيات
bank	thing	مصرف	مصارف	بنك	بنوك
US dollar	thing	دولار	العملة الخضراء	الورقة الخضراء
black/parallel market	thing	السوق السوداء	السوق الموازية	السوق الموازي	السوق غير الرسمية	السوق غير النظامية
goods	thing	سلع	سلعة	بضائع	بضاعة
distribute	action	توزيع	وزع	وزعت	يوزع	توزع
provide/secure (supplies)	action	تأمين	توفير	وفر	وفرت	يوفر	توفر
# note: تأمين also 'insurance'; أمن/يؤمن/تؤمن left out ('security' / 'believes')
fuel	thing	محروقات	وقود
diesel	thing	مازوت	ديزل	سولار
fuel station	thing	كازية	كازيات	محطة وقود	محطات وقود	محطة محروقات	محطات المحروقات	محطة بنزين
gas cylinder	thing	أسطوانة	اسطوانة	أسطوانات	اسطوانات	جرة	جرات
bakery	thing	فرن	أفران	مخبز	مخابز
chicken/poultry	thing	فروج	دجاج	دواجن
vegetables	thing	خضار	خضروات	خضراوات
wheat	thing	قمح	حنطة
oil (petroleum)	thing	نفط	بترول
farmers	thing	فلاح	فلاحين	فلاحون	مزارعين	مزارعون
# note: مزارع left out (also plural of مزرعة 'farms')
harvest	thing	حصاد	جني	قطاف	قطف
smart card (Syria)	thing	البطاقة الذكية	البطاقة الإلكترونية	البطاقة الالكترونية
# === Security ===
clashes	action	اشتباكات	اشتباك	اشتبك	اشتبكت	مواجهات
# note: معارك (battles) left out: larger scale than clashes
arrest/detain	action	اعتقال	اعتقالات	اعتقل	اعتقلت	يعتقل	تعتقل	قبض	توقيف	احتجاز	احتجز	احتجزت	يحتجز	تحتجز
detainees	thing	معتقل	معتقلين	معتقلون	محتجز	محتجزين	محتجزون	موقوف	موقوفين	موقوفون
release	action	أفرج	أفرجت	يفرج	تفرج	إفراج	إطلاق سراح	أطلق سراح	أطلقت سراح	إخلاء سبيل	يطلق سراح	تطلق سراح
seize/confiscate	action	ضبط	ضبطت	يضبط	تضبط	مصادرة	صادرت	يصادر	تصادر
# note: ضبط also 'control/regulate' (ضبط الأسعار)
police raid	action	مداهمة	مداهمات	داهم	داهمت	يداهم	تداهم
attack/aggression	action	هجوم	هجمات	هاجم	هاجمت	يهاجم	تهاجم	اعتداء	اعتداءات	اعتدى	عدوان
target	action	استهداف	استهدف	استهدفت	يستهدف	تستهدف
airstrike	action	غارة	غارات	ضربة	ضربات
shelling	action	قصف	قصفت	يقصف	تقصف
# note: shelling (قصف) kept apart from airstrike (غارة) and attack: artillery vs air vs ground
explosion/bombing	action	انفجار	انفجارات	انفجر	انفجرت	ينفجر	تنفجر	تفجير	تفجيرات
drone	thing	مسيرة	مسيرات	درون	طائرة مسيرة	طائرات مسيرة	طائرة بدون طيار	طائرة من دون طيار
# note: مسيرة also 'march/rally'; drone sense kept (dominant in current news), not placed in protest set
protest/demonstration	action	مظاهرة	مظاهرات	تظاهرة	تظاهرات	احتجاج	احتجاجات	وقفة احتجاجية	تظاهر	احتج	احتجوا
killed	action	مقتل	قتل	قتلى	قتيل	قتيلا	قتيلة	قتيلان	قتيلين	مصرع	حتفه	حتفهم	استشهاد	استشهد	استشهدت	شهيد	شهداء	شهيدا
wounded/injured	action	جريح	جرحى	جرح	جروح	أصيب	أصيبت	يصاب	تصاب	إصابة	إصابات	مصاب	مصابين	مصابون
# note: إصابة/إصابات also used for disease cases (infections)
death/passing	action	وفاة	وفيات	توفي	توفيت	يتوفى	رحيل	نعى	ينعى	تنعى	نعي	فارق الحياة
# note: رحيل also 'departure' (رحيل النظام); رحل/رحلت left out (also 'deported'); killed/death/wounded kept apart
# note: ضحايا (victims) left out: may include wounded
bodies/remains	thing	جثة	جثث	جثمان	جثامين	رفات
kidnap	action	خطف	اختطاف	اختطف	اختطفت	يختطف	تختطف	مخطوف	مخطوفين
assassination	action	اغتيال	اغتال	اغتالت	يغتال	تغتال
# note: assassination kept apart from killed (محاولة اغتيال = attempt, victim may survive)
evacuate	action	إخلاء	أخلى	أخلت	يخلي
curfew	thing	حظر تجول	حظر التجول	منع تجول	منع التجول
deployment/spread (forces, disease)	action	انتشار	انتشر	انتشرت	ينتشر	تنتشر	تفشي	تفشى	تفشت	يتفشى	تتفشى
# note: نشر left out (mainly 'publish')
captagon	thing	كبتاغون	كبتاجون	كابتاغون	كابتاجون
ISIS	thing	داعش	تنظيم الدولة	تنظيم الدولة الإسلامية	الدولة الإسلامية
SDF	thing	قسد	قوات سوريا الديمقراطية	قوات سورية الديمقراطية
former (Assad) regime	thing	النظام البائد	النظام السابق	النظام المخلوع	نظام الأسد
# === Disasters and weather ===
fire/blaze	thing	حريق	حرائق	حريقا
extinguish	action	إخماد	أخمد	أخمدت	يخمد	تخمد	إطفاء
earthquake/tremor	thing	زلزال	زلازل	هزة	هزات	هزة أرضية	هزات أرضية
storm	thing	عاصفة	عواصف
rain	thing	أمطار	مطر	مطرية	ماطرة	زخات
snow	thing	ثلج	ثلوج	ثلجية
flood	thing	فيضان	فيضانات	سيول	سيل
dust	thing	غبار	غبارية	أتربة	عاصفة غبارية	عاصفة رملية
heat wave	thing	موجة حر	موجة حارة	موجة حرارة	كتلة هوائية حارة
weather	thing	طقس	الحالة الجوية	الأحوال الجوية
rescue	action	إنقاذ	أنقذ	أنقذت	ينقذ	تنقذ
rubble	thing	أنقاض	ركام
# === Accidents ===
traffic accident	thing	حادث سير	حادث مروري	حادث مرور	حادثة سير	حوادث سير	حوادث السير	حوادث مرورية
accident/incident	thing	حادث	حادثة
collision	action	تصادم	اصطدام	اصطدم	اصطدمت	يصطدم	تصطدم
collapse	action	انهيار	انهار	انهارت	ينهار	تنهار
drowning	action	غرق	غرقى	غريق	غرقت	يغرق	تغرق
poisoning	action	تسمم	تسممت	تسممات
malfunction/fault	thing	عطل	أعطال	خلل
# note: انقلاب (overturn) left out: also 'coup'; سقوط left out (too many senses)
# === Health ===
vaccination/vaccine	thing	تلقيح	لقاح	لقاحات	تطعيم	تطعيمات
epidemic/pandemic	thing	وباء	أوبئة	جائحة
COVID-19	thing	كورونا	كوفيد	كوفيد-19	كوفيد 19
hospital	thing	مستشفى	مشفى	مستشفيات	مشافي
# === Education ===
exams	thing	امتحانات	امتحان	اختبارات	اختبار
results	thing	نتائج	نتيجة
secondary certificate	thing	بكالوريا	الشهادة الثانوية	الثانوية العامة
basic education certificate (grade 9)	thing	شهادة التعليم الأساسي	الشهادة الإعدادية
school year	thing	العام الدراسي	السنة الدراسية
students	thing	طلاب	طلبة
holiday	thing	عطلة	عطلات	إجازة	إجازات
# note: إجازة also 'licence' (إجازة استيراد) and 'degree'
# === Sports ===
win/beat	action	فاز	فازت	يفوز	تفوز	فوز	تغلب	تغلبت	يتغلب	تتغلب	انتصار	انتصر	انتصرت	اكتسح	اكتسحت	يكتسح
# note: هزم left out: without diacritics it is both 'beat' and 'was beaten'
lose	action	خسر	خسرت	يخسر	تخسر	خسارة	هزيمة
crowned/champion	action	توج	توجت	يتوج	تتوج	تتويج
win (title/medal)	action	أحرز	أحرزت	يحرز	تحرز	إحراز	حصد	حصدت	يحصد	تحصد
coach	thing	مدرب	مدربا	مدير فني	المدير الفني	مديرا فنيا
appoint	action	عينت	يعين	تعين	تعيين	تعيينات	تكليف
# note: عين left out (also 'eye', 'spring', place names like عين العرب)
dismiss/sack	action	إقالة	أقال	أقالت	يقيل	تقيل	إعفاء	أعفى	أعفت	يعفي	تعفي
# note: إعفاء also 'exemption' (from fees)
resign	action	استقالة	استقال	استقالت	يستقيل	تستقيل
qualify	action	تأهل	تأهلت	يتأهل	تتأهل
World Cup	thing	كأس العالم	مونديال
Olympics	thing	أولمبياد	الألعاب الأولمبية	دورة الألعاب الأولمبية
stadium	thing	ملعب	ملاعب	استاد	ستاد
# === Transport ===
flight/trip	thing	رحلة	رحلات
railway	thing	سكك الحديد	السكك الحديدية	السكة الحديدية	الخط الحديدي
train	thing	قطار	قطارات
border crossing	thing	معبر	معابر	منفذ حدودي	المنفذ الحدودي	منافذ حدودية
# note: منفذ alone left out (also 'perpetrator')
motorway (spelling)	thing	أوتوستراد	اوتوستراد	أوتستراد	اوتستراد
bus	thing	حافلة	حافلات	باص	باصات
microbus	thing	سرفيس	سرافيس	ميكروباص	ميكرو
taxi	thing	تكسي	تاكسي	تكاسي	سيارة أجرة	سيارات أجرة	سيارات الأجرة
passengers	thing	ركاب	راكب	مسافرين	مسافرون	مسافر
seaport	thing	ميناء	مرفأ	موانئ	مرافئ
ship	thing	سفينة	سفن	باخرة	بواخر
car/vehicle	thing	سيارة	سيارات	مركبة	مركبات
traffic	thing	حركة المرور	حركة السير
visa	thing	تأشيرة	تأشيرات	فيزا
# note: قطع (cut road / cut power / spare parts / cut ties) left out
# === Utilities ===
electricity	thing	كهرباء	التيار الكهربائي	الطاقة الكهربائية
water	thing	مياه	ماء
outage/cut	action	انقطاع	انقطاعات	انقطع	انقطعت	ينقطع	تنقطع
# note: تقنين (rationing) kept out of outage: partial vs total
supply	action	إمداد	إمدادات	تزويد	زود	زودت	يزود	ضخ
internet	thing	إنترنت	انترنت	الشبكة العنكبوتية
mobile phone	thing	خلوي	خليوي	جوال	موبايل	الهاتف المحمول	الهواتف المحمولة
# === Diplomacy and politics ===
remove a subsidy	action	رفع الدعم	يرفع الدعم	ترفع الدعم	رفعت الدعم	إلغاء الدعم	يلغي الدعم	تلغي الدعم
impose	action	فرض	فرضت	يفرض	تفرض
lift sanctions	action	رفع العقوبات	إلغاء العقوبات	إزالة العقوبات	يرفع العقوبات	ترفع العقوبات	رفعت العقوبات	يلغي العقوبات	تلغي العقوبات
# note: easing (تخفيف) and suspending (تعليق) sanctions are different degrees, not included
United Nations	thing	الأمم المتحدة	أممي	أممية
United States	thing	أمريكا	أميركا	الولايات المتحدة	أمريكي	أميركي	أمريكية	أميركية
Syria (spelling)	thing	سوريا	سورية
cabinet/government	thing	مجلس الوزراء	حكومة
parliament	thing	برلمان	مجلس الشعب	مجلس النواب
spokesperson	thing	متحدث	ناطق	المتحدث باسم	الناطق باسم	المتحدث الرسمي	الناطق الرسمي
# === Refugees ===
refugees	thing	لاجئ	لاجئة	لاجئين	لاجئون	لجوء
displaced (IDPs)	thing	نازح	نازحين	نازحون	نزوح
# note: refugees (abroad) and IDPs kept apart; مهجر left out (also 'diaspora')
# === Building and construction ===
building	thing	مبنى	مباني	بناء	بناية	بنايات
rehabilitate/restore	action	تأهيل	ترميم	رمم	يرمم	ترمم
demolish	action	هدم	هدمت	يهدم	تهدم
reconstruction	thing	إعمار	إعادة الإعمار	إعادة إعمار	إعادة البناء	إعادة بناء
factory	thing	معمل	معامل	مصنع	مصانع
shop	thing	محل	محلات	متجر	متاجر
# === Common interchangeable words ===
next/coming	thing	مقبل	مقبلة	قادم	قادمة
last/past	thing	الماضي	الماضية	المنصرم	المنصرمة	الفائت	الفائتة
current	thing	الحالي	الحالية	الجاري	الجارية	الراهن	الراهنة
family	thing	عائلة	عائلات	أسرة
residents	thing	سكان	أهالي	أهال
woman	thing	امرأة	سيدة
tourists	thing	سياح	سائحين	سائحون
ceremony/celebrate	thing	حفل	حفلا	احتفال	احتفالية	احتفالات	احتفل	احتفلت	يحتفل	تحتفل
preparations	thing	استعدادات	تحضيرات
`;

/** The sets: gloss, kind and entries (words or phrases), as written. */
export function thesaurusRows(): Array<{ gloss: string; action: boolean; entries: string[] }> {
  return THESAURUS_TSV.split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [gloss, kind, ...entries] = line.split('\t');
      if (kind !== 'action' && kind !== 'thing') throw new Error(`thesaurus: "${gloss}" is neither action nor thing`);
      return { gloss: gloss!, action: kind === 'action', entries: entries.filter((e) => e.trim()) };
    });
}
