import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, expectNoAccessibilityViolations, logIn } from './helpers';

for (const account of DEMO_ACCOUNTS) {
  test(`${account.username} logs in, sees a home page for the role, and logs out`, async ({ page }) => {
    await logIn(page, account.username);
    await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${account.name}` })).toBeVisible();
    await expect(page.getByText(`Uw rol: ${account.role}`)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Breedwerf' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Breedwerf' })).toBeVisible();
  });
}

test('wrong credentials get one clear message that does not say which part was wrong', async ({ page }) => {
  await logIn(page, 'onbekend', 'niet het wachtwoord');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('De gebruikersnaam of het wachtwoord klopt niet.');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
  await expectNoAccessibilityViolations(page);

  // The message follows the language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(summary).toContainText('The username or password is not right.');
});

test('empty fields are named in the error summary and at the fields', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Vul dit veld in.' })).toHaveCount(2);
  await expect(page.getByLabel('Gebruikersnaam')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAccessibilityViolations(page);
});

test('a staff member logs in with the keyboard alone', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Gebruikersnaam')).toBeFocused();
  await page.keyboard.type('recruiter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
  await page.keyboard.type('breedwerf-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Recruiter Demo' })).toBeVisible();
});

test('the admin sees the staff accounts, a page at a time', async ({ page }) => {
  await logIn(page, 'admin');
  const table = page.getByRole('table', { name: 'Accounts van medewerkers' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('cell', { name: 'commissie2' })).toBeVisible();
  await expect(page.getByText('Pagina 1 van 1 (6 accounts)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Volgende pagina', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Vorige pagina', exact: true })).toBeDisabled();
  await expectNoAccessibilityViolations(page);
});
