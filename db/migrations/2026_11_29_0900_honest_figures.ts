import type { Kysely } from 'kysely';

// Frozen in time: never import app types here, never edit after it has shipped.

type Text = { de: string; en: string; [language: string]: string };
type Step = { value: string; points: number | null; label: Text; kind?: string };

/**
 * "weiß nicht" and "trifft nicht zu" become two answers. A stored scale whose one step without
 * points was the combined "weiß nicht / trifft nicht zu" keeps that step's value as "weiß nicht"
 * (so every stored answer with it now means an information gap) and gains a "trifft nicht zu"
 * step "na". Every other step without points is marked "unknown". Keys stay in the order the
 * catalogue schema writes them, so an upgraded shipped catalogue equals the new file exactly.
 */
export function upgradeScale(scale: Step[]): Step[] {
	const withoutPoints = scale.filter((step) => step.points === null && step.kind === undefined);
	const combined = withoutPoints.length === 1 && /trifft nicht zu/i.test(withoutPoints[0]!.label.de) ? withoutPoints[0] : undefined;
	const upgraded: Step[] = [];
	for (const step of scale) {
		if (step.points !== null || step.kind !== undefined) {
			upgraded.push(step);
			continue;
		}
		const label = step === combined ? { de: 'weiß nicht', en: "don't know" } : step.label;
		upgraded.push({ value: step.value, points: null, label, kind: 'unknown' });
	}
	if (combined && !scale.some((step) => step.value === 'na')) {
		upgraded.push({ value: 'na', points: null, label: { de: 'trifft nicht zu', en: 'not applicable' }, kind: 'notApplicable' });
	}
	return upgraded;
}

/** The participant languages added to the shipped catalogue 2026.1, in the schema's key order. */
const ADDED_LANGUAGES = ['ar', 'fa', 'tr', 'uk', 'ru', 'de-x-ls'] as const;

/**
 * Translations of what participants see in the shipped catalogue 2026.1 (level names, area names
 * and descriptions), all drafts of ours: issue 14 gave participants eight languages before this
 * migration shipped, so the stored 2026.1 gains them here and stays equal to the shipped file.
 */
const SHIPPED_TRANSLATIONS: {
	levels: Record<string, Record<string, string>>;
	areas: Record<string, { name: Record<string, string>; description: Record<string, string> }>;
} = {
	"levels": {
		"1": {
			"ar": "منفتحة على العالم",
			"fa": "پذیرا و باز",
			"tr": "Dünyaya açık",
			"uk": "Відкрита до світу",
			"ru": "Открытый миру",
			"de-x-ls": "Offen für alle Menschen"
		},
		"2": {
			"ar": "على الطريق الصحيح",
			"fa": "در مسیر درست",
			"tr": "İyi yolda",
			"uk": "На доброму шляху",
			"ru": "На хорошем пути",
			"de-x-ls": "Schon viel geschafft"
		},
		"3": {
			"ar": "في الطريق",
			"fa": "در راه",
			"tr": "Yolda",
			"uk": "У дорозі",
			"ru": "В пути",
			"de-x-ls": "Schon etwas geschafft"
		},
		"4": {
			"ar": "في البداية",
			"fa": "در آغاز راه",
			"tr": "Başlangıçta",
			"uk": "На початку",
			"ru": "В начале пути",
			"de-x-ls": "Noch am Anfang"
		}
	},
	"areas": {
		"1": {
			"name": {
				"ar": "الإدارة والتوجيه",
				"fa": "مدیریت و هدایت",
				"tr": "Yönetim ve yönlendirme",
				"uk": "Управління та координація",
				"ru": "Управление и координация",
				"de-x-ls": "Leitung und Planung"
			},
			"description": {
				"ar": "كيف تخطط البلدية لعملها في مجال الاندماج وتديره وتموّله وتراجعه.",
				"fa": "شهر چگونه کار خود را برای ادغام اجتماعی برنامه‌ریزی، هدایت، تأمین مالی و ارزیابی می‌کند.",
				"tr": "Belediyenin uyum çalışmalarını nasıl planladığı, yönettiği, finanse ettiği ve denetlediği.",
				"uk": "Як громада планує, спрямовує, фінансує та перевіряє свою роботу з інтеграції.",
				"ru": "Как муниципалитет планирует, направляет, финансирует и проверяет свою работу по интеграции.",
				"de-x-ls": "Die Stadt plant ihre Arbeit für Integration. Integration heißt: Alle Menschen gehören dazu. Die Stadt gibt Geld dafür. Und die Stadt prüft: Klappt das gut?"
			}
		},
		"2": {
			"name": {
				"ar": "الانفتاح بين الثقافات ومناهضة العنصرية",
				"fa": "گشودگی میان‌فرهنگی و مبارزه با نژادپرستی",
				"tr": "Kültürlerarası açılım ve ırkçılık karşıtlığı",
				"uk": "Міжкультурна відкритість і протидія расизму",
				"ru": "Межкультурная открытость и противодействие расизму",
				"de-x-ls": "Offen für alle – gegen Rassismus"
			},
			"description": {
				"ar": "كيف تخدم الإدارة جميع الناس وتتصدى للعنصرية والتمييز.",
				"fa": "اداره‌ها چگونه در خدمت همهٔ مردم هستند و با نژادپرستی و تبعیض مقابله می‌کنند.",
				"tr": "Kamu yönetiminin herkese nasıl hizmet ettiği ve ırkçılık ile ayrımcılığa karşı nasıl mücadele ettiği.",
				"uk": "Як адміністрація служить усім людям і протидіє расизму та дискримінації.",
				"ru": "Как администрация работает для всех людей и противостоит расизму и дискриминации.",
				"de-x-ls": "Das Amt ist für alle Menschen da. Das Amt tut etwas gegen Rassismus. Rassismus heißt: Menschen werden schlecht behandelt. Zum Beispiel wegen ihrer Haut·farbe oder Herkunft."
			}
		},
		"3": {
			"name": {
				"ar": "وصول عادل وفرص للمشاركة",
				"fa": "دسترسی منصفانه و فرصت‌های مشارکت",
				"tr": "Adil erişim ve katılım fırsatları",
				"uk": "Справедливий доступ і можливості участі",
				"ru": "Справедливый доступ и возможности участия",
				"de-x-ls": "Gleiche Chancen für alle"
			},
			"description": {
				"ar": "هل يحصل جميع الناس على فرص متساوية في التعليم والعمل والسكن والصحة والثقافة والرياضة وغيرها من الخدمات.",
				"fa": "آیا همهٔ مردم به یک اندازه به آموزش، کار، مسکن، سلامت، فرهنگ، ورزش و خدمات دیگر دسترسی دارند.",
				"tr": "Herkesin eğitime, işe, konuta, sağlığa, kültüre, spora ve diğer hizmetlere eşit ölçüde erişip erişemediği.",
				"uk": "Чи всі люди мають однаково добрий доступ до освіти, роботи, житла, охорони здоров’я, культури, спорту та інших послуг.",
				"ru": "Есть ли у всех людей одинаково хороший доступ к образованию, работе, жилью, здравоохранению, культуре, спорту и другим услугам.",
				"de-x-ls": "Alle Menschen sollen die gleichen Chancen haben. Zum Beispiel bei Schule, Arbeit, Wohnung und Gesundheit. Und auch bei Kultur und Sport."
			}
		},
		"4": {
			"name": {
				"ar": "العمل والتنمية الاقتصادية",
				"fa": "کار و توسعهٔ اقتصادی",
				"tr": "Çalışma hayatı ve ekonomik kalkınma",
				"uk": "Праця та економічний розвиток",
				"ru": "Труд и экономическое развитие",
				"de-x-ls": "Arbeit und Firmen"
			},
			"description": {
				"ar": "كيف تدعم البلدية المهاجرين في حياتهم المهنية، والشركاتِ التي يديرها أشخاص من أصول مهاجرة.",
				"fa": "شهر چگونه از مهاجران در زندگی کاری و از کسب‌وکارهای افراد دارای پیشینهٔ مهاجرت حمایت می‌کند.",
				"tr": "Belediyenin göçmenleri çalışma hayatında ve göç geçmişi olan kişilerin işletmelerini nasıl desteklediği.",
				"uk": "Як громада підтримує іммігрантів у трудовому житті та підприємства людей з міграційним досвідом.",
				"ru": "Как муниципалитет поддерживает иммигрантов в трудовой жизни и предприятия людей с миграционной историей.",
				"de-x-ls": "Die Stadt hilft Menschen aus anderen Ländern bei der Arbeit. Und die Stadt hilft ihren Firmen."
			}
		},
		"5": {
			"name": {
				"ar": "المشاركة المجتمعية والمساهمة",
				"fa": "مشارکت مدنی و سهیم‌شدن در تصمیم‌ها",
				"tr": "Gönüllülük ve katılım",
				"uk": "Громадська активність і участь",
				"ru": "Общественная активность и участие",
				"de-x-ls": "Mit·machen und mit·reden"
			},
			"description": {
				"ar": "كيف يستطيع الأشخاص من أصول مهاجرة إبداء رأيهم والمشاركة في اتخاذ القرار والتطوع.",
				"fa": "افراد دارای پیشینهٔ مهاجرت چگونه می‌توانند نظر بدهند، در تصمیم‌گیری شریک باشند و داوطلبانه فعالیت کنند.",
				"tr": "Göç geçmişi olan kişilerin nasıl söz sahibi olabildiği, kararlara katılabildiği ve gönüllü çalışabildiği.",
				"uk": "Як люди з міграційним досвідом можуть висловлюватися, брати участь в ухваленні рішень і займатися волонтерством.",
				"ru": "Как люди с миграционной историей могут высказывать своё мнение, участвовать в принятии решений и заниматься волонтёрской работой.",
				"de-x-ls": "Menschen aus anderen Ländern können mit·reden. Sie können mit·entscheiden. Und sie können in ihrer Frei·zeit helfen. Zum Beispiel in einem Verein."
			}
		},
		"6": {
			"name": {
				"ar": "التماسك واللقاء",
				"fa": "همبستگی و دیدار",
				"tr": "Birlik ve buluşma",
				"uk": "Згуртованість і зустрічі",
				"ru": "Сплочённость и встречи",
				"de-x-ls": "Zusammen leben"
			},
			"description": {
				"ar": "أين وكيف يلتقي الناس في البلدية ويعيشون معًا بشكل جيد.",
				"fa": "مردم در شهر کجا و چگونه با هم دیدار می‌کنند و در کنار هم به‌خوبی زندگی می‌کنند.",
				"tr": "Belediyede insanların nerede ve nasıl buluştuğu ve iyi bir arada yaşadığı.",
				"uk": "Де і як люди в громаді зустрічаються та добре живуть разом.",
				"ru": "Где и как люди в муниципалитете встречаются и хорошо живут вместе.",
				"de-x-ls": "Hier geht es um Treff·punkte in der Stadt. Dort lernen sich Menschen kennen. Alle sollen gut zusammen leben."
			}
		},
		"7": {
			"name": {
				"ar": "التواصل وإدارة النزاعات",
				"fa": "ارتباطات و مدیریت تعارض",
				"tr": "İletişim ve çatışma yönetimi",
				"uk": "Комунікація та врегулювання конфліктів",
				"ru": "Коммуникация и урегулирование конфликтов",
				"de-x-ls": "Informieren und Streit lösen"
			},
			"description": {
				"ar": "كيف تقدّم البلدية المعلومات وكيف تتعامل مع الشائعات والكراهية والنزاعات.",
				"fa": "شهر چگونه اطلاع‌رسانی می‌کند و با شایعه، نفرت و تعارض چگونه برخورد می‌کند.",
				"tr": "Belediyenin nasıl bilgi verdiği ve söylentiler, nefret ve çatışmalarla nasıl başa çıktığı.",
				"uk": "Як громада інформує людей і як вона діє у разі чуток, ненависті та конфліктів.",
				"ru": "Как муниципалитет информирует людей и как он реагирует на слухи, ненависть и конфликты.",
				"de-x-ls": "Die Stadt gibt Informationen. Manchmal gibt es Gerüchte. Gerüchte sind Geschichten. Sie stimmen oft nicht. Manchmal gibt es Hass oder Streit. Die Stadt tut etwas dagegen."
			}
		}
	}
};

function withLanguages(text: Text, added: Record<string, string> | undefined): Text {
	const result: Text = { ...text };
	for (const lang of ADDED_LANGUAGES) if (added?.[lang] !== undefined) result[lang] = added[lang];
	return result;
}

/**
 * Adds the eight-language texts to the shipped catalogue weltoffene-kommune 2026.1 (other
 * catalogues and an already translated one stay as they are). Keys follow the catalogue schema's
 * order: `translations` after `title`, the languages after German and English.
 */
export function addShippedTranslations(content: Record<string, any>): Record<string, any> {
	if (content.id !== 'weltoffene-kommune' || content.version !== '2026.1' || content.translations !== undefined) return content;
	const { id, version, title, ...rest } = content;
	const translations = Object.fromEntries(ADDED_LANGUAGES.map((lang) => [lang, 'draft']));
	return {
		id,
		version,
		title,
		translations,
		...rest,
		levels: (rest.levels as { level: number; name: Text }[]).map((level) => ({
			...level,
			name: withLanguages(level.name, SHIPPED_TRANSLATIONS.levels[String(level.level)])
		})),
		areas: (rest.areas as { number: number; name: Text; description: Text }[]).map((area) => ({
			...area,
			name: withLanguages(area.name, SHIPPED_TRANSLATIONS.areas[String(area.number)]?.name),
			description: withLanguages(area.description, SHIPPED_TRANSLATIONS.areas[String(area.number)]?.description)
		}))
	};
}

type Question = { id: string; suggestion?: Text };

/**
 * The shipped catalogue 2026.1 gained a suggestion ("Anregung") per question before it reached
 * users; a database that stored the version without them gets them here, so the stored content
 * stays equal to the shipped file. `suggestion` is the question's last key, as in the schema.
 */
export function addSuggestions(content: { id: string; version: string; areas: { questions: Question[] }[] }): void {
	if (content.id !== 'weltoffene-kommune' || content.version !== '2026.1') return;
	for (const area of content.areas) {
		area.questions = area.questions.map((question) => {
			const suggestion = SUGGESTIONS_2026_1[question.id];
			return question.suggestion || !suggestion ? question : { ...question, suggestion };
		});
	}
}

export async function up(db: Kysely<any>): Promise<void> {
	const catalogues = await db.selectFrom('catalogue').select(['id', 'content', 'municipality_id']).execute();
	for (const row of catalogues) {
		let content = JSON.parse(row.content as string);
		content.scale = upgradeScale(content.scale);
		addSuggestions(content);
		// Only the shipped copy (no municipality) is the file's twin.
		if (row.municipality_id === null) content = addShippedTranslations(content);
		await db.updateTable('catalogue').set({ content: JSON.stringify(content) }).where('id', '=', row.id).execute();
	}

	// A rehearsal (Probe-Workshop) and an archived workshop never become the default for results.
	await db.schema.alterTable('workshop').addColumn('rehearsal', 'integer', (col) => col.notNull().defaultTo(0)).execute();
	await db.schema.alterTable('workshop').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop').dropColumn('archived_at').execute();
	await db.schema.alterTable('workshop').dropColumn('rehearsal').execute();
}

const SUGGESTIONS_2026_1: Record<string, Text> = {
	"1.01": { de: "Das Integrationsbüro legt dem Rat einen Zeitplan vor, wie ein Integrationskonzept erarbeitet oder das bestehende alle drei Jahre fortgeschrieben wird.", en: "The integration office presents the council with a timetable for drafting an integration strategy or updating the existing one every three years." },
	"1.02": { de: "Die Verwaltungsspitze benennt eine Stelle, die Integration fachbereichsübergreifend koordiniert, und gibt ihr einen schriftlichen Auftrag.", en: "The head of the administration names one unit to coordinate integration across departments and gives it a written mandate." },
	"1.03": { de: "Die Steuerungsgruppe bittet jeden Fachbereich, in einer Seite festzuhalten, was er zur Integration beiträgt, und fasst das in einer Übersicht zusammen.", en: "The steering group asks each department to write down on one page what it contributes to integration and compiles an overview." },
	"1.04": { de: "Die Kämmerei richtet mit dem Integrationsbüro eine eigene Haushaltsstelle für Integration ein, damit Daueraufgaben nicht von Projektmitteln abhängen.", en: "The treasury and the integration office set up a dedicated budget line for integration so that permanent tasks do not depend on project funds." },
	"1.05": { de: "Die Verwaltungsspitze ordnet die Zuständigkeit für Integration ihrem eigenen Bereich zu, z. B. als Stabsstelle, und macht das im Organigramm sichtbar.", en: "The head of the administration places responsibility for integration in their own office, e.g. as a staff unit, and shows it in the organisation chart." },
	"1.06": { de: "Das Integrationsbüro lädt die Leitungen der wichtigsten Fachbereiche zu einer Steuerungsgruppe ein, die mindestens viermal im Jahr tagt.", en: "The integration office invites the heads of the key departments to a steering group that meets at least four times a year." },
	"1.07": { de: "Die Verwaltung prüft mit dem Rat, ob ein Integrationsbeirat oder -rat gebildet werden kann, und spricht dafür Migrantenorganisationen an.", en: "The administration and the council examine whether an integration advisory council can be formed and approach migrant organisations about it." },
	"1.08": { de: "Die Statistikstelle stellt jährlich einige Kennzahlen zusammen (z. B. Bevölkerung, Kita, Schulabschlüsse, Arbeit), getrennt nach Migrationsgeschichte.", en: "The statistics unit compiles a few indicators each year (e.g. population, childcare, school leaving certificates, employment), broken down by migration history." },
	"1.09": { de: "Die Steuerungsgruppe legt für jedes Ziel des Integrationskonzepts eine Kennzahl, einen Zielwert und eine verantwortliche Stelle fest.", en: "The steering group sets an indicator, a target value and a responsible unit for each goal of the integration strategy." },
	"1.10": { de: "Das Integrationsbüro legt dem zuständigen Ausschuss einmal im Jahr einen kurzen Bericht zum Stand der Integration vor.", en: "The integration office presents a short report on the state of integration to the responsible committee once a year." },
	"1.11": { de: "Die Stadtentwicklung nimmt Integration bei der nächsten Fortschreibung des Leitbilds oder Stadtentwicklungskonzepts als eigenes Ziel auf.", en: "The urban development unit adds integration as a goal of its own at the next update of the mission statement or urban development plan." },
	"1.12": { de: "Die Verwaltungsspitze beauftragt eine Person, Förderprogramme von Land, Bund und EU zu beobachten und die Fachbereiche auf passende Aufrufe hinzuweisen.", en: "The head of the administration tasks one person with tracking state, federal and EU funding programmes and alerting departments to suitable calls." },
	"2.01": { de: "Das Personalamt erarbeitet mit dem Integrationsbüro ein kurzes Konzept zur interkulturellen Öffnung mit drei bis fünf Zielen und legt es der Verwaltungsspitze vor.", en: "The HR department and the integration office draft a short intercultural opening concept with three to five goals and submit it to the head of the administration." },
	"2.02": { de: "Das Personalamt ergänzt die Textbausteine aller Stellenausschreibungen um einen Satz, der Bewerbungen von Menschen mit Migrationsgeschichte ausdrücklich begrüßt.", en: "The HR department adds a sentence to the standard text of every job advertisement that explicitly welcomes applications from people with a migration history." },
	"2.03": { de: "Das Personalamt führt mit dem Personalrat eine freiwillige, anonyme Beschäftigtenbefragung durch, die auch die Migrationsgeschichte erfasst.", en: "The HR department and the staff council run a voluntary, anonymous staff survey that also asks about migration history." },
	"2.04": { de: "Die Verwaltungsspitze legt auf Grundlage der Beschäftigtenbefragung einen Zielwert für den Anteil von Mitarbeitenden mit Migrationsgeschichte fest.", en: "Based on the staff survey, the head of the administration sets a target for the share of staff with a migration history." },
	"2.05": { de: "Die Ausbildungsleitung stellt die Ausbildungsberufe der Verwaltung in Schulen mit hohem Anteil zugewanderter Schülerinnen und Schüler und bei Migrantenorganisationen vor.", en: "The training manager presents the administration's apprenticeships at schools with many immigrant pupils and at migrant organisations." },
	"2.06": { de: "Das Personalamt nimmt eine Fortbildung zu interkultureller Kompetenz in das Pflichtprogramm für Mitarbeitende mit Kundenkontakt auf, beginnend mit Bürgerbüro und Ausländerbehörde.", en: "The HR department makes intercultural competence training mandatory for front-line staff, starting with the citizens' office and the immigration office." },
	"2.07": { de: "Das Personalamt bucht für alle Führungskräfte eine verpflichtende Fortbildung zu Diskriminierung und Rassismus und plant sie in den nächsten Führungskräftetag ein.", en: "The HR department books mandatory anti-discrimination and anti-racism training for all managers and schedules it into the next management day." },
	"2.08": { de: "Die Verwaltungsspitze benennt eine unabhängige Anlaufstelle bei Diskriminierung, auch durch die Verwaltung selbst, oder vereinbart dies mit einer Beratungsstelle in der Region.", en: "The head of the administration names an independent contact point for discrimination, including by the administration itself, or arranges this with a counselling service in the region." },
	"2.09": { de: "Das Integrationsbüro erarbeitet mit dem Integrationsbeirat einen Aktionsplan gegen Rassismus und legt ihn dem Rat zum Beschluss vor.", en: "The integration office drafts an action plan against racism with the integration advisory council and submits it to the council for adoption." },
	"2.10": { de: "Das Integrationsbüro prüft die Mitgliedschaft in der Europäischen Städtekoalition gegen Rassismus (ECCAR) oder einem regionalen Netzwerk und bereitet einen Ratsbeschluss vor.", en: "The integration office examines membership of the European Coalition of Cities Against Racism (ECCAR) or a regional network and prepares a council decision." },
	"2.11": { de: "Das Integrationsbüro richtet einen Sprachmittlerpool ein oder schließt einen Rahmenvertrag mit einem Dolmetschdienst, den alle Fachbereiche abrufen können.", en: "The integration office sets up a pool of community interpreters or a framework contract with an interpreting service that every department can use." },
	"2.12": { de: "Die Fachbereiche benennen ihre zehn meistgenutzten Formulare und Bescheide; das Integrationsbüro lässt dazu Erklärungen in den häufigsten Sprachen erstellen.", en: "Departments name their ten most used forms and notices; the integration office has explanations written for them in the most common languages." },
	"3.01": { de: "Das Jugendamt lässt mehrsprachige Kita-Lotsinnen oder -Lotsen Familien mit Migrationsgeschichte über Kitas informieren und bei der Anmeldung begleiten.", en: "The youth welfare office has multilingual childcare guides inform families with a migration history about day care and help them register." },
	"3.02": { de: "Das Jugendamt vereinbart mit den Kita-Trägern eine jährliche Fortbildung zu sprachlicher Bildung für mehrsprachige Kinder.", en: "The youth welfare office agrees an annual training on language education for multilingual children with the day-care providers." },
	"3.03": { de: "Das Schulamt vereinbart mit den Schulen feste Vorbereitungsklassen mit einem Plan, wie neu zugewanderte Kinder spätestens nach einem Jahr in den Regelunterricht wechseln.", en: "The school authority agrees preparatory classes with the schools, with a plan for newly arrived children to join regular classes within a year." },
	"3.04": { de: "Das Bildungsbüro baut mit Migrantenorganisationen ein Elternlotsenprogramm auf, das zugewanderte Eltern beim Schulstart und bei Übergängen begleitet.", en: "The education office and migrant organisations set up a parent-guide programme that supports immigrant parents at school entry and transitions." },
	"3.05": { de: "Das Integrationsbüro erstellt eine Übersicht aller Deutschkurse vor Ort, veröffentlicht sie mehrsprachig im Netz und aktualisiert sie jedes Quartal.", en: "The integration office compiles an overview of all local German courses, publishes it online in several languages and updates it every quarter." },
	"3.06": { de: "Das Integrationsbüro vereinbart mit den Kursträgern und dem Jugendamt Kinderbetreuung parallel zu mindestens einem Deutschkurs.", en: "The integration office arranges childcare alongside at least one German course with the course providers and the youth welfare office." },
	"3.07": { de: "Das Integrationsbüro fördert mit der Volkshochschule niedrigschwellige Deutschangebote für Menschen ohne Anspruch auf einen Integrationskurs.", en: "The integration office and the adult education centre fund low-threshold German classes for people not entitled to an integration course." },
	"3.08": { de: "Das Jugendamt stattet Kitas mit mehrsprachigen Büchern aus und das Schulamt prüft mit den Schulen herkunftssprachlichen Unterricht.", en: "The youth welfare office provides day-care centres with multilingual books and the school authority looks into heritage-language classes with the schools." },
	"3.09": { de: "Das Integrationsbüro vereinbart mit der nächstgelegenen Anerkennungsberatung (z. B. IQ-Netzwerk) feste Sprechstunden vor Ort.", en: "The integration office agrees regular local consultation hours with the nearest recognition advice service (e.g. the IQ network)." },
	"3.10": { de: "Die Verwaltungsspitze lädt Jobcenter, Agentur für Arbeit und Ausländerbehörde zu einer festen Runde ein und hält Zuständigkeiten und Abläufe schriftlich fest.", en: "The head of the administration invites the job centre, employment agency and immigration office to regular meetings and records responsibilities and procedures in writing." },
	"3.11": { de: "Das Bildungsbüro vereinbart mit Schulen, Kammern und Jugendberufsagentur eine Begleitung für junge Zugewanderte beim Übergang in die Ausbildung.", en: "The education office agrees with schools, chambers and the youth employment agency to mentor young immigrants in the transition to vocational training." },
	"3.12": { de: "Die Wirtschaftsförderung plant mit Jobcenter und Bildungsträgern ein Angebot, das berufliche Weiterbildung mit berufsbezogenem Deutsch verbindet.", en: "The economic development office plans a course with the job centre and training providers that combines vocational training with job-related German." },
	"3.13": { de: "Das Sozialamt benennt eine Anlaufstelle für Wohnungssuchende mit Migrationsgeschichte und stellt Mietern und Vermietern mehrsprachige Informationen bereit.", en: "The social welfare office names a contact point for immigrant flat-seekers and provides multilingual information for tenants and landlords." },
	"3.14": { de: "Das Sozialamt erarbeitet mit Wohnungsunternehmen ein Auszugsmanagement, das Geflüchtete aus Gemeinschaftsunterkünften in eigene Wohnungen begleitet.", en: "The social welfare office and housing companies set up a move-out service that helps refugees move from shared accommodation into their own flats." },
	"3.15": { de: "Die Verwaltungsspitze vereinbart mit den kommunalen und großen privaten Wohnungsunternehmen schriftlich diskriminierungsfreie Vergaberegeln.", en: "The head of the administration agrees written non-discriminatory letting rules with the municipal and large private housing companies." },
	"3.16": { de: "Das Sozialamt beschließt mit den Betreibern ein verbindliches Gewaltschutzkonzept für jede Gemeinschaftsunterkunft und prüft jährlich, ob es umgesetzt wird.", en: "The social welfare office adopts a binding protection-from-violence concept with the operators of each shared accommodation and checks its implementation every year." },
	"3.17": { de: "Das Gesundheitsamt klärt mit Ärztekammer und Kliniken, wie ein Dolmetschdienst für Arztgespräche genutzt und finanziert werden kann.", en: "The public health office works out with the medical association and hospitals how an interpreting service for medical consultations can be used and funded." },
	"3.18": { de: "Das Gesundheitsamt stellt mehrsprachige Informationen zu Arztsuche, Notdiensten und Impfungen zusammen und verteilt sie über Beratungsstellen und Praxen.", en: "The public health office compiles multilingual information on finding a doctor, emergency services and vaccinations and distributes it via advice centres and practices." },
	"3.19": { de: "Das Gesundheitsamt klärt mit dem nächsten psychosozialen Zentrum für Geflüchtete feste Zugangswege und macht sie Beratungsstellen bekannt.", en: "The public health office agrees referral routes with the nearest psychosocial centre for refugees and makes them known to advice services." },
	"3.20": { de: "Die Pflegeberatung geht mit Migrantenorganisationen auf ältere Zugewanderte zu, z. B. mit Informationsnachmittagen in deren Räumen.", en: "The care advice service reaches out to older immigrants together with migrant organisations, e.g. with information afternoons on their premises." },
	"3.21": { de: "Die Kommune bittet den Verkehrsverbund, Fahrplanauskunft und Tarifinformationen auch in den häufigsten Sprachen anzubieten.", en: "The municipality asks the transport association to provide timetable and fare information in the most common languages as well." },
	"3.22": { de: "Das Sozialamt prüft mit dem Verkehrsunternehmen ein Sozialticket und legt dem Rat eine Kostenschätzung vor.", en: "The social welfare office examines a reduced-fare ticket with the transport company and presents the council with a cost estimate." },
	"3.23": { de: "Die Verkehrsplanung prüft die Anbindung jeder Unterkunft für Geflüchtete an den Nahverkehr und schlägt dem Verkehrsunternehmen zusätzliche Haltestellen oder Takte vor.", en: "Transport planning checks how each refugee accommodation is served by public transport and proposes extra stops or services to the transport company." },
	"3.24": { de: "Das Integrationsbüro organisiert mit Verkehrswacht oder Fahrradclub Radfahrkurse und Mobilitätstrainings für Zugewanderte.", en: "The integration office organises cycling courses and mobility training for immigrants with the road safety association or a cycling club." },
	"3.25": { de: "Die Stadtbibliothek ermittelt die vor Ort häufigsten Sprachen und baut dafür einen Bestand an Medien auf.", en: "The public library finds out which languages are most spoken locally and builds up a collection of media in them." },
	"3.26": { de: "Das Kulturamt öffnet seine Projektförderung ausdrücklich für Künstlerinnen und Künstler mit Migrationsgeschichte und wirbt dafür bei Migrantenorganisationen.", en: "The cultural affairs office explicitly opens its project funding to artists with a migration history and promotes it through migrant organisations." },
	"3.27": { de: "Das Kulturamt vereinbart mit Museum, Theater und Musikschule je ein Angebot pro Jahr, das sich gezielt an Zugewanderte richtet.", en: "The cultural affairs office agrees with the museum, theatre and music school on one offer a year each aimed specifically at immigrants." },
	"3.28": { de: "Das Stadtarchiv sammelt mit Migrantenorganisationen Geschichten der Zuwanderung und zeigt sie in einer Ausstellung.", en: "The municipal archive collects immigration stories with migrant organisations and presents them in an exhibition." },
	"3.29": { de: "Das Sportamt berät Sportvereine, wie sie Menschen mit Migrationsgeschichte gewinnen, z. B. mit Schnuppertrainings und übernommenen Beiträgen im ersten Jahr.", en: "The sports office advises sports clubs on attracting people with a migration history, e.g. with taster sessions and first-year fees covered." },
	"3.30": { de: "Das Sportamt organisiert mit den Bädern und Schwimmvereinen Schwimmkurse für zugewanderte Kinder und Erwachsene.", en: "The sports office organises swimming lessons for immigrant children and adults with the public pools and swimming clubs." },
	"3.31": { de: "Das Sportamt richtet mit den Bädern und Vereinen feste Schwimmzeiten und Kurse nur für Frauen und Mädchen ein.", en: "The sports office sets up regular women-and-girls-only swimming times and courses with the pools and clubs." },
	"3.32": { de: "Das Sportamt nimmt Integration als Kriterium in die Richtlinie zur Sportförderung auf und legt die Änderung dem Sportausschuss vor.", en: "The sports office adds integration as a criterion to the sports funding guidelines and submits the change to the sports committee." },
	"3.33": { de: "Das Integrationsbüro fördert eine unabhängige, kostenlose Beratung zu Aufenthalts- und Asylrecht oder vereinbart Sprechstunden eines freien Trägers.", en: "The integration office funds independent, free advice on residence and asylum law or arranges consultation hours with an independent provider." },
	"3.34": { de: "Die Ausländerbehörde bietet Online-Terminbuchung und die wichtigsten Informationen in den häufigsten Sprachen an und nutzt den Sprachmittlerpool.", en: "The immigration office offers online appointments and its key information in the most common languages and uses the interpreter pool." },
	"3.35": { de: "Das Ordnungsamt lädt Polizei und Migrantenorganisationen zu einem regelmäßigen Austausch ein, z. B. zweimal im Jahr.", en: "The public order office invites the police and migrant organisations to a regular exchange, e.g. twice a year." },
	"3.36": { de: "Das Integrationsbüro vereinbart mit der Opferberatung in der Region eine feste Verweisung und macht das Angebot mehrsprachig bekannt.", en: "The integration office agrees a referral route with the regional victim support service and publicises it in several languages." },
	"4.01": { de: "Die Wirtschaftsförderung nimmt die Gewinnung und Bindung internationaler Fachkräfte mit messbaren Zielen in ihre Strategie auf.", en: "The economic development office adds attracting and retaining international skilled workers, with measurable goals, to its strategy." },
	"4.02": { de: "Die Wirtschaftsförderung benennt eine feste Ansprechperson für Unternehmerinnen und Unternehmer mit Migrationsgeschichte und stellt sie deren Netzwerken vor.", en: "The economic development office names a contact person for entrepreneurs with a migration history and introduces them to their networks." },
	"4.03": { de: "Die Wirtschaftsförderung bietet mit den Kammern Gründungsberatung auch in anderen Sprachen an, z. B. mit Sprachmittlung.", en: "The economic development office offers start-up advice in other languages with the chambers, e.g. with interpreters." },
	"4.04": { de: "Die Wirtschaftsförderung organisiert mit Kammern und Jobcenter Sprechstunden für Unternehmen zur Beschäftigung von Geflüchteten und Zugewanderten.", en: "The economic development office runs consultation hours for businesses on employing refugees and immigrants with the chambers and the job centre." },
	"4.05": { de: "Die Wirtschaftsförderung richtet mit Ausländerbehörde und Integrationsbüro einen Welcome Service ein, der Fachkräfte und Familien beim Ankommen begleitet.", en: "The economic development office sets up a welcome service with the immigration office and the integration office that helps skilled workers and their families settle in." },
	"4.06": { de: "Die Ausländerbehörde benennt feste Ansprechpersonen für Arbeitgeber und vereinbart mit ihnen ein beschleunigtes Verfahren für angeworbene Fachkräfte.", en: "The immigration office names contact persons for employers and agrees a fast-track procedure with them for recruited skilled workers." },
	"4.07": { de: "Die Wirtschaftsförderung lädt Unternehmen, die bereits Zugewanderte einstellen, zu einem Netzwerk ein, z. B. mit der Charta der Vielfalt.", en: "The economic development office invites businesses that already employ immigrants to a network, e.g. around the Diversity Charter." },
	"4.08": { de: "Die Wirtschaftsförderung spricht Gewerbevereine und Werbegemeinschaften an, Unternehmen von Menschen mit Migrationsgeschichte gezielt einzubeziehen.", en: "The economic development office asks trade associations and retail groups to actively include businesses run by people with a migration history." },
	"4.09": { de: "Die Wirtschaftsförderung informiert Unternehmerinnen und Unternehmer mit Migrationsgeschichte über Fördermittel und Ausschreibungen, z. B. mit einem mehrsprachigen Newsletter.", en: "The economic development office informs entrepreneurs with a migration history about funding and tenders, e.g. with a multilingual newsletter." },
	"4.10": { de: "Das Jobcenter und das Integrationsbüro bieten ein Programm für zugewanderte Frauen an, das Orientierung, Kinderbetreuung und Praktika verbindet.", en: "The job centre and the integration office offer a programme for immigrant women combining orientation, childcare and internships." },
	"4.11": { de: "Die Wirtschaftsförderung gewinnt örtliche Unternehmen für ein Mentoringprogramm, in dem Beschäftigte Zugewanderte beim Berufseinstieg begleiten.", en: "The economic development office recruits local businesses for a mentoring programme in which employees accompany immigrants starting work." },
	"5.01": { de: "Die Verwaltungsspitze regelt in der Geschäftsordnung, dass der Integrationsbeirat vor Ratsentscheidungen, die Zugewanderte betreffen, angehört wird.", en: "The head of the administration provides in the rules of procedure that the integration advisory council is heard before council decisions affecting immigrants." },
	"5.02": { de: "Die Kämmerei stellt dem Integrationsbeirat ein eigenes Budget bereit, über das er selbst entscheidet, und legt das im nächsten Haushalt fest.", en: "The treasury gives the integration advisory council a budget of its own to decide on and includes it in the next budget." },
	"5.03": { de: "Die Ratsfraktionen benennen Menschen mit Migrationsgeschichte als sachkundige Bürgerinnen und Bürger für die Ausschüsse; das Integrationsbüro schlägt Kandidierende vor.", en: "The council groups appoint people with a migration history as co-opted citizens to committees; the integration office suggests candidates." },
	"5.04": { de: "Das Integrationsbüro schlägt dem Rat eine Förderrichtlinie für Migrantenorganisationen mit festen Zuschüssen für Räume oder Personal vor.", en: "The integration office proposes funding guidelines with fixed grants for premises or staff of migrant organisations to the council." },
	"5.05": { de: "Das Integrationsbüro organisiert mit der Volkshochschule Fortbildungen für Migrantenorganisationen zu Vereinsrecht, Förderanträgen und Buchhaltung.", en: "The integration office organises training for migrant organisations on association law, funding applications and bookkeeping with the adult education centre." },
	"5.06": { de: "Die Stadtplanung lädt bei der nächsten Bürgerbeteiligung gezielt über Migrantenorganisationen ein und bietet Sprachmittlung an.", en: "Urban planning invites people specifically via migrant organisations to the next public consultation and offers interpreting." },
	"5.07": { de: "Die Freiwilligenagentur wirbt gezielt Zugewanderte für ein Ehrenamt, z. B. mit mehrsprachigen Aushängen und über Migrantenorganisationen.", en: "The volunteer centre actively recruits immigrants as volunteers, e.g. with multilingual notices and via migrant organisations." },
	"5.08": { de: "Das Integrationsbüro benennt eine hauptamtliche Ansprechperson, die Ehrenamtliche in der Arbeit mit Geflüchteten begleitet und fortbildet.", en: "The integration office names a paid contact person who supports and trains volunteers working with refugees." },
	"5.09": { de: "Die Verwaltungsspitze würdigt bei der nächsten Ehrenamtsehrung auch Ehrenamtliche mit Migrationsgeschichte; das Integrationsbüro sammelt Vorschläge.", en: "The head of the administration includes volunteers with a migration history in the next volunteer awards; the integration office collects nominations." },
	"5.10": { de: "Das Wahlamt informiert Zugewanderte vor der nächsten Wahl mehrsprachig über ihr Wahlrecht bei Kommunal- und Integrationsbeiratswahlen.", en: "Before the next election the electoral office informs immigrants in several languages about their right to vote in local and advisory council elections." },
	"5.11": { de: "Die Einbürgerungsbehörde lädt zu Informationsabenden über die Einbürgerung ein und die Verwaltungsspitze richtet eine jährliche Einbürgerungsfeier aus.", en: "The naturalisation office holds information evenings on naturalisation and the head of the administration hosts an annual citizenship ceremony." },
	"6.01": { de: "Das Sozialamt ermittelt, in welchen Stadtteilen offene Begegnungsorte fehlen, und prüft, welche vorhandenen Räume sich dafür öffnen lassen.", en: "The social welfare office identifies districts without open meeting places and checks which existing premises could be opened for this." },
	"6.02": { de: "Die Stadtentwicklung beantragt für Stadtteile mit vielen Zugewanderten ein Quartiersmanagement, z. B. über die Städtebauförderung.", en: "Urban development applies for neighbourhood management in districts with many immigrants, e.g. through urban development funding." },
	"6.03": { de: "Das Integrationsbüro plant mit Vereinen und Migrantenorganisationen eine Veranstaltung zur Interkulturellen Woche und stellt dafür ein kleines Budget bereit.", en: "The integration office plans an event for Intercultural Week with clubs and migrant organisations and provides a small budget for it." },
	"6.04": { de: "Das Integrationsbüro baut mit einem freien Träger ein Patenschaftsprogramm auf, in dem sich Einheimische und Neuzugewanderte regelmäßig treffen.", en: "The integration office sets up a mentoring programme with an independent provider in which locals and newcomers meet regularly." },
	"6.05": { de: "Die Verwaltungsspitze lädt die Religionsgemeinschaften vor Ort zu einem Runden Tisch ein, der sich mindestens einmal im Jahr trifft.", en: "The head of the administration invites the local religious communities to a round table that meets at least once a year." },
	"6.06": { de: "Das Liegenschaftsamt legt fest, welche städtischen Räume Vereine und Initiativen für Begegnungsangebote kostenlos oder günstig nutzen können, und veröffentlicht die Liste.", en: "The property office decides which municipal rooms clubs and initiatives may use free or cheaply for meeting activities and publishes the list." },
	"6.07": { de: "Das Integrationsbüro richtet einen kleinen Nachbarschaftsfonds mit einseitigem Antrag ein, z. B. bis 500 Euro pro Projekt.", en: "The integration office sets up a small neighbourhood fund with a one-page application, e.g. up to 500 euros per project." },
	"6.08": { de: "Das Bürgerbüro gibt allen neu Zugezogenen eine Willkommensmappe, auch in den häufigsten Sprachen, und lädt zu einer Stadtführung ein.", en: "The citizens' office gives every newcomer a welcome pack, also in the most common languages, and invites them to a city tour." },
	"6.09": { de: "Das Jugendamt plant Ferienprogramme und Angebote der Jugendzentren so, dass sie Kinder und Jugendliche aus Unterkünften und Zugewandertenfamilien erreichen.", en: "The youth welfare office plans holiday programmes and youth centre activities so that they reach children from refugee accommodation and immigrant families." },
	"6.10": { de: "Das Integrationsbüro meldet die Kommune für die Internationalen Wochen gegen Rassismus an und plant mit Schulen und Vereinen eine Aktion.", en: "The integration office registers the municipality for the International Weeks against Racism and plans an event with schools and clubs." },
	"6.11": { de: "Das Büro für Städtepartnerschaften lädt Migrantenorganisationen und Zugewanderte zu Begegnungsreisen und Partnerschaftsveranstaltungen ein.", en: "The town twinning office invites migrant organisations and immigrants to exchange visits and twinning events." },
	"7.01": { de: "Die Pressestelle erarbeitet mit dem Integrationsbüro eine kurze Kommunikationsstrategie zu Zuwanderung und Vielfalt mit Zielgruppen, Kanälen und Zuständigkeiten.", en: "The press office and the integration office draft a short communication strategy on immigration and diversity with target groups, channels and responsibilities." },
	"7.02": { de: "Die Online-Redaktion richtet eine mehrsprachige Seite für Neuzugewanderte mit den wichtigsten Anlaufstellen ein.", en: "The web team sets up a multilingual page for newcomers listing the key contact points." },
	"7.03": { de: "Die Pressestelle legt mit Migrantenorganisationen und Religionsgemeinden fest, über welche Kanäle (z. B. Messenger-Gruppen) wichtige Informationen weitergegeben werden.", en: "The press office agrees with migrant organisations and religious communities on the channels (e.g. messenger groups) for passing on important information." },
	"7.04": { de: "Die Pressestelle prüft Bilder, Beispiele und Ansprechpersonen in ihren Veröffentlichungen auf Vielfalt und legt dafür einen Leitfaden fest.", en: "The press office reviews images, examples and contact persons in its publications for diversity and sets out a guideline for this." },
	"7.05": { de: "Das Sozialamt lädt vor jeder Eröffnung einer Unterkunft die Nachbarschaft zu einer Informationsveranstaltung ein und benennt eine Ansprechperson.", en: "Before each accommodation opens, the social welfare office invites the neighbourhood to an information event and names a contact person." },
	"7.06": { de: "Die Pressestelle legt mit dem Integrationsbüro fest, wer bei Gerüchten über Zugewanderte Fakten prüft und wie schnell die Kommune öffentlich richtigstellt.", en: "The press office and the integration office decide who checks the facts when rumours about immigrants spread and how quickly the municipality corrects them publicly." },
	"7.07": { de: "Die Pressestelle veröffentlicht Regeln für ihre Social-Media-Kanäle (Netiquette) und legt fest, wie Hassrede gelöscht und angezeigt wird.", en: "The press office publishes rules for its social media channels (netiquette) and decides how hate speech is removed and reported." },
	"7.08": { de: "Das Ordnungsamt vereinbart mit einer Mediationsstelle, Nachbarschaftskonflikte auch mit Sprachmittlung zu schlichten.", en: "The public order office arranges with a mediation service to settle neighbourhood disputes with interpreters where needed." },
	"7.09": { de: "Die Verwaltungsspitze richtet einen Präventionsrat oder eine ähnliche Runde ein, die Spannungen zwischen Bevölkerungsgruppen früh bespricht.", en: "The head of the administration sets up a crime prevention council or a similar group that discusses tensions between population groups early." },
	"7.10": { de: "Das Ordnungsamt erarbeitet mit Polizei und Pressestelle einen Krisenplan für rassistische Übergriffe oder Demonstrationen mit Zuständigkeiten und Kontaktliste.", en: "The public order office drafts a crisis plan for racist attacks or demonstrations with the police and the press office, with responsibilities and a contact list." },
	"7.11": { de: "Die Verwaltungsspitze sagt angefeindeten Mitarbeitenden und Ehrenamtlichen Rechtsschutz und Beratung zu; das Personalamt benennt eine Anlaufstelle.", en: "The head of the administration promises legal protection and counselling to staff and volunteers who are attacked; the HR department names a contact point." },
	"7.12": { de: "Die Verwaltungsspitze legt mit der Pressestelle fest, dass sie sich nach rassistischen Vorfällen innerhalb eines Tages öffentlich äußert.", en: "The head of the administration agrees with the press office to make a public statement within a day of any racist incident." },
};
