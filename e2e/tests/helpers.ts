import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'breedwerf-demo';

/** The demo accounts seeded by `breedwerf serve --seed-demo`, with the role each home page shows. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', name: 'Beheerder Demo', role: 'Beheerder' },
  { username: 'recruiter', name: 'Recruiter Demo', role: 'Recruiter' },
  { username: 'commissie1', name: 'Commissielid Een', role: 'Commissielid' },
  { username: 'commissie2', name: 'Commissielid Twee', role: 'Commissielid' },
  { username: 'commissie3', name: 'Commissielid Drie', role: 'Commissielid' },
  { username: 'evaluator', name: 'Evaluator Demo', role: 'Evaluator' },
];

/** Fails with the list of violations if axe-core finds any WCAG 2.1 A or AA problem on the page. */
export async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, in tab order. */
export async function tabTo(page: Page, target: Locator, maxTabs = 80) {
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Tabs to `target` and presses `key` on it. */
export async function press(page: Page, target: Locator, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Chooses a radio button as a keyboard user does: Tab into its group, arrow keys to it. */
export async function pickRadio(page: Page, target: Locator) {
  const name = await target.getAttribute('name');
  const group = page.locator(`input[type=radio][name="${name}"]`);
  const checked = group.locator(':scope:checked');
  await tabTo(page, (await checked.count()) > 0 ? checked : group.first());
  for (let i = 0; i < 10 && !(await target.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  await expect(target).toBeChecked();
}
