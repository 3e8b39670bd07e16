import type { CHECK_IDS } from '../../models/verification';
import type { Label } from '../texts/catalogue';

/** What each check is, in plain words, and what it is held against. */
export const CHECKS: Record<(typeof CHECK_IDS)[number], { title: Label; what: Label; reference: Label }> = {
  'aggregate-vs-person': {
    title: { nl: 'Snel rekenen geeft hetzelfde als persoon voor persoon rekenen', en: 'The fast calculation equals simulating person by person' },
    what: {
      nl: 'Om snel te zijn trekt het model de zorgkosten van een hele groep verzekerden in één keer, in plaats van voor iedere verzekerde apart. Dat mag alleen als de uitkomsten precies dezelfde kansverdeling hebben. De test rekent een kleine regio 1.500 keer op beide manieren door, met verschillende toevalsgetallen, en vergelijkt per uitkomst de hele verdeling, niet alleen het gemiddelde.',
      en: 'To be fast, the model draws the care costs of a whole group of insured people at once instead of person by person. That is only allowed if the outcomes have exactly the same distribution. The test simulates a small region 1,500 times both ways, with different random numbers, and compares the whole distribution of each outcome, not just its mean.',
    },
    reference: {
      nl: 'Referentie: de trage simulatie persoon voor persoon. Oordeel: Kolmogorov–Smirnov-toets op de hele verdeling (bij toeval alleen faalt hij in 0,1% van de gevallen).',
      en: 'Reference: the slow person-by-person simulation. Verdict: a Kolmogorov–Smirnov test on the whole distribution (it fails by chance alone in 0.1% of cases).',
    },
  },
  'compound-moments': {
    title: { nl: 'Gemiddelde en spreiding volgen de wiskundige formules', en: 'Mean and spread follow the mathematical formulas' },
    what: {
      nl: 'Het aantal contacten per persoon is negatief-binomiaal en de kosten per contact gamma-verdeeld; dure zorg komt daar per persoon bij. Voor zo’n opbouw zijn het gemiddelde en de variantie van de jaarkosten exact uit te rekenen. De test simuleert één groep van 2.000 personen 40.000 keer en legt de gesimuleerde waarden naast de formules.',
      en: 'Contacts per person are negative binomial and costs per contact gamma distributed; high-cost care comes on top, person by person. For such a structure the mean and variance of the yearly cost can be computed exactly. The test simulates one group of 2,000 people 40,000 times and sets the simulated values beside the formulas.',
    },
    reference: {
      nl: 'Referentie: de gesloten formules voor een samengestelde negatief-binomiaal–gammaverdeling. Oordeel: het verschil is kleiner dan 4 Monte-Carlo-fouten.',
      en: 'Reference: the closed forms of a compound negative-binomial–gamma distribution. Verdict: the difference is below 4 Monte Carlo errors.',
    },
  },
  'chance-alone': {
    title: { nl: 'Beloning of boete door toeval alleen', en: 'Reward or penalty by chance alone' },
    what: {
      nl: 'Ook als er niets verandert, schommelen de kosten van een regio van jaar tot jaar. Bij een contract met 2% drempels krijgt een kleine regio daardoor soms een beloning of een boete zonder iets te doen. De test rekent zo’n regio door zonder enige verandering en telt hoe vaak dat gebeurt.',
      en: 'Even when nothing changes, a region’s cost moves from year to year. Under a contract with 2% thresholds a small region therefore sometimes earns a reward or a penalty without doing anything. The test simulates such a region with no change at all and counts how often that happens.',
    },
    reference: {
      nl: 'Referentie: de kans volgens de normale benadering, 1 − Φ(0,02/σ) met σ = CV·√((1 + 1/P)/N) (zoals bij DeLia e.a. 2012: bij 5.000 verzekerden ongeveer een kwart van de jaren). Oordeel: verschil kleiner dan 4 Monte-Carlo-fouten.',
      en: 'Reference: the probability from the normal approximation, 1 − Φ(0.02/σ) with σ = CV·√((1 + 1/P)/N) (as in DeLia et al. 2012: about a quarter of the years at 5,000 insured). Verdict: difference below 4 Monte Carlo errors.',
    },
  },
  conservation: {
    title: { nl: 'Geld verdwijnt niet en ontstaat niet', en: 'Money is neither lost nor created' },
    what: {
      nl: 'Een contract verschuift alleen geld tussen partijen: wat de een krijgt, betaalt de ander. Daarom moet de som van de resultaten van alle partijen onder ieder contract gelijk zijn, in elke run en elk jaar. De test vergelijkt die som voor alle contracten van het standaardscenario, plus een paar extra varianten.',
      en: 'A contract only moves money between parties: what one receives, another pays. So the sum of all parties’ results must be the same under every contract, in every run and year. The test compares that sum for every contract of the default scenario, plus a few extra variants.',
    },
    reference: {
      nl: 'Referentie: de som onder het eerste contract. Oordeel: grootste relatieve verschil hoogstens 10⁻⁹ (alleen afrondingsverschillen).',
      en: 'Reference: the sum under the first contract. Verdict: largest relative difference at most 10⁻⁹ (rounding only).',
    },
  },
  'workers-bit-identity': {
    title: { nl: 'Hetzelfde antwoord, hoe je ook rekent', en: 'The same answer however it is computed' },
    what: {
      nl: 'De werkbank verdeelt de runs over meerdere rekenprocessen (workers) en in blokken. Dat mag de uitkomst nergens veranderen, tot op het laatste bit. De test rekent het standaardscenario met 1, 2 en 8 workers en verschillende blokgroottes en telt de getallen die verschillen.',
      en: 'The workbench spreads runs over several computing processes (workers) and in chunks. That must not change any result, down to the last bit. The test runs the default scenario with 1, 2 and 8 workers and different chunk sizes and counts the numbers that differ.',
    },
    reference: {
      nl: 'Referentie: de berekening met één worker in één blok. Oordeel: geen enkel getal mag verschillen.',
      en: 'Reference: the computation with one worker in one chunk. Verdict: not a single number may differ.',
    },
  },
  'node-browser-bit-identity': {
    title: { nl: 'Browser en server rekenen tot op het laatste bit gelijk', en: 'Browser and server agree to the last bit' },
    what: {
      nl: 'Dezelfde berekening draait in de browser en in Node (de opdrachtregel). Browsers ronden sommige rekenfuncties anders af; daarom gebruikt het model zijn eigen functies. De browsertest rekent het standaardscenario in Chromium en vergelijkt elk getal van de samenvatting met Node.',
      en: 'The same computation runs in the browser and in Node (the command line). Browsers round some math functions differently, so the model uses its own. The browser test runs the default scenario in Chromium and compares every number of the summary with Node.',
    },
    reference: {
      nl: 'Referentie: de samenvatting die Node berekent. Oordeel: geen enkel getal mag verschillen. Deze controle draait ná de build; de cijfers komen dus uit de vorige testrun.',
      en: 'Reference: the summary Node computes. Verdict: not a single number may differ. This check runs after the build, so its figures come from the previous test run.',
    },
  },
};

/** The verification page's own texts. */
export const VERIFICATION_TEXTS = {
  title: { nl: 'Hoe weten we dat het klopt?', en: 'How do we know it is right?' },
  intro: {
    nl: 'De testreeks van de werkbank legt de rekenkern naast dingen die niet uit de werkbank zelf komen: wiskundige formules, een trage maar voor de hand liggende berekening, en gepubliceerde kansen. Hieronder staat per controle wat er gecontroleerd wordt, in gewone woorden, met de cijfers van de laatste testrun: de referentie, de uitkomst, de Monte-Carlo-fout (de onzekerheid door het beperkte aantal runs) en het oordeel.',
    en: 'The workbench’s test suite sets the engine beside things that do not come from the workbench itself: mathematical formulas, a slow but obvious computation, and published probabilities. Below, each check says what is checked, in plain words, with the figures of the last test run: the reference, the result, the Monte Carlo error (the uncertainty from the limited number of runs) and the verdict.',
  },
  build: { nl: 'Deze versie is gebouwd uit commit', en: 'This version was built from commit' },
  uncommitted: { nl: 'met niet-vastgelegde wijzigingen', en: 'with uncommitted changes' },
  notMeasured: { nl: 'Nog niet gemeten in deze build: de testreeks is niet gedraaid vóór het bouwen.', en: 'Not yet measured in this build: the test suite did not run before the build.' },
  measured: { nl: 'Gemeten', en: 'Measured' },
  onCommit: { nl: 'op commit', en: 'on commit' },
  earlier: { nl: 'een andere commit dan deze build', en: 'a different commit from this build' },
  row: { nl: 'Controle', en: 'Check' },
  reference: { nl: 'Referentie', en: 'Reference' },
  result: { nl: 'Uitkomst', en: 'Result' },
  mcse: { nl: '± Monte-Carlo-fout', en: '± Monte Carlo error' },
  criterion: { nl: 'Criterium', en: 'Criterion' },
  verdict: { nl: 'Oordeel', en: 'Verdict' },
  pass: { nl: '✓ klopt', en: '✓ holds' },
  fail: { nl: '✗ klopt niet', en: '✗ fails' },
  none: { nl: 'geen (exact)', en: 'none (exact)' },
  back: { nl: '← Terug naar de werkbank', en: '← Back to the workbench' },
  test: { nl: 'Test', en: 'Test' },
} satisfies Record<string, Label>;
