import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations } from './helpers';

const PAGES = [
  { path: '/', nl: 'Welkom bij Breedwerf', en: 'Welcome to Breedwerf' },
  { path: '/inloggen', nl: 'Inloggen', en: 'Log in' },
  { path: '/toegankelijkheid', nl: 'Toegankelijkheidsverklaring', en: 'Accessibility statement' },
  { path: '/vacatures', nl: 'Vacatures', en: 'Vacancies' },
  { path: '/sollicitatie/hervatten', nl: 'Verder met uw sollicitatie', en: 'Continue your application' },
  { path: '/sollicitatie/status', nl: 'Status van uw sollicitatie', en: 'Status of your application' },
  { path: '/bestaat-niet', nl: 'Pagina niet gevonden', en: 'Page not found' },
];

for (const { path, nl, en } of PAGES) {
  test(`${path} passes axe in Dutch and English`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: nl })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page).toHaveTitle(`${nl} · Breedwerf`);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: en })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test(`${path} reflows at 200 % zoom without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: nl })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the language choice is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Breedwerf' })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Breedwerf' })).toBeVisible();
});
