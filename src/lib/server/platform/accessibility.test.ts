import { describe, expect, it } from 'vitest';
import { accessibilityStatement, missingFeedbackContact, SCHLICHTUNGSSTELLE_BGG, SOFTWARE_CHECKED_ON } from './accessibility';
import { parseConfig } from './config';

describe('the accessibility statement', () => {
	it('names the Schlichtungsstelle nach § 16 BGG and the software check date when nothing is set', () => {
		expect.hasAssertions();
		const config = parseConfig({});
		const statement = accessibilityStatement(config);
		expect(statement.enforcement).toEqual(SCHLICHTUNGSSTELLE_BGG);
		expect(statement.checkedOn).toBe(SOFTWARE_CHECKED_ON);
		expect(statement.checkedBySoftware).toBe(true);
		expect(statement.contact).toEqual({ email: null, url: null, phone: null });
		expect(missingFeedbackContact(config)).toBe(true);
	});

	it('takes the municipality contact, its own check date and a Land enforcement body', () => {
		expect.hasAssertions();
		const config = parseConfig({
			ACCESSIBILITY_RESPONSIBLE: 'Stadt Musterstadt, Integrationsbüro',
			ACCESSIBILITY_CONTACT_EMAIL: 'barrierefrei@musterstadt.example',
			ACCESSIBILITY_CONTACT_URL: 'https://musterstadt.example/barriere-melden',
			ACCESSIBILITY_CONTACT_PHONE: '+49 30 1234567',
			ACCESSIBILITY_CHECKED_ON: '2027-03-01',
			ACCESSIBILITY_ENFORCEMENT_NAME: 'Ombudsstelle für barrierefreie IT',
			ACCESSIBILITY_ENFORCEMENT_URL: 'https://land.example/ombudsstelle'
		});
		const statement = accessibilityStatement(config);
		expect(statement).toMatchObject({
			responsible: 'Stadt Musterstadt, Integrationsbüro',
			contact: { email: 'barrierefrei@musterstadt.example', phone: '+49 30 1234567' },
			checkedOn: '2027-03-01',
			checkedBySoftware: false,
			enforcement: { name: 'Ombudsstelle für barrierefreie IT' }
		});
		expect(missingFeedbackContact(config)).toBe(false);
	});

	it('rejects a bad contact, date or half an enforcement body', () => {
		expect.hasAssertions();
		expect(() => parseConfig({ ACCESSIBILITY_CONTACT_EMAIL: 'keine-adresse' })).toThrow(/ACCESSIBILITY_CONTACT_EMAIL/);
		expect(() => parseConfig({ ACCESSIBILITY_CONTACT_URL: 'javascript:alert(1)' })).toThrow(/ACCESSIBILITY_CONTACT_URL/);
		expect(() => parseConfig({ ACCESSIBILITY_CHECKED_ON: '1.3.2027' })).toThrow(/ACCESSIBILITY_CHECKED_ON/);
		expect(() => parseConfig({ ACCESSIBILITY_ENFORCEMENT_NAME: 'Ombudsstelle' })).toThrow(/ACCESSIBILITY_ENFORCEMENT_URL/);
	});
});
