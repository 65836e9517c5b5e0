import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

// The demo seeds this vacancy closed, with eight applications (one fails the knock-out question).
const CLOSED = 'Adviseur dienstverlening (m/v/x)';

test('a recruiter screens a closed vacancy, masks identity cues and releases; a committee member reads placeholders', async ({ page }) => {
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('link', { name: 'Naar de screening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Screening: ${CLOSED}` })).toBeVisible();
  await page.getByRole('button', { name: 'Screening starten' }).click();
  await expect(page.getByText('De screening is begonnen.')).toBeVisible();
  const facts = page.locator('.facts');
  await expect(facts.getByRole('definition').nth(1)).toHaveText('8');
  await expect(facts.getByRole('definition').nth(2)).toHaveText('1');

  // Answers carry a number, never a name; the findings are marked in the text.
  const mother = page.getByRole('article').filter({ hasText: 'Als moeder van twee' });
  await expect(mother.getByRole('heading', { name: /^Antwoord \d+$/ })).toBeVisible();
  await mother.getByRole('button', { name: 'Maskeren — Gender: “Als moeder van twee”', exact: true }).click();
  await mother.getByRole('button', { name: 'Maskeren — Herkomst: “Casablanca”', exact: true }).click();
  await expect(mother.getByTestId('committee-copy')).toContainText('[gender] kinderen');
  await expect(mother.getByTestId('committee-copy')).toContainText('geboren in [herkomst]');

  // The detector found the school but not the city in its name; the recruiter masks the whole name by hand.
  const school = page.getByRole('article').filter({ hasText: 'Erasmus Universiteit Rotterdam' });
  await school.getByText('Zelf woorden maskeren').click();
  await school.getByLabel('Woorden', { exact: true }).fill('Erasmus Universiteit Rotterdam');
  await school.getByLabel('Soort').selectOption('SCHOOL');
  await school.getByRole('button', { name: 'Woorden maskeren' }).click();
  await expect(school.getByTestId('committee-copy')).toContainText('studie aan de [school] organiseerde');
  await expectNoAccessibilityViolations(page);

  // Releasing before every finding is decided explains what to do, and releases nothing.
  await page.getByRole('button', { name: 'Vrijgeven voor beoordeling' }).click();
  await expect(page.getByRole('alert')).toContainText('Er zijn nog signalen zonder besluit.');

  // The place stays (the recruiter's call); every other finding is masked.
  await page.getByRole('button', { name: 'Niet maskeren — Woonplaats: “Tilburg”' }).click();
  await expect(page.getByRole('article').filter({ hasText: 'in Tilburg woon' }).getByText('Blijft staan')).toBeVisible();
  const pending = page.locator('li.screening-finding--pending');
  for (const question of await page.locator('.screening-question').all()) {
    await question.getByRole('button', { name: 'Alle overige signalen bij deze vraag maskeren' }).click();
    await expect(question.locator('li.screening-finding--pending')).toHaveCount(0);
  }
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId('pending')).toHaveText('0');

  // The committee: three scorers, one of them chair.
  const committee = page.getByRole('region', { name: 'Selectiecommissie' });
  await committee.getByLabel('Commissielid Een').check();
  await expect(committee.getByText('Met minder dan twee beoordelaars')).toBeVisible();
  await committee.getByLabel('Commissielid Twee').check();
  await committee.getByLabel('Commissielid Drie').check();
  await committee.getByLabel('Voorzitter').selectOption({ label: 'Commissielid Een' });
  await committee.getByRole('button', { name: 'Commissie opslaan' }).click();
  await expect(committee.getByText('De commissie is opgeslagen.')).toBeVisible();

  await page.getByRole('button', { name: 'Vrijgeven voor beoordeling' }).click();
  await expect(page.getByText('De antwoorden zijn vrijgegeven voor beoordeling.')).toBeVisible();
  // 7 applications passed × 2 questions; 6 answers had a masked cue (the place was left).
  await expect(page.getByTestId('leak-total')).toHaveText('6 / 14 (43 %)');
  await expect(mother.getByRole('button', { name: /^Maskeren — / }).first()).toBeDisabled();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // A committee member reads the masked answers, question by question.
  await logIn(page, 'commissie2');
  await page.getByRole('link', { name: 'Mijn commissies' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLOSED })).toBeVisible();
  const first = page.locator('.committee-question').first();
  await expect(first.getByRole('heading', { name: 'Vraag 1' })).toBeVisible();
  await expect(first.getByText('[gender] kinderen')).toBeVisible();
  await expect(first.getByText(/spreek daardoor ook \[herkomst\]/)).toBeVisible();
  await expect(first.getByText(/Ik ben \[leeftijd\]/)).toBeVisible();
  await expect(first.getByText(/studie aan de \[school\] organiseerde/)).toBeVisible();
  await expect(page.getByText(/in Tilburg woon/)).toBeVisible();
  await expect(page.getByText(/Casablanca|Arabisch|Erasmus|Pieter de Vries|lotte\.visser|moskee|Johan Smit/)).toHaveCount(0);
  await expect(first.getByText('Beoordeel de inhoud, niet de taal')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // In English too; the placeholders follow the vacancy's language.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(first.getByRole('heading', { name: 'Question 1' })).toBeVisible();
  await expect(first.getByText('Score the content, not the language')).toBeVisible();
  await expect(first.getByRole('heading', { name: /^Answer \d+$/ }).first()).toBeVisible();
});
