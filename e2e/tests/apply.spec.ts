import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn, pickRadio, press, tabTo } from './helpers';

const VACANCY = 'Beleidsmedewerker digitale overheid (m/v/x)';

/** From the list of vacancies to the first page of the questionnaire, by keyboard. */
async function openApplication(page: Page, texts: { vacancies: string; apply: string; start: string }) {
  // The vacancy page speaks the vacancy's language (Dutch here); the application speaks the site's.
  await page.goto('/vacatures');
  await expect(page.getByRole('heading', { level: 1, name: texts.vacancies })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('link', { name: VACANCY }));
  await expect(page.getByRole('heading', { level: 1, name: VACANCY })).toBeVisible();
  await press(page, page.getByRole('main').getByRole('link', { name: 'Solliciteren', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: texts.apply })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: texts.start }));
}

test('an applicant applies by keyboard alone in Dutch, reloads halfway, and a retried submit gives one receipt', async ({ page }) => {
  await openApplication(page, { vacancies: 'Vacatures', apply: 'Solliciteren', start: 'Begin met solliciteren' });

  // The voluntary questions: skipped as a whole.
  await expect(page.getByRole('heading', { level: 1, name: 'Vrijwillige vragen over uw achtergrond' })).toBeVisible();
  await expect(page.getByText('Stap 2 van 8')).toBeVisible();
  const code = (await page.locator('.apply__code code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Deze vragen overslaan' }));

  // Question 1: an open question, with a live word count and a warning about identity.
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 1 van 4' })).toBeVisible();
  const answer = page.getByRole('textbox');
  await tabTo(page, answer);
  await page.keyboard.type('Ik ben 52 jaar. Ik bracht twee teams bij elkaar die elkaar niet begrepen. ');
  await expect(page.getByText('14 van 250 woorden')).toBeVisible();
  await expect(page.locator('.question__cues')).toContainText('Uw leeftijd');
  await expect(page.locator('.question__cues')).toContainText('52 jaar');
  await expectNoAccessibilityViolations(page);

  // A reload halfway loses nothing: not the page, not the text.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 1 van 4' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveValue(/bracht twee teams bij elkaar/);
  await expect(page.locator('.apply__code code')).toHaveText(code);
  await tabTo(page, page.getByRole('textbox'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('We spraken af wie wat deed en hielden elke week een kort overleg. Het project was op tijd klaar.');
  await press(page, page.getByRole('button', { name: 'Volgende' }));

  // Question 2: the work sample.
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 2 van 4' })).toBeVisible();
  await expect(page.getByText('Situatie', { exact: true })).toBeVisible();
  await tabTo(page, page.getByRole('textbox'));
  await page.keyboard.type('Ik begin met het besluit, dan de reden, dan hoe u bezwaar maakt en waar u vragen kunt stellen.');
  await press(page, page.getByRole('button', { name: 'Volgende' }));

  // Question 3: multiple choice; question 4: knock-out with its reason shown.
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 3 van 4' })).toBeVisible();
  await pickRadio(page, page.getByRole('radio', { name: 'De Wet open overheid (Woo)' }));
  await press(page, page.getByRole('button', { name: 'Volgende' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 4 van 4' })).toBeVisible();
  await expect(page.getByText('Daarvoor is een VOG wettelijk verplicht')).toBeVisible();
  await pickRadio(page, page.getByRole('radio', { name: 'Ja' }));
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Volgende' }));

  // Contact details, with an invalid address first.
  await expect(page.getByRole('heading', { level: 1, name: 'Uw contactgegevens' })).toBeVisible();
  await tabTo(page, page.getByLabel('Naam'));
  await page.keyboard.type('Sam de Vries');
  await tabTo(page, page.getByLabel('E-mailadres'));
  await page.keyboard.type('sam.nl@example');
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Volgende' }));

  // Review: sending with a wrong address names it and sends nothing.
  await expect(page.getByRole('heading', { level: 1, name: 'Controleer uw sollicitatie' })).toBeVisible();
  await expect(page.getByText('Het project was op tijd klaar.')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Sollicitatie versturen' }));
  await expect(page.getByRole('alert')).toContainText('Vul een geldig e-mailadres in');
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Wijzigen Uw contactgegevens' }));
  await tabTo(page, page.getByLabel('E-mailadres'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('sam.devries@example.nl');
  await press(page, page.getByRole('button', { name: 'Volgende' }));

  // The answer to the first submit is lost on the way (a time-out): the applicant sends again.
  let dropped = false;
  await page.route('**/api/public/drafts/current/submit', async (route) => {
    if (dropped) return route.continue();
    dropped = true;
    await route.fetch();
    await route.abort('timedout');
  });
  await press(page, page.getByRole('button', { name: 'Sollicitatie versturen' }));
  await expect(page.getByRole('alert')).toContainText('Breedwerf is niet bereikbaar');
  await press(page, page.getByRole('button', { name: 'Sollicitatie versturen' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Bewijs van inzending' })).toBeVisible();
  const reference = (await page.locator('.receipt code').first().textContent()) ?? '';
  expect(reference).toMatch(/^BW-/);
  await expect(page.locator('.receipt .digest')).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoAccessibilityViolations(page);

  // The survey after sending: optional, one statement is enough.
  const survey = page.getByRole('region', { name: 'Hoe ging het solliciteren?' });
  const fairness = survey.getByRole('group', { name: 'De procedure gaf mij een eerlijke kans.' });
  await pickRadio(page, fairness.getByLabel('4 eens'));
  await press(page, survey.getByRole('button', { name: 'Antwoorden versturen' }));
  await expect(survey.getByRole('status')).toHaveText('Dank u wel voor uw antwoorden.');

  // The status page, from the receipt.
  await press(page, page.getByRole('link', { name: 'Naar de statuspagina' }));
  await expect(page.getByLabel('Kenmerk')).toHaveValue(reference);
  await press(page, page.getByRole('button', { name: 'Status bekijken' }));
  await expect(page.getByText('Verstuurd. De commissie beoordeelt')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // One application, one confirmation: the admin's outbox in the demo.
  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Uitgaande e-mail' }).click();
  await expect(page.locator('.message').filter({ hasText: 'sam.devries@example.nl' })).toHaveCount(1);
  await expect(page.locator('.message').filter({ hasText: reference })).toHaveCount(1);
  await expectNoAccessibilityViolations(page);
});

test('an applicant applies by keyboard alone in English, answers the monitoring questions and withdraws', async ({ page }) => {
  await page.goto('/');
  await press(page, page.getByRole('button', { name: 'English' }));
  await openApplication(page, { vacancies: 'Vacancies', apply: 'Apply', start: 'Start applying' });

  await expect(page.getByRole('heading', { level: 1, name: 'Voluntary questions about your background' })).toBeVisible();
  await tabTo(page, page.getByLabel('In which country were you born?'));
  await page.getByLabel('In which country were you born?').selectOption('NL');
  await page.getByLabel('In which country was your mother born?').selectOption('SR');
  await pickRadio(page, page.getByRole('radio', { name: 'Prefer not to say' }).first());
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Save and continue' }));

  await expect(page.getByRole('heading', { level: 1, name: 'Question 1 of 4' })).toBeVisible();
  await tabTo(page, page.getByRole('textbox'));
  await page.keyboard.type('I brought two teams together and we agreed on a weekly meeting.');
  await press(page, page.getByRole('button', { name: 'Next' }));
  // Reload once the next page shows: the answer and the page are kept.
  await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 4' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Question 2 of 4' })).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Previous' }));
  await expect(page.getByRole('textbox')).toHaveValue(/weekly meeting/);
  await press(page, page.getByRole('button', { name: 'Next' }));
  await tabTo(page, page.getByRole('textbox'));
  await page.keyboard.type('First the decision, then the reason, then how to object.');
  await press(page, page.getByRole('button', { name: 'Next' }));
  await pickRadio(page, page.getByRole('radio', { name: 'De Archiefwet' }));
  await press(page, page.getByRole('button', { name: 'Next' }));
  await pickRadio(page, page.getByRole('radio', { name: 'No' }));
  await press(page, page.getByRole('button', { name: 'Next' }));

  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type('Alex Jansen');
  await tabTo(page, page.getByLabel('E-mail address'));
  await page.keyboard.type('alex@example.org');
  await pickRadio(page, page.getByRole('radio', { name: /One year/ }));
  await press(page, page.getByRole('button', { name: 'Next' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Check your application' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Send application' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Receipt' })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await press(page, page.getByRole('link', { name: 'To the status page' }));
  await press(page, page.getByRole('button', { name: 'Show status' }));
  await expect(page.getByText('One year, so you stay in view')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Withdraw application' }));
  await expect(page.getByRole('alertdialog')).toContainText('Are you sure');
  await expectNoAccessibilityViolations(page);
  await press(page, page.getByRole('button', { name: 'Yes, withdraw' }));
  await expect(page.getByText('Withdrawn', { exact: true })).toBeVisible();
});

test('a draft resumes on another device with the code alone', async ({ page, browser, baseURL }) => {
  await openApplication(page, { vacancies: 'Vacatures', apply: 'Solliciteren', start: 'Begin met solliciteren' });
  const code = (await page.locator('.apply__code code').textContent()) ?? '';
  await page.getByRole('button', { name: 'Deze vragen overslaan' }).click();
  await page.getByRole('textbox').fill('Een antwoord dat ik morgen afmaak');
  await expect(page.getByText('Alles is opgeslagen.')).toBeVisible();

  const device = await browser.newContext({ baseURL, locale: 'nl-NL' });
  const other = await device.newPage();
  await other.goto('/sollicitatie/hervatten');
  await expect(other.getByRole('heading', { level: 1, name: 'Verder met uw sollicitatie' })).toBeVisible();
  await other.getByLabel('Uw code').fill(code.toLowerCase().replaceAll('-', ' '));
  await other.getByRole('button', { name: 'Verdergaan' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Vrijwillige vragen over uw achtergrond' })).toBeVisible();
  await other.getByRole('button', { name: 'Deze vragen overslaan' }).click();
  await expect(other.getByRole('textbox')).toHaveValue('Een antwoord dat ik morgen afmaak');

  await other.goto('/sollicitatie/hervatten');
  await other.getByLabel('Uw code').fill('AAAAA-BBBBB-CCCCC-DDDDD');
  await other.getByRole('button', { name: 'Verdergaan' }).click();
  await expect(other.getByRole('alert')).toContainText('Deze code kennen we niet.');
  await expectNoAccessibilityViolations(other);
  await device.close();
});
