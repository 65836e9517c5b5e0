import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

test('a recruiter builds a questionnaire with guides, sees uncovered requirements and the applicant view', async ({ page }) => {
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: 'Nieuwe vacature' }).click();
  await page.getByLabel('Functietitel').fill('Adviseur inkoop (m/v/x)');
  await page.getByLabel('Standplaats').fill('Utrecht');
  await page.getByLabel('Eis 1').fill('Je adviseert over aanbestedingen.');
  await page.getByLabel('Vacaturetekst').fill('Wij zoeken een adviseur inkoop. Schaal 11, 36 uur per week.');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText('Het concept is opgeslagen.')).toBeVisible();

  // The must-have is not assessed yet.
  const questionnaire = page.getByRole('region', { name: 'Vragenlijst' });
  await expect(questionnaire.getByText('Deze harde eisen worden door geen enkele vraag getoetst.')).toBeVisible();
  await expect(questionnaire.getByRole('listitem').filter({ hasText: 'Je adviseert over aanbestedingen.' })).toBeVisible();

  // A question from the bank, linked to the requirement.
  await page.getByLabel('Vragenbank').selectOption('analytisch-vermogen.werkproef');
  await page.getByRole('button', { name: 'Toevoegen uit de vragenbank' }).click();
  const first = questionnaire.getByRole('group', { name: /Vraag 1/ });
  await expect(first.getByLabel('Situatie')).not.toHaveValue('');
  await expect(first.getByLabel('Score 5: zo ziet een sterk antwoord eruit')).not.toHaveValue('');
  await first.getByLabel('Je adviseert over aanbestedingen.').check();
  await expect(questionnaire.getByText('Deze harde eisen worden door geen enkele vraag getoetst.')).toHaveCount(0);

  // A knock-out question without a real reason is refused, named in the summary.
  await questionnaire.getByRole('button', { name: 'Knock-outvraag' }).click();
  const second = questionnaire.getByRole('group', { name: /Vraag 2/ });
  await second.getByLabel('Vraag', { exact: true }).fill('Hebt u een rijbewijs B?');
  await second.getByLabel('Waarom is deze eis hard?').fill('nodig');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /^Vraag 2: Leg bij een knock-outvraag uit/ })).toBeVisible();
  await expect(second.getByText(/Leg bij een knock-outvraag uit/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await second.getByLabel('Waarom is deze eis hard?').fill('U rijdt zelf naar leveranciers in de hele provincie.');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText('Het concept is opgeslagen.')).toBeVisible();

  // The applicant's view: the same question, without the guide.
  await questionnaire.getByRole('button', { name: 'Bekijk zoals de sollicitant het ziet' }).click();
  const preview = page.locator('.applicant-preview');
  await expect(preview.getByText('Vraag 2 van 2')).toBeVisible();
  await expect(preview.getByText('U rijdt zelf naar leveranciers in de hele provincie.')).toBeVisible();
  await expect(preview.getByText('Score 5')).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // Publishing freezes the questionnaire.
  await page.getByLabel('Sluitingsdatum').fill('2030-06-30');
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await page.getByRole('button', { name: 'Nu publiceren' }).click();
  await expect(page.getByText('De vacature is gepubliceerd.')).toBeVisible();
  await expect(first.getByLabel('Situatie')).toHaveAttribute('readonly', '');
  await expect(questionnaire.getByRole('button', { name: 'Knock-outvraag' })).toHaveCount(0);
});
