// Places the near-duplicate guard knows: two headlines naming different places never fold,
// however alike the rest ("انفجار لغم في ريف حمص" / "… ريف حماة"). Syria's 14 governorates
// and main cities, with the neighbours and powers Syrian news names most, in Arabic and
// English spellings. Each entry is one place id and its spellings, written as outlets write
// them (folded before use). A nationality adjective ("السوري", "التركية") or a capital used
// for its country ("موسكو" for Russia) names the country; a city also names its country, so
// "دمشق" and "سوريا" do not clash while "دمشق" and "حلب" do.

export interface Place {
  id: string;
  /** Spellings, Arabic first; multi-word names allowed ("دير الزور", "deir ez-zor"). */
  names: string[];
  /** The country a city is in, or a capital stands for. */
  country?: string;
}

const syria = (id: string, names: string[]): Place => ({ id, names, country: 'syria' });

export const PLACES: Place[] = [
  // Countries (with their nationality adjectives and, for foreign ones, the capital used
  // as a metonym: "موسكو تؤكد …" is Russia speaking).
  { id: 'syria', names: ['سوريا', 'سورية', 'السوري', 'السورية', 'السوريين', 'السوريون', 'syria', 'syrian'] },
  { id: 'lebanon', names: ['لبنان', 'اللبناني', 'اللبنانية', 'لبنانيا', 'lebanon', 'lebanese'] },
  { id: 'jordan', names: ['الأردن', 'الأردني', 'الأردنية', 'أردنيا', 'jordan', 'jordanian'] },
  { id: 'iraq', names: ['العراق', 'العراقي', 'العراقية', 'عراقيا', 'بغداد', 'iraq', 'iraqi', 'baghdad'] },
  { id: 'turkey', names: ['تركيا', 'التركي', 'التركية', 'أنقرة', 'turkey', 'turkish', 'ankara'] },
  { id: 'russia', names: ['روسيا', 'الروسي', 'الروسية', 'موسكو', 'الكرملين', 'russia', 'russian', 'moscow', 'kremlin'] },
  { id: 'iran', names: ['إيران', 'الإيراني', 'الإيرانية', 'طهران', 'iran', 'iranian', 'tehran'] },
  { id: 'israel', names: ['إسرائيل', 'الإسرائيلي', 'الإسرائيلية', 'إسرائيلية', 'israel', 'israeli'] },
  { id: 'usa', names: ['أمريكا', 'الولايات المتحدة', 'الأمريكي', 'الأمريكية', 'واشنطن', 'البيت الأبيض', 'usa', 'america', 'american', 'washington'] },
  { id: 'saudi', names: ['السعودية', 'السعودي', 'المملكة العربية السعودية', 'الرياض', 'saudi', 'riyadh'] },
  { id: 'qatar', names: ['قطر', 'القطري', 'القطرية', 'الدوحة', 'qatar', 'qatari', 'doha'] },
  { id: 'uae', names: ['الإمارات', 'الإماراتي', 'الإماراتية', 'أبوظبي', 'أبو ظبي', 'uae', 'emirates', 'abu dhabi'] },
  { id: 'egypt', names: ['مصر', 'المصري', 'المصرية', 'القاهرة', 'egypt', 'egyptian', 'cairo'] },
  { id: 'france', names: ['فرنسا', 'الفرنسي', 'الفرنسية', 'باريس', 'france', 'french', 'paris'] },
  { id: 'germany', names: ['ألمانيا', 'الألماني', 'الألمانية', 'برلين', 'germany', 'german', 'berlin'] },
  { id: 'uk', names: ['بريطانيا', 'البريطاني', 'البريطانية', 'لندن', 'britain', 'british', 'london'] },
  { id: 'china', names: ['الصين', 'الصيني', 'الصينية', 'بكين', 'china', 'chinese', 'beijing'] },
  { id: 'eu', names: ['الاتحاد الأوروبي', 'الأوروبي', 'الأوروبية', 'بروكسل', 'eu', 'european union', 'brussels'] },
  { id: 'kuwait', names: ['الكويت', 'الكويتي', 'الكويتية', 'kuwait'] },
  { id: 'oman-amman', names: ['عمان', 'عمّان', 'amman', 'oman'] }, // folded alike: Amman and Oman
  { id: 'beirut', names: ['بيروت', 'beirut'], country: 'lebanon' },
  { id: 'gaza', names: ['غزة', 'gaza'] },

  // Syria: the 14 governorates (a governorate's name is its capital's; "ريف X" is X, except
  // Rif Dimashq, a governorate of its own), then main cities and towns.
  syria('damascus', ['دمشق', 'الشام', 'damascus']),
  syria('rif-dimashq', ['ريف دمشق', 'rif dimashq', 'damascus countryside']),
  syria('aleppo', ['حلب', 'aleppo']),
  syria('homs', ['حمص', 'homs']),
  syria('hama', ['حماة', 'hama']),
  syria('latakia', ['اللاذقية', 'لاذقية', 'latakia', 'lattakia']),
  syria('tartus', ['طرطوس', 'tartus', 'tartous']),
  syria('idlib', ['إدلب', 'idlib', 'idleb']),
  syria('daraa', ['درعا', 'daraa', 'deraa', 'dara\'a']),
  syria('sweida', ['السويداء', 'السويدا', 'sweida', 'suwayda', 'as-suwayda']),
  syria('quneitra', ['القنيطرة', 'quneitra']),
  syria('deir-ez-zor', ['دير الزور', 'ديرالزور', 'deir ez-zor', 'deir ezzor', 'deir al-zour', 'deir el-zor']),
  syria('raqqa', ['الرقة', 'raqqa']),
  syria('hasakah', ['الحسكة', 'hasakah', 'hasaka', 'al-hasakah']),
  syria('qamishli', ['القامشلي', 'qamishli']),
  syria('manbij', ['منبج', 'manbij']),
  syria('afrin', ['عفرين', 'afrin']),
  syria('al-bab', ['مدينة الباب', 'al-bab']),
  syria('jarablus', ['جرابلس', 'jarablus']),
  syria('azaz', ['أعزاز', 'اعزاز', 'azaz']),
  syria('kobani', ['عين العرب', 'كوباني', 'kobani']),
  syria('tal-abyad', ['تل أبيض', 'tal abyad']),
  syria('ras-al-ain', ['رأس العين', 'ras al-ain']),
  syria('palmyra', ['تدمر', 'palmyra']),
  syria('abu-kamal', ['البوكمال', 'أبو كمال', 'abu kamal', 'albukamal']),
  syria('mayadin', ['الميادين', 'mayadin']),
  syria('jableh', ['جبلة', 'jableh', 'jableh']),
  syria('baniyas', ['بانياس', 'baniyas']),
  syria('safita', ['صافيتا', 'safita']),
  syria('masyaf', ['مصياف', 'masyaf']),
  syria('salamiyah', ['السلمية', 'سلمية', 'salamiyah']),
  syria('douma', ['دوما', 'douma']),
  syria('jaramana', ['جرمانا', 'jaramana']),
  syria('sahnaya', ['صحنايا', 'sahnaya']),
  syria('tall', ['التل', 'al-tall']),
  syria('zabadani', ['الزبداني', 'zabadani']),
  syria('nabk', ['النبك', 'nabk']),
  syria('qusayr', ['القصير', 'qusayr']),
  syria('talkalakh', ['تلكلخ', 'talkalakh']),
  syria('maarat-al-numan', ['معرة النعمان', 'maarat al-numan']),
  syria('saraqib', ['سراقب', 'saraqib']),
  syria('jisr-al-shughur', ['جسر الشغور', 'jisr al-shughur']),
  syria('harem', ['حارم', 'harem']),
  syria('bosra', ['بصرى', 'بصرى الشام', 'bosra']),
  syria('nawa', ['نوى', 'nawa']),
  syria('izraa', ['إزرع', 'izraa']),
  syria('shahba', ['شهبا', 'shahba']),
  syria('qardaha', ['القرداحة', 'qardaha']),
  syria('nasib', ['نصيب', 'nasib']),
  syria('tanf', ['التنف', 'tanf']),
  syria('ghouta', ['الغوطة', 'ghouta']),
  syria('yarmouk', ['اليرموك', 'yarmouk']),
  syria('jdeidet-yabous', ['جديدة يابوس', 'jdeidet yabous']),
];
