// `npm run catalogue -- validate <file>`: the same validation and messages as the import in the app.
import { readFileSync } from 'node:fs';
import { countQuestions, validateCatalogueText } from '../src/lib/schemas/catalogue';
import { describeProblems, problemLine } from '../src/lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '../src/lib/i18n/staff/catalogue-problems';
import { de } from '../src/lib/i18n/staff/de';

const [command, file] = process.argv.slice(2);

if (command !== 'validate' || !file) {
	console.error('Aufruf: npm run catalogue -- validate <datei.json>');
	process.exit(2);
}

let source: string;
try {
	source = readFileSync(file, 'utf8');
} catch (error) {
	console.error(`Datei ${file} kann nicht gelesen werden: ${(error as Error).message}`);
	process.exit(2);
}

const result = validateCatalogueText(source);
if (result.ok) {
	const { catalogue } = result;
	console.log(
		`OK: ${catalogue.title.de} (${catalogue.id}, Version ${catalogue.version}): ` +
			`${countQuestions(catalogue)} Fragen in ${catalogue.areas.length} Handlungsfeldern.`
	);
	// Missing participant languages do not make a catalogue invalid: participants see German there.
	for (const warning of describeProblems(result.warnings, catalogue, catalogueProblemTexts('de'))) {
		console.warn(`  Hinweis: ${problemLine(warning)}`);
	}
} else {
	console.error(`${file}: ${de.catalogues.problemCount(result.problems.length)}`);
	for (const problem of describeProblems(result.problems, result.json, catalogueProblemTexts('de'))) {
		console.error(`  ${problemLine(problem)}`);
	}
	process.exit(1);
}
