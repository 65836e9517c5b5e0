// The control arm's outcomes, on the generated pilot's server (see playwright.config.ts): its
// control vacancies selected the regular way, outside Breedwerf, and the recruiter records how far
// each applicant came. An outcome never goes back.
import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8091) + 1}` });

test('a recruiter records how far an applicant to a control vacancy came, and only further', async ({ page }) => {
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  // The list says which arm each vacancy is in.
  const control = page.getByRole('row').filter({ hasText: 'Controlegroep' }).first();
  await control.getByRole('link').click();
  await page.getByRole('link', { name: 'Uitkomsten vastleggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitkomsten van de gewone procedure' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Uitkomsten van de gewone procedure' });
  await expect(table.getByRole('combobox').first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Someone who was not invited: only further outcomes can be chosen.
  const notInvited = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Niet uitgenodigd', exact: true }) });
  const reference = (await notInvited.first().locator('code').textContent()) ?? '';
  expect(reference).toMatch(/^BW-/);
  const row = table.getByRole('row').filter({ hasText: reference });
  const select = row.getByRole('combobox');
  await expect(select.getByRole('option', { name: 'Niet uitgenodigd' })).toBeDisabled();
  await select.selectOption({ label: 'Gesprek gevoerd' });
  await row.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(row.getByRole('status')).toHaveText('Vastgelegd.');
  await expect(row.getByRole('cell', { name: 'Gesprek gevoerd', exact: true })).toBeVisible();
  await expect(select.getByRole('option', { name: 'Uitgenodigd voor een gesprek' })).toBeDisabled();
  await expect(select.getByRole('option', { name: 'Aangenomen' })).toBeEnabled();
  await expectNoAccessibilityViolations(page);
});
