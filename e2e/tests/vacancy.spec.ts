import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

const EXCLUDING_TEXT =
  'Wij zijn een jong en dynamisch team en zoeken een collega. Nederlands is je moedertaal.\n' +
  'Schaal 10, 36 uur per week. Iedereen is welkom. Heb je een aanpassing nodig? Bel ons. ' +
  'De procedure is anoniem: je beantwoordt een vragenlijst.';

async function startVacancy(page: Page, title: string) {
  await logIn(page, 'recruiter');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Recruiter Demo' })).toBeVisible();
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw vacatures' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe vacature' }).click();
  await page.getByLabel('Functietitel').fill(title);
  await page.getByLabel('Standplaats').fill('Den Haag');
  await page.getByLabel('Eis 1').fill('Je schrijft helder beleid.');
  await page.getByLabel('Sluitingsdatum').fill('2030-06-30');
  await page.getByLabel('Vragenbank').selectOption('samenwerken.gedrag');
  await page.getByRole('button', { name: 'Toevoegen uit de vragenbank' }).click();
}

test('a recruiter fixes excluding wording with one click, undoes and publishes', async ({ page }) => {
  await startVacancy(page, 'Beleidsmedewerker (m/v/x)');
  await page.getByLabel('Vacaturetekst').fill(EXCLUDING_TEXT);

  const findings = page.getByRole('complementary', { name: /Meldingen/ });
  const age = findings.getByRole('listitem').filter({ hasText: 'jong en dynamisch' });
  await expect(age).toContainText('Blokkerend');
  await expect(findings.getByRole('heading', { name: /Taal en afkomst/ })).toBeVisible();
  await expect(page.locator('.preview mark', { hasText: 'jong en dynamisch' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Jump to the finding: the text area gets focus with the words selected.
  await age.getByRole('button', { name: /Ga naar/ }).click();
  await expect(page.getByLabel('Vacaturetekst')).toBeFocused();
  const selected = await page.getByLabel('Vacaturetekst').evaluate(
    (area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
  expect(selected).toBe('jong en dynamisch');

  // One click applies a suggestion; undo brings the old text back.
  await age.getByRole('button', { name: 'Vervang door ‘enthousiast en betrokken’' }).click();
  await expect(page.getByLabel('Vacaturetekst')).toHaveValue(/een enthousiast en betrokken team/);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.getByLabel('Vacaturetekst')).toHaveValue(/een jong en dynamisch team/);
  await findings.getByRole('listitem').filter({ hasText: 'jong en dynamisch' })
    .getByRole('button', { name: 'Vervang door ‘enthousiast en betrokken’' }).click();
  await findings.getByRole('listitem').filter({ hasText: 'moedertaal' })
    .getByRole('button', { name: 'Vervang door ‘Nederlands op niveau C1’' }).click();
  await expect(findings.getByText('Blokkerend')).toHaveCount(0);

  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText('Het concept is opgeslagen.')).toBeVisible();
  await expect(page).toHaveURL(/\/beheer\/vacatures\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByText('Er zijn geen blokkerende meldingen.')).toBeVisible();
  await page.getByRole('button', { name: 'Nu publiceren' }).click();
  await expect(page.getByText('De vacature is gepubliceerd.')).toBeVisible();
  await expect(page.getByText('Deze vacature is gepubliceerd. Tekst, eisen en vragen kunnen niet meer veranderen.')).toBeVisible();

  await page.getByRole('link', { name: 'Bekijk de vacature zoals sollicitanten haar zien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beleidsmedewerker (m/v/x)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Zo werkt deze procedure' })).toBeVisible();
  await expect(page.locator('article')).toContainText('enthousiast en betrokken team');
  await expectNoAccessibilityViolations(page);

  // An applicant without an account sees the same page.
  const url = page.url();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Beleidsmedewerker (m/v/x)' })).toBeVisible();
});

test('a blocking finding can stay only with a written reason', async ({ page }) => {
  await startVacancy(page, 'Jurist (m/v/x)');
  await page.getByLabel('Vacaturetekst').fill('Wij zijn een jong en dynamisch team. Schaal 11, 36 uur.');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  const publish = page.getByRole('region', { name: 'Publiceren' });
  await expect(publish).toContainText('Deze meldingen houden publicatie tegen.');
  await publish.getByRole('button', { name: 'Publiceren met deze redenen' }).click();
  await expect(page.getByRole('alert')).toContainText('De tekst bevat nog uitsluitende formuleringen.');

  await publish.getByLabel('Reden om dit te laten staan').fill('Dit is een letterlijk citaat uit het teamplan.');
  await publish.getByRole('button', { name: 'Publiceren met deze redenen' }).click();
  await expect(page.getByText('De vacature is gepubliceerd.')).toBeVisible();
});

test('invalid fields are named in the summary and at the field', async ({ page }) => {
  await startVacancy(page, '');
  await page.getByLabel('Salarisschaal (1 tot en met 18)').fill('25');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Vul een functietitel in van 1 tot 150 tekens.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Kies een salarisschaal van 1 tot en met 18.' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('the vacancy list searches titles and passes axe', async ({ page }) => {
  await startVacancy(page, 'Data-analist (m/v/x)');
  await page.getByLabel('Vacaturetekst').fill('Wij zoeken een data-analist.');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText('Het concept is opgeslagen.')).toBeVisible();
  await page.getByRole('link', { name: 'Naar uw vacatures' }).click();
  await page.getByLabel('Zoek op titel').fill('analist');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const table = page.getByRole('table', { name: 'Uw vacatures' });
  await expect(table.getByRole('link', { name: 'Data-analist (m/v/x)' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Zoek op titel').fill('bestaat-niet');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByText('Geen vacatures gevonden met deze zoekwoorden.')).toBeVisible();
});

test('the editor works in English and at 200 % zoom', async ({ page }) => {
  await startVacancy(page, 'Policy officer');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Language of the vacancy').selectOption('en');
  await page.getByLabel('Vacancy text').fill('We are a young and dynamic team and want a native speaker.');
  const findings = page.getByRole('complementary', { name: /Findings/ });
  await expect(findings.getByRole('heading', { name: /Age/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.setViewportSize({ width: 640, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a finding can be ignored for this vacancy with a reason, and shown again', async ({ page }) => {
  await startVacancy(page, 'Accountmanager (m/v/x)');
  await page.getByLabel('Vacaturetekst').fill('Je bent ambitieus en je werkt graag met klanten.');
  const findings = page.getByRole('complementary', { name: /Meldingen/ });
  const ambitious = findings.getByRole('listitem').filter({ hasText: 'ambitieus' });
  await ambitious.getByRole('button', { name: 'Negeren voor deze vacature' }).click();
  await ambitious.getByLabel('Waarom past dit hier? (minstens 10 tekens)').fill('kort');
  await ambitious.getByRole('button', { name: 'Negeren', exact: true }).click();
  await expect(ambitious.getByText('Schrijf een reden van minstens 10 tekens.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await ambitious.getByLabel('Waarom past dit hier? (minstens 10 tekens)').fill('Ambitie is hier de kern van de functie.');
  await ambitious.getByRole('button', { name: 'Negeren', exact: true }).click();

  await expect(findings.getByRole('listitem').filter({ hasText: 'ambitieus' })).toHaveCount(0);
  const ignored = page.getByRole('region', { name: 'Genegeerde meldingen' });
  await expect(ignored).toContainText('Ambitie is hier de kern van de functie.');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText('Het concept is opgeslagen.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Genegeerde meldingen' })).toContainText('Ambitie is hier de kern');

  await page.getByRole('button', { name: 'Weer tonen' }).click();
  await expect(findings.getByRole('listitem').filter({ hasText: 'ambitieus' })).toHaveCount(1);
});
