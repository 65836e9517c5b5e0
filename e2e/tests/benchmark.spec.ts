// Measures the analyser in the browser, as the editor runs it on every change: the editor writes
// the time of its last analysis (performance.now() before and after) into `data-analysis-ms`. The
// numbers are printed for BENCHMARKS.md; a timing is not a pass/fail condition of the suite.
import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

const PARAGRAPH =
  'Wij zoeken een ambitieuze en resultaatgerichte beleidsmedewerker voor ons jonge team. ' +
  'Je werkt samen met stakeholders binnen en buiten het ministerie en je zorgt ervoor dat de plannen van de directie goed ' +
  'aansluiten op wat er in de praktijk bij gemeenten en provincies gebeurt. Er wordt van je gevraagd om snel te schakelen. ' +
  'Je bent communicatief sterk, zorgvuldig en betrokken. Je hebt maximaal 5 jaar ervaring en Nederlands is je moedertaal.\n' +
  'Wat bieden wij? Schaal 10, 36 uur per week, en een inclusieve werkplek waar iedereen welkom is.\n';

function textOf(words: number): string {
  const all = PARAGRAPH.repeat(Math.ceil(words / PARAGRAPH.split(/\s+/).length) + 1).split(' ');
  return all.slice(0, words).join(' ');
}

test('analysis time in the browser for 250, 1,000 and 5,000 words', async ({ page }) => {
  test.setTimeout(240_000);
  await logIn(page, 'recruiter');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom, Recruiter Demo' })).toBeVisible();
  await page.goto('/beheer/vacatures/nieuw');
  const area = page.getByLabel('Vacaturetekst');
  const panel = page.locator('aside.findings');
  for (const words of [250, 1000, 5000]) {
    const times: number[] = [];
    // Fewer runs for the longest text: redrawing hundreds of findings dominates the test's time.
    for (let run = 0; run < (words > 1000 ? 3 : 5); run++) {
      // A different text each run, so every run analyses anew.
      await area.fill(textOf(words) + ` run ${words}-${run}`);
      await expect(panel).toHaveAttribute('data-analysis-ms', /\d/);
      times.push(Number(await panel.getAttribute('data-analysis-ms')));
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`benchmark: analyse ${words} words in the browser: median ${median.toFixed(2)} ms, min ${times[0].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
    expect(median).toBeGreaterThan(0);
  }
});

// What an applicant's browser downloads, compressed, from the list of vacancies to the first
// question: the browser's own Resource Timing (transferSize: headers and compressed body).
test('transfer size of the applicant pages', async ({ page }) => {
  await page.goto('/vacatures');
  await page.getByRole('link', { name: 'Beleidsmedewerker digitale overheid (m/v/x)' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Solliciteren', exact: true }).click();
  await page.getByRole('button', { name: 'Begin met solliciteren' }).click();
  await page.getByRole('button', { name: 'Deze vragen overslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vraag 1 van 4' })).toBeVisible();
  const sizes = await page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return entries.map((e) => ({ name: new URL(e.name).pathname, transfer: e.transferSize, body: e.decodedBodySize }));
  });
  const total = sizes.reduce((sum, e) => sum + e.transfer, 0);
  const decoded = sizes.reduce((sum, e) => sum + e.body, 0);
  for (const e of sizes) console.log(`benchmark: transfer ${e.name}: ${e.transfer} B (${e.body} B decoded)`);
  console.log(`benchmark: applicant pages, vacancy list to first question: ${sizes.length} requests, ${total} B transferred, ${decoded} B decoded`);
  expect(total).toBeGreaterThan(0);
});
