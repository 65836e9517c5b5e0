import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

const DEMO_PILOT = 'Breed werven en objectief selecteren';

test('an admin creates a pilot and assigns its vacancies by lot and by hand; its evaluator reads it', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Pilots' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pilots' })).toBeVisible();
  await expect(page.getByRole('link', { name: DEMO_PILOT })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // The form explains what is wrong, field by field.
  const form = page.getByRole('region', { name: 'Nieuwe pilot' });
  const today = new Date();
  const iso = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Begindatum').fill(iso(-30));
  await form.getByLabel('Einddatum').fill(iso(-31));
  await form.getByLabel('Drempel k').fill('3');
  await form.getByRole('button', { name: 'Pilot aanmaken' }).click();
  await expect(form.getByText('Geef de pilot een naam van 1 tot 200 tekens.')).toBeVisible();
  await expect(form.getByText('De einddatum van de pilot ligt na de begindatum.')).toBeVisible();
  await expect(form.getByText('Kies een drempel k van 5 tot 100 mensen.')).toBeVisible();
  await expect(form.getByText('Kies minstens één bestaande organisatie voor de pilot.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await form.getByLabel('Naam').fill('Breed werven, tweede ronde');
  await form.getByLabel('Einddatum').fill(iso(60));
  await form.getByLabel('Drempel k').fill('5');
  await form.getByLabel('Ministerie van Voorbeeldzaken (demo)').check();
  await form.getByRole('button', { name: 'Pilot aanmaken' }).click();
  await expect(form.getByText('De pilot is aangemaakt.')).toBeVisible();

  // The demo's two published vacancies are in it; the lot puts one in each arm (same stratum).
  await page.getByRole('link', { name: 'Breed werven, tweede ronde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breed werven, tweede ronde' })).toBeVisible();
  const arms = page.getByRole('table', { name: 'Vacatures en groepen' });
  await expect(arms.getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Vacatures zonder groep loten' }).click();
  await expect(page.getByText('2 vacatures ingedeeld.')).toBeVisible();
  await expect(arms.getByRole('row').filter({ hasText: 'Pilotgroep' })).toHaveCount(1);
  await expect(arms.getByRole('row').filter({ hasText: 'Controlegroep' })).toHaveCount(1);
  const log = page.getByRole('table', { name: 'Logboek van de indeling' });
  await expect(log.getByRole('row').filter({ hasText: /geloot \(seed -?\d+\)/ })).toHaveCount(2);
  await expectNoAccessibilityViolations(page);

  // By hand only with a reason, which the log keeps.
  await page.getByLabel('Groep', { exact: true }).selectOption('control');
  await page.getByRole('button', { name: 'Groep opslaan' }).click();
  await expect(page.getByText('Leg in 10 tot 500 tekens uit waarom u deze vacature zelf in een groep plaatst.')).toBeVisible();
  await page.getByLabel('Waarom deelt u deze vacature zelf in?').fill('Deze afdeling werkte al met een gestructureerd interview.');
  await page.getByRole('button', { name: 'Groep opslaan' }).click();
  await expect(log.getByText('zelf ingedeeld: Deze afdeling werkte al met een gestructureerd interview.')).toBeVisible();
  // The open vacancy (with the applications of the apply tests) goes to the pilot arm, whatever the lot said.
  await page.getByLabel('Vacature', { exact: true }).selectOption({ label: 'Beleidsmedewerker digitale overheid (m/v/x)' });
  await page.getByLabel('Groep', { exact: true }).selectOption('pilot');
  await page.getByLabel('Waarom deelt u deze vacature zelf in?').fill('De pilotorganisatie vroeg om deze vacature in de pilot.');
  await page.getByRole('button', { name: 'Groep opslaan' }).click();
  await expect(log.getByText('zelf ingedeeld: De pilotorganisatie vroeg om deze vacature in de pilot.')).toBeVisible();

  // The funnel: the closed demo vacancy (in the control arm) has eight applicants who gave no
  // monitoring answers; nobody has passed the sift yet.
  const funnel = page.getByRole('region', { name: 'Trechter per groep' });
  const control = funnel.getByRole('table', { name: 'Controlegroep' });
  await expect(control.getByRole('row').filter({ hasText: 'Gesolliciteerd' })).toContainText('8');
  await expect(control.getByRole('row').filter({ hasText: 'Door de selectie' })).toContainText('0 % (0–');
  await funnel.getByLabel('Groepen naar').selectOption('gender');
  await expect(control.getByRole('columnheader', { name: 'onbekend' })).toBeVisible();
  // The difference in differences follows the same variable, and says when there is too little.
  const did = page.getByRole('region', { name: 'Verschil in verschillen' });
  await expect(did.getByLabel('Fase')).toHaveValue('passed_sift');
  // Reliability: nothing in this pilot is scored yet, and it says so for either kind of score.
  const reliability = page.getByRole('region', { name: 'Betrouwbaarheid van het scoren' });
  await expect(reliability.getByText('Nog geen vraag met scores van minstens 5 kandidaten.')).toBeVisible();
  await reliability.getByLabel('het interview').check();
  await expect(reliability.getByLabel('het interview')).toBeChecked();
  await expect(reliability.getByText('Nog geen vraag met scores van minstens 5 kandidaten.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The evaluator reads the pilot they evaluate, and nothing else.
  await logIn(page, 'evaluator');
  await page.getByRole('link', { name: 'Pilots' }).click();
  await expect(page.getByRole('link', { name: DEMO_PILOT })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Breed werven, tweede ronde' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Nieuwe pilot' })).toHaveCount(0);
  await page.getByRole('link', { name: DEMO_PILOT }).click();
  await expect(page.getByText('2023-01-01 – 2024-09-30')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Vacatures zonder groep loten' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Trechter per groep' }).getByText('Nog geen sollicitanten in deze groep.')).toHaveCount(2);
  await expectNoAccessibilityViolations(page);

  // Each table downloads as CSV, and the whole evaluation as a bundle.
  const csv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Trechter per groep als CSV downloaden' }).click();
  const table = await csv;
  expect(table.suggestedFilename()).toBe('funnel-born_in_netherlands.csv');
  expect(readFileSync(await table.path(), 'utf8')).toMatch(/^variable,arm,stage,group,count,rate,/);
  const zip = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Evaluatiebundel downloaden (zip)' }).click();
  const bundle = await zip;
  expect(bundle.suggestedFilename()).toBe('evaluatie-2023-01-01.zip');
  // A zip file starts with "PK".
  expect(readFileSync(await bundle.path()).subarray(0, 2).toString()).toBe('PK');
});
