import { expect, test } from '@playwright/test';
import { expectNoAccessibilityViolations, logIn, pickRadio, press, tabTo } from './helpers';

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

  // A committee member confirms the agreements and reads the masked answers in their own order.
  await logIn(page, 'commissie2');
  await page.getByRole('link', { name: 'Mijn commissies' }).click();
  await expect(page.getByRole('link', { name: CLOSED })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('link', { name: CLOSED }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLOSED })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bevestigen en beginnen' })).toBeDisabled();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Ik houd me aan deze afspraken').check();
  await page.getByRole('button', { name: 'Bevestigen en beginnen' }).click();
  await page.getByRole('link', { name: 'Beoordelen' }).first().click();
  await expect(page.getByRole('heading', { name: /^Antwoord \d+ \(1 van 7\)$/ })).toBeVisible();
  await expect(page.getByText('Beoordeel de inhoud, niet de taal')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Volgende', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Vorige', exact: true })).toBeDisabled();
  await expectNoAccessibilityViolations(page);
  // A note that is too long is refused with the reason, and nothing is saved.
  await page.getByLabel('Notitie (niet verplicht)').fill('x'.repeat(1001));
  await page.getByRole('radio', { name: '3' }).check();
  await expect(page.getByRole('alert')).toHaveText('Een notitie heeft hoogstens 1000 tekens. Maak hem korter.');
  await expect(page.getByText('0 van 7 beoordeeld')).toBeVisible();
  await page.getByLabel('Notitie (niet verplicht)').fill('');
  await page.getByRole('heading', { level: 1 }).click();
  const texts: string[] = [];
  for (let position = 1; position <= 7; position++) {
    await expect(page.getByRole('heading', { name: new RegExp(`\\(${position} van 7\\)$`) })).toBeVisible();
    texts.push((await page.locator('.masked-answer__text').textContent()) ?? '');
    await page.keyboard.press('n');
  }
  const all = texts.join('\n');
  expect(all).toContain('[gender] kinderen');
  expect(all).toContain('spreek daardoor ook [herkomst]');
  expect(all).toContain('Ik ben [leeftijd]');
  expect(all).toContain('studie aan de [school] organiseerde');
  expect(all).not.toMatch(/Casablanca|Arabisch|Erasmus|lotte\.visser|Johan Smit/);

  // In English too; the placeholders follow the vacancy's language.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Score the content, not the language')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Answer \d+ \(7 of 7\)$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
});

test('three members score by keyboard and seal; the panel, a calibration, the ranking, the shortlist and two-person unblinding', async ({ page }) => {
  // Five logins and a whole sift by keyboard: on two shared cores this takes about half a minute.
  test.setTimeout(90_000);
  // Runs after the release above: the closed demo vacancy is being scored.
  const scores: Record<string, string> = { commissie1: '1', commissie2: '3', commissie3: '2' };
  for (const [member, score] of Object.entries(scores)) {
    await logIn(page, member);
    await page.getByRole('link', { name: 'Mijn commissies' }).click();
    await page.getByRole('link', { name: CLOSED }).click();
    // The heading comes with the page's content: only then does the conduct form show, or not.
    await expect(page.getByRole('heading', { level: 1, name: CLOSED })).toBeVisible();
    const agree = page.getByLabel('Ik houd me aan deze afspraken');
    if (await agree.isVisible()) {
      await agree.check();
      await page.getByRole('button', { name: 'Bevestigen en beginnen' }).click();
    }
    // Both questions, one after the other: the next one to score is always the first "Beoordelen".
    for (let question = 1; question <= 2; question++) {
      await page.getByRole('link', { name: 'Beoordelen' }).first().click();
      await expect(page.getByRole('heading', { name: /\(1 van 7\)$/ })).toBeVisible();
      for (let done = 1; done <= 7; done++) {
        await page.keyboard.press(score);
        await expect(page.getByText(`${done} van 7 beoordeeld`)).toBeVisible();
        if (done < 7) {
          await page.keyboard.press('n');
        }
      }
      await page.getByRole('button', { name: 'Scores inleveren' }).click();
      await page.getByRole('button', { name: 'Ja, inleveren' }).click();
      await expect(page.getByText('U hebt uw scores voor deze vraag ingeleverd.')).toBeVisible();
      if (question === 1 || member !== 'commissie3') {
        await page.getByRole('link', { name: 'Terug naar de vragen' }).click();
      }
    }
    if (member !== 'commissie3') {
      await expect(page.getByText('u hebt ingeleverd; wacht op de andere leden').first()).toBeVisible();
      // Every question sealed: the committee survey, once; the screen's time went in before each seal.
      const survey = page.getByRole('region', { name: 'Hoe ging het beoordelen?' });
      await expect(survey).toBeVisible();
      if (member === 'commissie1') {
        await survey.getByRole('group', { name: /beoordelingswijzer/ }).getByLabel('5 helemaal eens').check();
        await survey.getByRole('button', { name: 'Antwoorden versturen' }).click();
        await expect(survey.getByRole('status')).toHaveText('Dank u wel voor uw antwoorden.');
      }
      await expect(page.getByRole('link', { name: 'Scores van de commissie' })).toHaveCount(0);
      await expectNoAccessibilityViolations(page);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
    }
  }
  await expect(page.getByText('3 van 3 leden hebben ingeleverd.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await page.getByRole('link', { name: 'Scores van de commissie' }).first().click();
  // 1, 3 and 2 on every answer: every answer is two points apart and marked for discussion.
  await expect(page.getByText('7 antwoorden om te bespreken.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Commissielid Een: 1' }).first()).toContainText('Commissielid Twee: 3');
  await expectNoAccessibilityViolations(page);

  // Calibration: a member changes a sealed score only with a reason, and the change stays visible.
  const firstRow = page.getByRole('row').filter({ hasText: 'Antwoord 1' });
  await firstRow.getByText('Mijn score wijzigen').click();
  await firstRow.getByLabel('Nieuwe score').selectOption('3');
  await firstRow.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(firstRow.getByText('Leg in 10 tot 500 tekens uit')).toBeVisible();
  await expect(firstRow.getByLabel('Waarom wijzigt u uw score?')).toHaveAttribute('aria-invalid', 'true');
  await firstRow.getByLabel('Waarom wijzigt u uw score?').fill('Na de bespreking: het voorbeeld is toch concreet.');
  await firstRow.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(page.getByText('gewijzigd van 2 naar 3: Na de bespreking: het voorbeeld is toch concreet.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Antwoord 1' })).toContainText('Commissielid Drie: 3');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // Now the recruiter sees the ranking of pseudonymous candidates.
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('link', { name: 'Naar de screening' }).click();
  await page.getByRole('link', { name: 'Beoordeling door de commissie' }).click();
  const ranking = page.getByRole('region', { name: 'Rangorde' });
  await expect(ranking.getByRole('row')).toHaveCount(8);
  await expect(ranking.getByRole('row').nth(1)).toContainText(/^1/);
  await expect(page.getByText('Afgevallen op een knock-outvraag (niet in de rangorde): 1')).toBeVisible();
  await expect(page.locator('ul.knocked-out li')).toHaveCount(1);
  await expectNoAccessibilityViolations(page);

  // The shortlist needs an explanation; then the top three are on it and the four others are told.
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  await shortlist.getByRole('button', { name: 'Shortlist vaststellen' }).click();
  await expect(shortlist.getByText('Leg in 10 tot 1000 tekens uit')).toBeVisible();
  await shortlist.getByLabel('Uitleg van uw keuze').fill('De drie hoogste scores; de commissie was het over hen eens.');
  await shortlist.getByRole('button', { name: 'Shortlist vaststellen' }).click();
  await expect(shortlist.getByText('4 andere kandidaten hebben een e-mail gekregen. Zij blijven anoniem.')).toBeVisible();
  await expect(shortlist.locator('ol.shortlist li')).toHaveCount(3);
  await shortlist.getByRole('button', { name: 'Ontblinding aanvragen' }).click();
  await expect(shortlist.getByText('De voorzitter van de commissie moet het ontblinden nog bevestigen.')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The chair confirms, and sees no names doing so.
  await logIn(page, 'commissie1');
  await page.getByRole('link', { name: 'Mijn commissies' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('button', { name: 'Ontblinding bevestigen' }).click();
  await expect(page.getByText('De shortlist is ontblind.')).toBeVisible();
  await expect(page.getByText(/Fatima|Pieter|Anouk|Mehmet|Sanne|Lotte|Daan/)).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // Now, and only now, the recruiter sees the three names.
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('link', { name: 'Naar de screening' }).click();
  await expect(page.locator('.facts')).toContainText('Shortlist vastgesteld');
  await page.getByRole('link', { name: 'Beoordeling door de commissie' }).click();
  const names = page.getByRole('table', { name: 'Kandidaten op de shortlist' });
  await expect(names.getByRole('row')).toHaveCount(4);
  await expect(names).toContainText(/@example\.nl/);
  await expectNoAccessibilityViolations(page);
});

// The demo's applicants of the closed vacancy, in order: the n-th has reference BW-DEM00-0000n and
// access code DEM00-00000-00000-0000n (server/src/demo.rs, README.md).
const DEMO_APPLICANTS = ['Fatima el Amrani', 'Pieter de Vries', 'Anouk Jansen', 'Mehmet Yilmaz', 'Sanne Bakker', 'Johan Smit', 'Lotte Visser', 'Daan Mulder'];

test('the structured interview: a kit from the bank, two interviewers score apart and reach consensus, the recruiter decides, a candidate reads feedback', async ({ page }) => {
  test.setTimeout(90_000);
  // Runs after the unblinding above.
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('link', { name: 'Naar de screening' }).click();
  await page.getByRole('link', { name: 'Beoordeling door de commissie' }).click();
  await page.getByRole('link', { name: 'Gespreksleidraad' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gespreksleidraad' })).toBeVisible();
  const trace = page.getByRole('region', { name: 'Wat toetst wat' });
  await expect(trace.getByRole('row')).toHaveCount(4);

  // Two questions from the bank; a question that assesses nothing is refused by name.
  const bank = page.getByLabel('Vragenbank voor gesprekken');
  await expect(bank.locator('option')).toHaveCount(21);
  await bank.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Toevoegen uit de vragenbank' }).click();
  await page.getByRole('button', { name: 'Leidraad opslaan' }).click();
  await expect(page.getByText('Koppel deze vraag aan minstens één eis van deze vacature.')).toBeVisible();
  const first = page.locator('fieldset.question-editor').nth(0);
  await first.getByLabel('Je werkt graag samen met mensen buiten je eigen team.').check();
  await bank.selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Toevoegen uit de vragenbank' }).click();
  const second = page.locator('fieldset.question-editor').nth(1);
  await second.getByLabel('Je schrijft helder en begrijpelijk.').check();
  await second.getByLabel('Gewicht').selectOption('2');
  await page.getByRole('button', { name: 'Leidraad opslaan' }).click();
  await expect(page.getByText('De leidraad is opgeslagen.')).toBeVisible();
  await expect(trace.getByRole('row').filter({ hasText: 'Je werkt graag samen' })).toContainText('Gesprek 1');
  await expect(page.getByText(/^2 vragen, ongeveer \d+ minuten\.$/)).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // Interviewers: a warning below two.
  const interviewers = page.getByRole('region', { name: 'Interviewers' });
  await expect(interviewers.getByText('Kies minstens twee interviewers.')).toBeVisible();
  await interviewers.getByLabel('Commissielid Een').check();
  await interviewers.getByLabel('Commissielid Twee').check();
  await interviewers.getByRole('button', { name: 'Interviewers opslaan' }).click();
  await expect(interviewers.getByText('De interviewers zijn opgeslagen.')).toBeVisible();
  await expect(interviewers.getByText('Kies minstens twee interviewers.')).toHaveCount(0);

  // The printable guide: the kit in order, without the site's header when printed.
  await page.getByRole('link', { name: 'Leidraad afdrukken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Gespreksleidraad: ${CLOSED}` })).toBeVisible();
  await expect(page.locator('ol.guide__questions > li')).toHaveCount(2);
  await expectNoAccessibilityViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.locator('ol.guide__questions')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The first interviewer scores by keyboard and submits; the scores are sealed.
  await logIn(page, 'commissie1');
  await page.getByRole('link', { name: 'Uw gesprekken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw gesprekken' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('region', { name: CLOSED }).getByRole('link').nth(1).click();
  const heading = page.getByRole('heading', { level: 1, name: /^Scorekaart: / });
  await expect(heading).toBeVisible();
  const candidate = ((await heading.textContent()) ?? '').replace('Scorekaart: ', '').replace(/\s+\S+$/, '').trim();
  expect(DEMO_APPLICANTS).toContain(candidate);
  const q1 = page.getByRole('region', { name: 'Vraag 1 van 2' });
  const q2 = page.getByRole('region', { name: 'Vraag 2 van 2' });
  await expect(q1.getByText('Score 5: zo ziet een sterk antwoord eruit')).toBeVisible();
  await q1.getByRole('radio', { name: '1' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(q1.getByRole('radio', { name: '2' })).toBeChecked();
  await q1.getByLabel('Aantekeningen').fill('Vooral wat het team deed.');
  await page.keyboard.press('Tab');
  await expect(page.getByText('1 van 2 beoordeeld')).toBeVisible();
  await q2.getByRole('radio', { name: '3' }).check();
  await expect(page.getByText('2 van 2 beoordeeld')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Scores inleveren' }).click();
  await page.getByRole('button', { name: 'Ja, inleveren' }).click();
  await expect(page.getByText('Uw scores zijn ingeleverd.')).toBeVisible();
  await expect(q1.getByRole('radio', { name: '3' })).toBeDisabled();
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The second interviewer sees nothing of the first's scores, scores apart, and submits.
  await logIn(page, 'commissie2');
  await page.getByRole('link', { name: 'Uw gesprekken' }).click();
  await page.getByRole('link', { name: candidate }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Scorekaart: ${candidate}`) })).toBeVisible();
  await expect(page.getByText('0 van 2 beoordeeld')).toBeVisible();
  await q1.getByRole('radio', { name: '4' }).check();
  await q2.getByRole('radio', { name: '3' }).check();
  await expect(page.getByText('2 van 2 beoordeeld')).toBeVisible();
  await page.getByRole('button', { name: 'Scores inleveren' }).click();
  await page.getByRole('button', { name: 'Ja, inleveren' }).click();
  await expect(page.getByText('Alle interviewers hebben ingeleverd.')).toBeVisible();

  // Consensus: side by side, the two-point difference flagged; a change needs a reason and stays visible.
  await page.getByRole('link', { name: 'Overleg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overleg' })).toBeVisible();
  const disagreement = page.getByRole('region').filter({ hasText: 'De scores liggen twee punten of meer uit elkaar.' });
  await expect(disagreement).toHaveCount(1);
  await expect(disagreement).toContainText('Commissielid Een: 2');
  await expect(disagreement).toContainText('Commissielid Twee: 4');
  await expectNoAccessibilityViolations(page);
  await disagreement.getByText('Mijn score wijzigen').click();
  await disagreement.getByLabel('Nieuwe score').selectOption('3');
  await disagreement.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(disagreement.getByText('Leg in 10 tot 500 tekens uit')).toBeVisible();
  await disagreement.getByLabel('Waarom wijzigt u uw score?').fill('In het overleg: het resultaat was van het team, niet van de kandidaat.');
  await disagreement.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(page.getByText('gewijzigd van 4 naar 3: In het overleg: het resultaat was van het team, niet van de kandidaat.')).toBeVisible();
  // Weights 1 and 2: (1 × 2.5 + 2 × 3) / 3.
  await expect(page.locator('.score-summary')).toContainText('2.83');
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The recruiter sees the interview score beside the sift score, decides, and sends the feedback reports.
  await logIn(page, 'recruiter');
  await page.getByRole('link', { name: 'Uw vacatures' }).click();
  await page.getByRole('link', { name: CLOSED }).click();
  await page.getByRole('link', { name: 'Naar de screening' }).click();
  await page.getByRole('link', { name: 'Beoordeling door de commissie' }).click();
  await page.getByRole('link', { name: 'Gespreksleidraad' }).click();
  await page.getByRole('link', { name: 'Gesprekken en besluit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gesprekken en besluit' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: candidate })).toContainText('2.83 (#1)');
  const decision = page.getByRole('region', { name: new RegExp(`^${candidate}`) });
  await decision.getByLabel('Niet gekozen').check();
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision.getByText('Leg het besluit uit in 10 tot 2.000 tekens.')).toBeVisible();
  await decision.getByLabel('Uitleg van het besluit').fill('In het gesprek weinig eigen voorbeelden; gespreksscore 2,83.');
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision.getByText('Niet gekozen:', { exact: false })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const feedback = page.getByRole('region', { name: 'Toelichting voor kandidaten' });
  await expect(feedback.getByText('Verstuurd: 0. Nog te versturen: 5.')).toBeVisible();
  await feedback.getByRole('button', { name: 'Toelichtingen versturen' }).click();
  await expect(feedback.getByText('5 toelichtingen verstuurd.')).toBeVisible();
  await expect(feedback.getByText('Verstuurd: 5. Nog te versturen: 0.')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();

  // The candidate opens the status page and reads their own bands, and nothing of anyone else.
  const n = DEMO_APPLICANTS.indexOf(candidate) + 1;
  await page.goto('/sollicitatie/status');
  await page.getByLabel('Kenmerk').fill(`BW-DEM00-${String(n).padStart(5, '0')}`);
  await page.getByLabel('Uw code').fill(`DEM00-00000-00000-${String(n).padStart(5, '0')}`);
  await page.getByRole('button', { name: 'Status bekijken' }).click();
  const report = page.getByRole('region', { name: 'Toelichting op uw sollicitatie' });
  await expect(report).toBeVisible();
  await expect(page.getByText('Niet gekozen. Hieronder leest u hoe uw antwoorden')).toBeVisible();
  await expect(report.getByRole('article')).toHaveCount(4);
  await expect(report.getByRole('article').filter({ hasText: 'Schriftelijke vraag' }).first()).toContainText(/in het (laagste|middelste|hoogste) derde/);
  await expect(report.getByText('Er waren te weinig gesprekken')).toBeVisible();
  await expect(report.getByRole('article').filter({ hasText: 'Gespreksvraag' }).first()).toContainText('niet te vergelijken');
  for (const other of DEMO_APPLICANTS.filter((name) => name !== candidate)) {
    await expect(page.getByText(other)).toHaveCount(0);
  }
  await expectNoAccessibilityViolations(page);
});

test('an applicant out on the knock-out question looks back on the procedure, by keyboard and in English', async ({ page }) => {
  // Johan Smit failed the knock-out question: his procedure ended when the screening was released.
  const n = String(DEMO_APPLICANTS.indexOf('Johan Smit') + 1).padStart(5, '0');
  await page.goto('/');
  await press(page, page.getByRole('button', { name: 'English' }));
  const openStatus = async () => {
    await page.goto('/sollicitatie/status');
    await tabTo(page, page.getByLabel('Reference'));
    await page.keyboard.type(`BW-DEM00-${n}`);
    await tabTo(page, page.getByLabel('Your code'));
    await page.keyboard.type(`DEM00-00000-00000-${n}`);
    await press(page, page.getByRole('button', { name: 'Show status' }));
    await expect(page.getByText('The procedure has ended.')).toBeVisible();
  };
  await openStatus();
  const survey = page.getByRole('region', { name: 'How do you look back on the procedure?' });
  await pickRadio(page, survey.getByRole('group', { name: 'The procedure gave me a fair chance.' }).getByLabel('2 disagree'));
  await pickRadio(page, survey.getByRole('group', { name: 'It was clear what was asked of me.' }).getByLabel('4 agree'));
  await expectNoAccessibilityViolations(page);
  await press(page, survey.getByRole('button', { name: 'Send answers' }));
  await expect(survey.getByRole('status')).toHaveText('Thank you for your answers.');
  // Asked once: the status page, opened again, does not ask again.
  await openStatus();
  await expect(page.getByRole('region', { name: 'How did applying go?' })).toBeVisible();
  await expect(survey).toHaveCount(0);
});
