// The evaluation dashboard over a generated pilot (its own server, see playwright.config.ts): the
// evaluator filters it, reads a plot and the table beside it, and downloads the bundle.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn } from './helpers';

const DEMO_PILOT = 'Breed werven en objectief selecteren';

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8091) + 1}` });

test('an evaluator filters the dashboard, reads a plot and its table, and downloads the bundle', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'evaluator');
  await page.getByRole('link', { name: 'Pilots' }).click();
  await page.getByRole('link', { name: DEMO_PILOT }).click();

  // The funnel of the whole pilot: everyone who applied in the pilot arm.
  const funnel = page.getByRole('region', { name: 'Trechter per groep' });
  const applied = funnel.getByRole('table', { name: 'Pilotgroep' }).getByRole('row').filter({ hasText: 'Gesolliciteerd' });
  const everyone = applied.getByRole('cell').last();
  await expect(everyone).toHaveText(/^\d+$/);
  const whole = Number(await everyone.textContent());
  expect(whole).toBeGreaterThan(100);

  // One salary band: fewer people, and the CSV link follows the filter.
  const csv = funnel.getByRole('link', { name: 'Trechter per groep als CSV downloaden' });
  const band = page.getByRole('combobox', { name: 'Salarisschaal' });
  const scale = await band.locator('option').nth(1).getAttribute('value');
  await band.selectOption(scale!);
  await expect(everyone).not.toHaveText(String(whole));
  const part = await everyone.textContent();
  expect(part === 'verborgen' || Number(part) < whole, `${part} of ${whole}`).toBeTruthy();
  await expect(csv).toHaveAttribute('href', new RegExp(`${scale}$`));
  // Combined with a quarter: fewer still, and both in the CSV link.
  const quarter = page.getByRole('combobox', { name: 'Kwartaal van publicatie' });
  const published = await quarter.locator('option').nth(4).getAttribute('value');
  await quarter.selectOption(published!);
  await expect(csv).toHaveAttribute('href', new RegExp(`${published}&${scale}$`));
  // Every panel follows the filter, down to effort and experience.
  const effortCsv = page.getByRole('link', { name: 'Moeite en uitval als CSV downloaden' });
  await expect(effortCsv).toHaveAttribute('href', new RegExp(`effort\\.csv\\?${published}&${scale}$`));
  const both = await everyone.textContent();
  expect(both === 'verborgen' || part === 'verborgen' || Number(both) <= Number(part), `${both} of ${part}`).toBeTruthy();
  await band.selectOption('');
  await quarter.selectOption('');
  await expect(everyone).toHaveText(String(whole));

  // Who applied: the arms beside the period before the pilot.
  const composition = page.getByRole('region', { name: 'Wie solliciteerden' });
  await expect(composition.getByRole('columnheader', { name: 'Eerdere periode' })).toBeVisible();
  await expect(composition.getByRole('row').filter({ hasText: 'buiten Nederland' })).toContainText('%');

  // The difference in differences: a plot, and the same numbers in the table below it.
  const did = page.getByRole('region', { name: 'Verschil in verschillen' });
  await expect(did.getByRole('img', { name: /^Verschil in verschillen per groep/ })).toBeVisible();
  await expect(did.getByRole('row').filter({ hasText: 'buiten Nederland' })).toContainText(/[+−-]\d+,?\.?\d* %/);

  // Reliability: each vacancy's plot with its table beside it.
  const reliability = page.getByRole('region', { name: 'Betrouwbaarheid van het scoren' });
  await expect(reliability.getByRole('img', { name: /^ICC\(2,1\)/ }).first()).toBeVisible();
  await expect(reliability.getByRole('table').first()).toBeVisible();
  // Fidelity: the pilot arm's committees sealed every score before the discussion.
  const fidelity = page.getByRole('region', { name: 'Uitvoering per vacature' });
  await expect(fidelity.getByRole('row').filter({ hasText: 'Pilotgroep' }).first()).toContainText('100 %');
  // Effort: where people stopped, and how long sending took.
  const effort = page.getByRole('region', { name: 'Moeite en uitval' });
  await expect(effort.getByRole('row').filter({ hasText: 'Pagina: privacyverklaring' })).toContainText('stopte hier');
  await expect(effort.getByRole('row').filter({ hasText: 'Minuten tot versturen (mediaan)' })).toContainText(/\d+/);
  // Experience: the applicants' survey per arm, and the committee's time on the scoring screens.
  const experience = page.getByRole('region', { name: 'Ervaring en werklast' });
  const afterSending = experience.getByRole('table', { name: 'Sollicitanten, na het versturen' });
  // The share agreeing with its interval (the mean shows only where no count of the line is hidden).
  await expect(afterSending.getByRole('row').filter({ hasText: 'Eerlijke kans' }).first()).toContainText(/\d+ % \(\d+–\d+ %\)/);
  const screens = experience.getByRole('table', { name: /beoordelingsschermen/ });
  await expect(screens.getByRole('row').filter({ hasText: 'Pilotgroep' })).toContainText(/\d+\.\d/);
  const scorecards = experience.getByRole('table', { name: /interviewformulier/ });
  await expect(scorecards.getByRole('row').filter({ hasText: 'Pilotgroep' })).toContainText(/\d+\.\d/);
  await expectNoAccessibilityViolations(page);

  const zip = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Evaluatiebundel downloaden (zip)' }).click();
  // A zip file starts with "PK".
  expect(readFileSync(await (await zip).path()).subarray(0, 2).toString()).toBe('PK');
});
