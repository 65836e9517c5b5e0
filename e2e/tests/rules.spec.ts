import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

test("an admin adds an organisation's own rule and the recruiters' editor uses it", async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Eigen regels per organisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eigen regels per organisatie' })).toBeVisible();
  await expect(page.getByLabel('Organisatie')).toContainText('Ministerie van Voorbeeldzaken (demo)');
  await expectNoAccessibilityViolations(page);

  // Empty fields are named.
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: /Vul een patroon in/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Noem de bron van de regel/ })).toBeVisible();

  await page.getByLabel('Woord of zin').fill('kerntakendiscussie');
  await page.getByLabel('Uitleg in het Nederlands').fill('Dit woord kennen alleen wij. Zeg wat je bedoelt.');
  await page.getByLabel('Uitleg in het Engels').fill('Only we know this word. Say what you mean.');
  await page.getByLabel('Betere woorden (één per regel, hoogstens 5)').fill('gesprek over de taken');
  await page.getByLabel('Bron', { exact: true }).fill('Schrijfwijzer Voorbeeldzaken, 2026');
  await page.getByRole('button', { name: 'Regel toevoegen' }).click();
  await expect(page.getByText('De regel is toegevoegd.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Eigen regels per organisatie' })).toContainText('kerntakendiscussie');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  await logIn(page, 'recruiter');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Recruiter Demo' })).toBeVisible();
  await page.goto('/beheer/vacatures/nieuw');
  await page.getByLabel('Vacaturetekst').fill('Je leidt de kerntakendiscussie met het team.');
  const finding = page.getByRole('complementary', { name: /Meldingen/ }).getByRole('listitem').filter({ hasText: 'kerntakendiscussie' });
  await expect(finding).toContainText('Dit woord kennen alleen wij.');
  await finding.getByRole('button', { name: 'Vervang door ‘gesprek over de taken’' }).click();
  await expect(page.getByLabel('Vacaturetekst')).toHaveValue('Je leidt de gesprek over de taken met het team.');
});
