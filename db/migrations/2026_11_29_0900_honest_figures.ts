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

export async function up(db: Kysely<any>): Promise<void> {
	const catalogues = await db.selectFrom('catalogue').select(['id', 'content', 'municipality_id']).execute();
	for (const row of catalogues) {
		let content = JSON.parse(row.content as string);
		content.scale = upgradeScale(content.scale);
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
