package io.musicstream.tools.catalog;

import java.util.List;

/**
 * Word lists for names and titles in many languages and scripts (Latin with diacritics, kana and kanji,
 * Hangul, Han, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai), and the genres with the audio profile
 * their tracks are drawn around. Fixed data: changing it changes every synthetic catalog.
 */
final class Words {

    private Words() {
    }

    /**
     * A language: given and family names (a person's name is given + family, or family + given where
     * {@code familyFirst}), title words, how words are joined ({@code ""} for scripts without spaces),
     * where its labels are (ISRC country codes and regional territories), favourite genres and label suffixes.
     */
    record Language(String code, int weight, boolean familyFirst, String nameJoiner, String wordJoiner,
                    boolean titleCase, String[] given, String[] family, String[] words, String[] countries,
                    String[] territories, String[] genres, String[] labelSuffixes) {
    }

    private static String[] w(String words) {
        return words.split("\\|");
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("en", 28, false, " ", " ", true,
                    w("James|Olivia|Marcus|Ava|Ethan|Grace|Noah|Chloe|Liam|Ruby|Isaac|Hazel|Caleb|Nina|Owen|Stella|Felix|Iris|Declan|Maeve"),
                    w("Walker|Hayes|Bennett|Cole|Parker|Reed|Brooks|Hughes|Foster|Gray|Sullivan|Price|Wells|Monroe|Carter|Quinn|O'Brien|Fitzgerald"),
                    w("midnight|river|golden|echo|summer|fire|heart|neon|wild|highway|ocean|silver|dream|thunder|city|lights|paper|broken|electric|velvet|shadow|morning|stranger|honey|blue|satellite|gravity|diamond|rain|ghost|northern|island|forever|sweet|lonely|radio|horizon|wolves|love|home|runaway|daylight"),
                    w("US|GB|AU|CA|IE|NZ"), w("US|CA|GB|IE|AU|NZ"),
                    w("pop|rock|indie|hip-hop|country|r&b|singer-songwriter|alternative"),
                    w("Records|Music|Recordings|Sound|Audio")),
            new Language("es", 10, false, " ", " ", false,
                    w("Sofía|Mateo|Lucía|Alejandro|Valentina|Diego|Camila|Javier|Martina|Andrés|Paula|Nicolás|Ximena|Raúl|Inés|Joaquín|Begoña|Íñigo"),
                    w("García|Fernández|López|Martínez|Rodríguez|Núñez|Muñoz|Peña|Ibáñez|Castaño|Gutiérrez|Ramírez|Ordóñez|Saldaña|Sánchez|Cañete"),
                    w("corazón|noche|canción|mañana|sueño|fuego|niña|río|luna|sol|montaña|café|pasión|recuerdo|invierno|año|camino|estrellas|alegría|señal|árbol|despacio|bailando|océano|milagro|otoño|último|lágrimas|cielo|mariposa"),
                    w("ES|MX|AR|CO|CL|PE"), w("ES|MX|AR|CO|CL|PE|US"),
                    w("latin|reggaeton|flamenco|pop|salsa"),
                    w("Discos|Música|Producciones")),
            new Language("fr", 6, false, " ", " ", false,
                    w("Élodie|Théo|Chloé|Jérôme|Amélie|Benoît|Léa|François|Hélène|Noël|Zoé|Gaël|Maëlle|Rémi|Céline|Loïc"),
                    w("Lefèvre|Dubois|Moreau|Girard|Rousseau|Bélanger|Mercier|Fournier|Gauthier|Boucher|Lemaître|Côté|Février|Duchêne"),
                    w("été|rêve|cœur|lumière|mélodie|étoile|fenêtre|soirée|désir|forêt|océan|hiver|âme|château|île|douce|fièvre|café|éternité|crépuscule|liberté|mémoire|nuit|pluie|soleil|voyage|tendresse|chanson|déjà|bientôt"),
                    w("FR|BE|CA|CH"), w("FR|BE|LU|CH|CA|MC"),
                    w("chanson|pop|electronic|hip-hop"),
                    w("Disques|Musique|Productions")),
            new Language("de", 6, false, " ", " ", false,
                    w("Jürgen|Lena|Lukas|Anja|Maximilian|Jörg|Mia|Björn|Greta|Sören|Käthe|Tobias|Marlene|Felix|Ute|Matthias"),
                    w("Müller|Schäfer|Weiß|Schröder|Köhler|Hoffmann|Groß|Krüger|Fuchs|Böhm|Lüdtke|Wagner|Strauß|Bäcker|Hölzl"),
                    w("Sehnsucht|Straße|Nacht|Träume|Gefühl|Herz|Fräulein|Mädchen|Sonne|Grüße|Frühling|Wald|Küste|Glück|Lärm|Stille|Übermorgen|Sterne|Flügel|Märchen|Wolken|Fernweh|Heimat|Süße|Größe|Eisblumen|Morgenröte|Spiegel|Schatten|Feuer"),
                    w("DE|AT|CH"), w("DE|AT|CH|LI"),
                    w("schlager|techno|rock|electronic"),
                    w("Schallplatten|Musik|Tonträger")),
            new Language("pt", 6, false, " ", " ", false,
                    w("João|Ana|Luís|Conceição|Sebastião|Beatriz|Gonçalo|Marília|Tomás|Lívia|Caetano|Bárbara|Mônica|Júlio|Iara"),
                    w("Gonçalves|Araújo|Magalhães|Simões|Brandão|Guimarães|Assunção|Falcão|Loureiro|Antunes|Patrício|Sá|Conceição"),
                    w("saudade|coração|canção|manhã|ilusão|verão|mar|lua|sertão|paixão|solidão|bênção|caminho|estrela|alegria|avião|pôr-do-sol|água|maçã|irmão|sonho|tempo|chão|luar|cidade|ventania|céu|noite"),
                    w("BR|PT"), w("BR|PT|AO|MZ"),
                    w("bossa nova|samba|fado|pop"),
                    w("Discos|Música|Fonográfica")),
            new Language("nordic", 5, false, " ", " ", false,
                    w("Åsa|Björn|Søren|Ingrid|Mårten|Sigrid|Øystein|Linnéa|Anders|Frøydis|Kjell|Märta|Torbjørn|Astrid|Jens|Ylva"),
                    w("Åkesson|Sjöberg|Nørgaard|Lindqvist|Bjørnstad|Ødegaard|Strøm|Hägglund|Holmström|Kjær|Løvland|Söderberg|Dahl|Fjeld"),
                    w("himmel|sjö|ljus|vinter|midnattssol|fjäll|stjärnor|hav|drøm|nordlys|skog|vår|hjärta|öde|måne|sne|døgn|fjord|ljung|älv|regn|bølge|vind|sommar|kväll|tystnad|flod|lykke|mørke|glød"),
                    w("SE|NO|DK|FI"), w("SE|NO|DK|FI|IS"),
                    w("pop|metal|indie|ambient"),
                    w("Skivor|Plader|Musikk")),
            new Language("pl", 3, false, " ", " ", false,
                    w("Łukasz|Agnieszka|Paweł|Małgorzata|Michał|Zofia|Wojciech|Jadwiga|Bartłomiej|Kasia|Józef|Ewa|Grzegorz|Ola"),
                    w("Wiśniewski|Kowalczyk|Wójcik|Kamiński|Lewandowska|Zieliński|Szymańska|Dąbrowski|Kozłowski|Jabłońska|Górecki|Mazur|Pawłowski"),
                    w("miłość|noc|słońce|gwiazdy|zima|wiosna|sen|światło|deszcz|księżyc|morze|wiatr|cisza|serce|dziś|jutro|pieśń|łąka|źródło|ogień|żal|czas|droga|rzeka|ptaki"),
                    w("PL"), w("PL"),
                    w("rock|pop|hip-hop"),
                    w("Records|Muzyka")),
            new Language("is", 1, false, " ", " ", false,
                    w("Jónsi|Björk|Guðrún|Þórður|Ásgeir|Sigríður|Hildur|Ólafur|Jóhann|Ragnheiður|Eyþór|Dagný"),
                    w("Þórsson|Guðmundsdóttir|Sigurðsson|Jónsdóttir|Ólafsson|Birgisdóttir|Arnalds|Einarsson|Hafsteinsdóttir"),
                    w("ljós|hjarta|þögn|norðurljós|vetur|sumar|jökull|sól|draumur|fljót|haf|myrkur|eldur|dögun|vindur|stjörnur|heim|ró|blóm|ást"),
                    w("IS"), w("IS|NO|DK"),
                    w("ambient|indie|folk"),
                    w("Útgáfa|Records")),
            new Language("tr", 3, false, " ", " ", false,
                    w("Ayşe|Barış|Çağla|Doğan|Elif|Gökhan|Şebnem|İlker|Özge|Tuğba|Ümit|Cem|Sezen|Tarkan"),
                    w("Yılmaz|Öztürk|Şahin|Çelik|Aydın|Doğan|Kılıç|Aslan|Güneş|Erdoğan|Yıldız|Kaya|Özdemir"),
                    w("aşk|gece|yağmur|deniz|yıldız|rüya|şarkı|güneş|hasret|kalp|gönül|sevda|rüzgâr|bahar|ışık|yol|gözyaşı|sabah|dünya|özlem|ateş|çiçek"),
                    w("TR"), w("TR|DE|AZ"),
                    w("pop|arabic pop|rock"),
                    w("Müzik|Plak")),
            new Language("cs", 2, false, " ", " ", false,
                    w("Jiří|Tereza|Tomáš|Kateřina|Ondřej|Markéta|Lukáš|Božena|Vojtěch|Zdeňka|Radek|Věra"),
                    w("Dvořák|Novák|Černý|Procházka|Kučera|Veselý|Horák|Němec|Pokorný|Růžička|Šťastný|Marková"),
                    w("láska|noc|světlo|řeka|sníh|déšť|srdce|hvězdy|ticho|jaro|sen|píseň|měsíc|vítr|moře|čas|ráno|podzim|oheň|cesta"),
                    w("CZ|SK"), w("CZ|SK"),
                    w("rock|folk|pop|classical"),
                    w("Hudba|Records")),
            new Language("vi", 2, true, " ", " ", false,
                    w("Minh|Hương|Thảo|Quốc|Ngọc|Tuấn|Phương|Đức|Lan|Hải|Thuỷ|Dũng"),
                    w("Nguyễn|Trần|Lê|Phạm|Hoàng|Vũ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương"),
                    w("tình yêu|mùa thu|đêm|mưa|biển|trăng|giấc mơ|nắng|hoa|con đường|thời gian|nỗi nhớ|trái tim|gió|sông|ánh sao|Hà Nội|Sài Gòn|bình minh"),
                    w("VN"), w("VN"),
                    w("pop|lo-fi"),
                    w("Music|Âm nhạc")),
            new Language("ja", 7, true, "", "", false,
                    w("健太|美咲|翔|陽菜|大輝|さくら|蓮|結衣|悠斗|あかり|拓海|葵|ユウキ|ミナミ|光|椎名"),
                    w("佐藤|鈴木|高橋|田中|渡辺|伊藤|山本|中村|小林|加藤|吉田|山田|宇多田|米津"),
                    w("夜|空|桜|夢|光|風|月|海|雨|星|花火|東京|約束|青春|未来|さよなら|ありがとう|恋|心|永遠|旅|季節|ひかり|きみ|ぼくら|サクラ|メロディー|物語|世界|雪"),
                    w("JP"), w("JP"),
                    w("j-pop|rock|ambient|soundtrack"),
                    w("レコード|ミュージック| Records")),
            new Language("ko", 6, true, "", " ", false,
                    w("지민|서연|민준|하은|도윤|수아|예준|지우|태양|유나|현우|소희"),
                    w("김|이|박|최|정|강|조|윤|장|임|한|오"),
                    w("사랑|밤|하늘|꿈|별|바다|봄날|눈물|너와 나|우리|시간|기억|마음|빛|노래|여름|비|그대|약속|안녕|달|바람|길|첫눈"),
                    w("KR"), w("KR|JP"),
                    w("k-pop|r&b|hip-hop"),
                    w("엔터테인먼트|뮤직| Entertainment")),
            new Language("zh", 4, true, "", "", false,
                    w("伟|芳|娜|秀英|敏|静|丽|强|磊|洋|艳|杰|宇|欣怡"),
                    w("王|李|张|刘|陈|杨|黄|赵|周|吴|徐|孙"),
                    w("月亮|爱情|夜空|梦想|时间|城市|春天|故乡|星星|青春|雨|海|风|你|我们|心|远方|未来|光|花"),
                    w("CN|TW|HK"), w("CN|TW|HK|SG"),
                    w("pop|soundtrack|classical"),
                    w("唱片|音乐")),
            new Language("ru", 4, false, " ", " ", false,
                    w("Алексей|Наталья|Дмитрий|Екатерина|Сергей|Ольга|Иван|Мария|Андрей|Юлия|Михаил|Татьяна|Артём|Ксения"),
                    w("Иванов|Смирнова|Кузнецов|Попова|Соколов|Лебедева|Козлов|Новикова|Морозов|Волкова|Зайцев|Павлова"),
                    w("ночь|звезда|любовь|город|зима|весна|небо|мечта|песня|ветер|море|солнце|дорога|сердце|лето|снег|река|тишина|огонь|берег|время|луна|осень|надежда"),
                    w("RU|BY|KZ"), w("RU|BY|KZ|AM"),
                    w("pop|rock|electronic"),
                    w("Рекордс|Мьюзик")),
            new Language("uk", 2, false, " ", " ", false,
                    w("Олександр|Оксана|Тарас|Ганна|Богдан|Ірина|Юрій|Соломія|Євген|Наталія|Ярослав|Христина"),
                    w("Шевченко|Коваленко|Бондаренко|Ткаченко|Кравченко|Олійник|Мельник|Лисенко|Гнатюк|Кузьменко"),
                    w("ніч|зоря|кохання|весна|мрія|пісня|вітер|небо|сонце|річка|серце|осінь|дім|світло|їжачок|єдність|поле|ранок|дощ|тиша"),
                    w("UA"), w("UA|PL"),
                    w("folk|pop|electronic"),
                    w("Рекордз|Музика")),
            new Language("el", 2, false, " ", " ", false,
                    w("Γιώργος|Μαρία|Νίκος|Ελένη|Δημήτρης|Κατερίνα|Γιάννης|Σοφία|Κώστας|Αθηνά|Παύλος|Δέσποινα"),
                    w("Παπαδόπουλος|Νικολάου|Γεωργίου|Οικονόμου|Βλάχος|Αντωνίου|Μαυρίδης|Καραγιάννης|Δημητρίου|Ζαφειρίου"),
                    w("θάλασσα|αγάπη|νύχτα|ήλιος|φεγγάρι|όνειρο|καλοκαίρι|ουρανός|αστέρια|καρδιά|δρόμος|βροχή|άνεμος|τραγούδι|φως|ψυχή|ελπίδα|χρόνος|νησί|αύριο"),
                    w("GR|CY"), w("GR|CY"),
                    w("pop|folk|world"),
                    w("Μουσική|Δίσκοι")),
            new Language("ar", 3, false, " ", " ", false,
                    w("محمد|فاطمة|أحمد|ليلى|يوسف|نور|عمر|سارة|خالد|مريم|كريم|ياسمين"),
                    w("الحسن|العلي|المصري|حداد|خوري|منصور|الأحمد|سليمان|نصار|فارس"),
                    w("حب|ليل|قمر|بحر|شمس|حلم|نجوم|قلب|سماء|طريق|أمل|ورد|زمان|مطر|روح|وطن|شوق|غيمة|صباح|سلام"),
                    w("EG|LB|MA|AE|SA"), w("EG|LB|MA|AE|SA|JO|TN|DZ"),
                    w("arabic pop|world"),
                    w("للإنتاج الفني|ميوزك")),
            new Language("he", 1, false, " ", " ", false,
                    w("נועה|יונתן|תמר|איתי|שירה|דניאל|מאיה|עומר|הדס|אורי"),
                    w("כהן|לוי|מזרחי|פרץ|ביטון|אברהם|פרידמן|שפירא|גולן|ברק"),
                    w("אהבה|לילה|ים|שמש|חלום|כוכבים|לב|שמיים|דרך|גשם|אור|זמן|שיר|רוח|בית|ירח|שלום|אביב"),
                    w("IL"), w("IL"),
                    w("pop|world"),
                    w("תקליטים|מיוזיק")),
            new Language("hi", 3, false, " ", " ", false,
                    w("आरव|प्रिया|राहुल|अनन्या|विक्रम|दीपिका|अर्जुन|नेहा|रोहन|कविता|साहिल|पूजा"),
                    w("शर्मा|वर्मा|गुप्ता|सिंह|पटेल|कपूर|मेहता|जोशी|राव|चौहान"),
                    w("प्यार|रात|चाँद|सपना|दिल|बारिश|आसमान|सितारे|सफ़र|ज़िंदगी|गीत|हवा|सुबह|यादें|नदी|रोशनी|मौसम|धड़कन|मंज़िल|ख़ुशी"),
                    w("IN"), w("IN|NP|AE"),
                    w("bollywood|world|classical"),
                    w("म्यूज़िक|रिकॉर्ड्स")),
            new Language("th", 1, false, " ", "", false,
                    w("สมชาย|สุดา|ณัฐ|พิมพ์|อนันต์|มาลี|ธนา|กมล"),
                    w("ศรีสุข|วงศ์ใหญ่|แก้วมณี|บุญมา|จันทร์เพ็ญ|สุขสวัสดิ์"),
                    w("รัก|คืน|ฝัน|ดาว|ทะเล|ฝน|หัวใจ|ฟ้า|แสง|เพลง|ลม|เวลา|ดวงจันทร์|ความทรงจำ"),
                    w("TH"), w("TH"),
                    w("pop|lo-fi"),
                    w("มิวสิค|เรคคอร์ดส")));

    static final int TOTAL_LANGUAGE_WEIGHT = LANGUAGES.stream().mapToInt(Language::weight).sum();

    /**
     * A genre and the audio its tracks are drawn around: tempo in BPM, the 0..1 features in thousandths,
     * the mean duration in seconds, and how many tracks in a thousand are explicit.
     */
    record Genre(String name, int tempo, int energy, int danceability, int acousticness, int instrumentalness,
                 int valence, int seconds, int explicitPerMille) {
    }

    static final List<Genre> GENRES = List.of(
            new Genre("pop", 118, 700, 700, 150, 20, 600, 205, 60),
            new Genre("rock", 125, 780, 500, 100, 50, 500, 230, 80),
            new Genre("indie", 120, 600, 550, 300, 100, 480, 220, 50),
            new Genre("alternative", 122, 680, 500, 200, 80, 420, 230, 80),
            new Genre("hip-hop", 92, 680, 780, 120, 20, 520, 200, 450),
            new Genre("trap", 140, 700, 750, 100, 20, 400, 180, 500),
            new Genre("r&b", 95, 550, 700, 250, 20, 550, 215, 150),
            new Genre("soul", 100, 550, 620, 400, 30, 600, 225, 20),
            new Genre("funk", 108, 750, 800, 150, 150, 720, 240, 30),
            new Genre("jazz", 115, 400, 550, 700, 500, 550, 300, 5),
            new Genre("blues", 96, 500, 500, 550, 100, 450, 250, 10),
            new Genre("classical", 100, 200, 250, 950, 900, 350, 420, 0),
            new Genre("opera", 90, 350, 200, 900, 300, 400, 330, 0),
            new Genre("electronic", 124, 800, 700, 60, 600, 500, 300, 20),
            new Genre("house", 124, 820, 820, 40, 550, 650, 330, 20),
            new Genre("techno", 130, 870, 720, 30, 800, 350, 380, 5),
            new Genre("trance", 138, 860, 620, 30, 600, 450, 400, 5),
            new Genre("drum and bass", 174, 900, 600, 30, 500, 450, 300, 30),
            new Genre("dubstep", 140, 880, 580, 30, 400, 350, 260, 60),
            new Genre("ambient", 80, 200, 300, 600, 900, 300, 380, 0),
            new Genre("lo-fi", 80, 350, 650, 600, 700, 500, 160, 5),
            new Genre("metal", 130, 950, 400, 20, 150, 300, 280, 150),
            new Genre("punk", 165, 930, 450, 30, 20, 550, 150, 150),
            new Genre("grunge", 115, 800, 450, 80, 50, 300, 240, 100),
            new Genre("shoegaze", 110, 650, 350, 150, 300, 350, 280, 10),
            new Genre("folk", 105, 350, 500, 800, 150, 500, 220, 10),
            new Genre("country", 110, 600, 600, 450, 30, 650, 210, 20),
            new Genre("singer-songwriter", 100, 350, 500, 750, 50, 450, 225, 20),
            new Genre("reggae", 78, 550, 780, 300, 100, 750, 230, 30),
            new Genre("reggaeton", 95, 800, 820, 150, 20, 750, 205, 250),
            new Genre("latin", 105, 750, 760, 250, 30, 780, 210, 50),
            new Genre("salsa", 180, 780, 700, 400, 100, 850, 260, 5),
            new Genre("flamenco", 120, 600, 500, 850, 200, 500, 240, 0),
            new Genre("bossa nova", 130, 300, 600, 800, 150, 600, 200, 0),
            new Genre("samba", 100, 780, 750, 500, 100, 850, 200, 5),
            new Genre("fado", 80, 300, 350, 850, 50, 250, 220, 0),
            new Genre("chanson", 100, 350, 500, 700, 50, 500, 200, 10),
            new Genre("schlager", 125, 700, 700, 300, 20, 750, 200, 0),
            new Genre("disco", 118, 780, 820, 100, 100, 850, 260, 5),
            new Genre("k-pop", 120, 800, 720, 100, 10, 680, 200, 30),
            new Genre("j-pop", 130, 780, 600, 150, 20, 650, 235, 10),
            new Genre("afrobeats", 105, 700, 830, 200, 40, 750, 205, 60),
            new Genre("arabic pop", 98, 650, 680, 300, 50, 600, 240, 5),
            new Genre("bollywood", 110, 700, 680, 300, 50, 680, 260, 5),
            new Genre("gospel", 90, 600, 550, 400, 20, 700, 260, 0),
            new Genre("soundtrack", 95, 400, 300, 600, 800, 350, 190, 0),
            new Genre("world", 100, 500, 600, 600, 300, 600, 250, 5));

    static Genre genre(String name) {
        for (Genre g : GENRES) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no genre " + name);
    }

    /** English title words for compilations and the odd English title of an artist who sings in another language. */
    static final Language ENGLISH = LANGUAGES.get(0);

    static final String[] COMPILATION_TITLES = w("Essentials|Greatest Hits|The Very Best|Anthology|Classics|Gold|Collected|Hits of the Year|Summer Hits|Late Night|Chill|Workout|Road Trip|Love Songs|Party");

    static final String[] VERSIONS = w("Remastered|Live|Acoustic|Radio Edit|Demo|Remix|Extended Mix|Instrumental");
}
