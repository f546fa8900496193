// Places the near-duplicate guard knows: two headlines naming different places never fold,
// however alike the rest ("انفجار لغم في ريف حمص" / "… ريف حماة"). Syria's 14 governorates
// and main cities, with the neighbours and powers Syrian news names most, in Arabic and
// English spellings. Each entry is one place id and its spellings, written as outlets write
// them (folded before use). A nationality adjective ("السوري", "التركية", "الأتراك") or a capital used
// for its country ("موسكو" for Russia) names the country; a city also names its country, so
// "دمشق" and "سوريا" do not clash while "دمشق" and "حلب" do.

export interface Place {
  id: string;
  /** Spellings, Arabic first; multi-word names allowed ("دير الزور", "deir ez-zor"). */
  names: string[];
  /** The country a city is in, or a capital stands for. */
  country?: string;
  /** The governorate a town is in ("جرمانا" is in ريف دمشق): naming the town also names
   * it, so "… في جرمانا" and "… في ريف دمشق" do not clash while "جرمانا" and "دوما" do. */
  within?: string;
}

const syria = (id: string, names: string[], within?: string): Place => ({ id, names, country: 'syria', ...(within ? { within } : {}) });

export const PLACES: Place[] = [
  // Countries (with their nationality adjectives and, for foreign ones, the capital used
  // as a metonym: "موسكو تؤكد …" is Russia speaking).
  { id: 'syria', names: ['سوريا', 'سورية', 'السوري', 'السورية', 'السوريين', 'السوريون', 'syria', 'syrian'] },
  { id: 'lebanon', names: ['لبنان', 'اللبناني', 'اللبنانية', 'لبنانيا', 'اللبنانيين', 'اللبنانيون', 'lebanon', 'lebanese'] },
  { id: 'jordan', names: ['الأردن', 'الأردني', 'الأردنية', 'أردنيا', 'الأردنيين', 'الأردنيون', 'jordan', 'jordanian'] },
  { id: 'iraq', names: ['العراق', 'العراقي', 'العراقية', 'عراقيا', 'العراقيين', 'العراقيون', 'بغداد', 'العاصمة العراقية', 'iraq', 'iraqi', 'baghdad'] },
  { id: 'turkey', names: ['تركيا', 'التركي', 'التركية', 'الأتراك', 'أنقرة', 'العاصمة التركية', 'turkey', 'turkish', 'ankara'] },
  { id: 'russia', names: ['روسيا', 'الروسي', 'الروسية', 'الروس', 'موسكو', 'الكرملين', 'العاصمة الروسية', 'russia', 'russian', 'moscow', 'kremlin'] },
  { id: 'iran', names: ['إيران', 'الإيراني', 'الإيرانية', 'الإيرانيين', 'الإيرانيون', 'طهران', 'iran', 'iranian', 'tehran'] },
  { id: 'israel', names: ['إسرائيل', 'الإسرائيلي', 'الإسرائيلية', 'إسرائيلية', 'الإسرائيليين', 'الإسرائيليون', 'israel', 'israeli'] },
  { id: 'usa', names: ['أمريكا', 'الولايات المتحدة', 'الأمريكي', 'الأمريكية', 'الأمريكيين', 'الأمريكيون', 'واشنطن', 'البيت الأبيض', 'usa', 'america', 'american', 'washington'] },
  { id: 'saudi', names: ['السعودية', 'السعودي', 'السعوديين', 'السعوديون', 'المملكة العربية السعودية', 'الرياض', 'العاصمة السعودية', 'saudi', 'riyadh'] },
  { id: 'qatar', names: ['قطر', 'القطري', 'القطرية', 'القطريين', 'الدوحة', 'qatar', 'qatari', 'doha'] },
  { id: 'uae', names: ['الإمارات', 'الإماراتي', 'الإماراتية', 'الإماراتيين', 'أبوظبي', 'أبو ظبي', 'uae', 'emirates', 'abu dhabi'] },
  { id: 'egypt', names: ['مصر', 'المصري', 'المصرية', 'المصريين', 'المصريون', 'القاهرة', 'egypt', 'egyptian', 'cairo'] },
  { id: 'france', names: ['فرنسا', 'الفرنسي', 'الفرنسية', 'الفرنسيين', 'باريس', 'العاصمة الفرنسية', 'قصر الإليزيه', 'الإليزيه', 'france', 'french', 'paris', 'elysee'] },
  { id: 'germany', names: ['ألمانيا', 'الألماني', 'الألمانية', 'الألمان', 'برلين', 'germany', 'german', 'berlin'] },
  { id: 'uk', names: ['بريطانيا', 'البريطاني', 'البريطانية', 'البريطانيين', 'لندن', 'britain', 'british', 'london'] },
  { id: 'china', names: ['الصين', 'الصيني', 'الصينية', 'الصينيين', 'بكين', 'china', 'chinese', 'beijing'] },
  { id: 'eu', names: ['الاتحاد الأوروبي', 'الأوروبي', 'الأوروبية', 'بروكسل', 'eu', 'european union', 'brussels'] },
  { id: 'kuwait', names: ['الكويت', 'الكويتي', 'الكويتية', 'الكويتيين', 'kuwait'] },
  // "عمان" and "عمّان" fold alike: Amman (Jordan's capital, "عمّان تؤكد …") far more often
  // than Oman in Syrian news, so it stands for Jordan.
  { id: 'amman', names: ['عمان', 'عمّان', 'العاصمة الأردنية', 'amman'], country: 'jordan' },
  { id: 'beirut', names: ['بيروت', 'العاصمة اللبنانية', 'beirut'], country: 'lebanon' },
  { id: 'gaza', names: ['غزة', 'gaza'] },
  // Other countries outlets name beside Syria (a second country in the same template is a
  // different story: "ألمانيا تعلق …" / "النمسا تعلق …").
  ...(
    [
      ['japan', 'اليابان', 'الياباني', 'اليابانية'], ['austria', 'النمسا', 'النمساوي', 'النمساوية'], ['italy', 'إيطاليا', 'الإيطالي', 'الإيطالية'],
      ['spain', 'إسبانيا', 'الإسباني', 'الإسبانية'], ['netherlands', 'هولندا', 'الهولندي', 'الهولندية'], ['belgium', 'بلجيكا', 'البلجيكي', 'البلجيكية'],
      ['sweden', 'السويد', 'السويدي', 'السويدية'], ['denmark', 'الدنمارك', 'الدنماركي', 'الدنماركية'], ['norway', 'النرويج', 'النرويجي', 'النرويجية'],
      ['switzerland', 'سويسرا', 'السويسري', 'السويسرية'], ['greece', 'اليونان', 'اليوناني', 'اليونانية'], ['cyprus', 'قبرص', 'القبرصي', 'القبرصية'],
      ['ukraine', 'أوكرانيا', 'الأوكراني', 'الأوكرانية'], ['india', 'الهند', 'الهندي', 'الهندية'], ['pakistan', 'باكستان', 'الباكستاني', 'الباكستانية'],
      ['afghanistan', 'أفغانستان', 'الأفغاني', 'الأفغانية'], ['korea', 'كوريا', 'الكوري', 'الكورية'], ['australia', 'أستراليا', 'الأسترالي', 'الأسترالية'],
      ['canada', 'كندا', 'الكندي', 'الكندية'], ['brazil', 'البرازيل', 'البرازيلي', 'البرازيلية'], ['argentina', 'الأرجنتين', 'الأرجنتيني', 'الأرجنتينية'],
      ['libya', 'ليبيا', 'الليبي', 'الليبية'], ['tunisia', 'تونس', 'التونسي', 'التونسية'], ['algeria', 'الجزائر', 'الجزائري', 'الجزائرية'],
      ['morocco', 'المغرب', 'المغربي', 'المغربية'], ['sudan', 'السودان', 'السوداني', 'السودانية'], ['yemen', 'اليمن', 'اليمني', 'اليمنية'],
      ['bahrain', 'البحرين', 'البحريني', 'البحرينية'], ['palestine', 'فلسطين', 'الفلسطيني', 'الفلسطينية'], ['azerbaijan', 'أذربيجان', 'الأذربيجاني'],
      ['armenia', 'أرمينيا', 'الأرميني', 'الأرمينية'], ['myanmar', 'ميانمار'], ['vietnam', 'فيتنام', 'الفيتنامي'], ['indonesia', 'إندونيسيا', 'الإندونيسي'],
      ['malaysia', 'ماليزيا', 'الماليزي'], ['kazakhstan', 'كازاخستان', 'أستانا'], ['oman', 'سلطنة عمان', 'العماني', 'العمانية'],
    ] as string[][]
  ).map(([id, ...names]): Place => ({ id: id!, names })),

  // Syria: the 14 governorates (a governorate's name is its capital's; "ريف X" is X, except
  // Rif Dimashq, a governorate of its own), then main cities and towns.
  syria('damascus', ['دمشق', 'الشام', 'قصر الشعب', 'العاصمة السورية', 'damascus']),
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
  syria('qamishli', ['القامشلي', 'qamishli'], 'hasakah'),
  syria('manbij', ['منبج', 'manbij'], 'aleppo'),
  syria('afrin', ['عفرين', 'afrin'], 'aleppo'),
  syria('al-bab', ['مدينة الباب', 'al-bab'], 'aleppo'),
  syria('jarablus', ['جرابلس', 'jarablus'], 'aleppo'),
  syria('azaz', ['أعزاز', 'اعزاز', 'azaz'], 'aleppo'),
  syria('kobani', ['عين العرب', 'كوباني', 'kobani'], 'aleppo'),
  syria('tal-abyad', ['تل أبيض', 'tal abyad'], 'raqqa'),
  syria('ras-al-ain', ['رأس العين', 'ras al-ain'], 'hasakah'),
  syria('palmyra', ['تدمر', 'palmyra'], 'homs'),
  syria('abu-kamal', ['البوكمال', 'أبو كمال', 'abu kamal', 'albukamal'], 'deir-ez-zor'),
  syria('mayadin', ['الميادين', 'mayadin'], 'deir-ez-zor'),
  syria('jableh', ['جبلة', 'jableh', 'jableh'], 'latakia'),
  syria('baniyas', ['بانياس', 'baniyas'], 'tartus'),
  syria('safita', ['صافيتا', 'safita'], 'tartus'),
  syria('masyaf', ['مصياف', 'masyaf'], 'hama'),
  // Not "سلمية" alone: peaceful ("مظاهرات سلمية"); outlets write the town without the
  // article after these.
  syria('salamiyah', ['السلمية', 'مدينة سلمية', 'في سلمية', 'ريف سلمية', 'منطقة سلمية', 'salamiyah'], 'hama'),
  syria('douma', ['دوما', 'douma'], 'rif-dimashq'),
  syria('jaramana', ['جرمانا', 'jaramana'], 'rif-dimashq'),
  syria('sahnaya', ['صحنايا', 'sahnaya'], 'rif-dimashq'),
  syria('tall', ['التل', 'al-tall'], 'rif-dimashq'),
  syria('zabadani', ['الزبداني', 'zabadani'], 'rif-dimashq'),
  syria('nabk', ['النبك', 'nabk'], 'rif-dimashq'),
  syria('qusayr', ['القصير', 'qusayr'], 'homs'),
  syria('talkalakh', ['تلكلخ', 'talkalakh'], 'homs'),
  syria('maarat-al-numan', ['معرة النعمان', 'maarat al-numan'], 'idlib'),
  syria('saraqib', ['سراقب', 'saraqib'], 'idlib'),
  syria('jisr-al-shughur', ['جسر الشغور', 'jisr al-shughur'], 'idlib'),
  syria('harem', ['حارم', 'harem'], 'idlib'),
  syria('bosra', ['بصرى', 'بصرى الشام', 'bosra'], 'daraa'),
  syria('nawa', ['نوى', 'nawa'], 'daraa'),
  syria('izraa', ['إزرع', 'izraa'], 'daraa'),
  syria('shahba', ['شهبا', 'shahba'], 'sweida'),
  syria('qardaha', ['القرداحة', 'qardaha'], 'latakia'),
  syria('nasib', ['نصيب', 'nasib'], 'daraa'),
  syria('tanf', ['التنف', 'tanf'], 'homs'),
  syria('ghouta', ['الغوطة', 'ghouta'], 'rif-dimashq'),
  syria('yarmouk', ['اليرموك', 'yarmouk'], 'damascus'),
  syria('jdeidet-yabous', ['جديدة يابوس', 'jdeidet yabous'], 'rif-dimashq'),
];
