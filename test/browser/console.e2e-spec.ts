import type { Browser, Page } from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_PRESENT, clickAndWait, launchChromium, screenshot, textsOf } from './support/chromium.js';
import type { PageControl, PageElement, PageTableRow } from './support/page-elements.js';
import { startConsoleServer, type ConsoleServer } from './support/console-server.js';

/*
 * The integrator console in a real headless Chromium (Debian's chromium driven by puppeteer-core): the consent page
 * preview of a UK account-access, a Berlin AIS and a UAE data-sharing consent, an approval made with the keyboard that
 * runs persist, the decision trace that finds it by its requestId, the metrics of its point, and a journey run. Each
 * page is saved to test/browser/__screenshots__/ (committed, linked from the README).
 */

if (!CHROMIUM_PRESENT) {
  // Said plainly, so that a skipped run is not mistaken for a passed one.
  process.stderr.write(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium)\n`,
  );
}
const describeInChromium = CHROMIUM_PRESENT ? describe : describe.skip;

describeInChromium('The integrator console in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Loads an example on the preview form and submits it unchanged, as an integrator would. */
  async function previewExample(example: string): Promise<void> {
    await page.goto(`${server.consoleUrl}/preview?example=${encodeURIComponent(example)}`, { waitUntil: 'load' });
    await clickAndWait(page, 'form[action="/console/preview/run"] button[type="submit"]');
  }

  /** Every form control of the page that a person operates has a label naming it. */
  function unlabelledControls(): Promise<string[]> {
    return page.$$eval('input:not([type="hidden"]), select, textarea, button', (controls: unknown[]) =>
      (controls as PageControl[])
        .filter(
          (control) =>
            (control.labels === undefined || control.labels === null || control.labels.length === 0) &&
            (control.textContent ?? '').trim() === '',
        )
        .map((control) => control.outerHTML),
    );
  }

  it('shows the overview, with a skip link as the first stop of the keyboard', async () => {
    await page.goto(server.consoleUrl, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    expect(await page.$eval(':focus', (element: unknown) => (element as PageElement).textContent)).toBe(
      'Skip to content',
    );
    expect(await textsOf(page, 'h1')).toEqual(['Integrator console']);
    expect(await textsOf(page, 'table code')).toEqual(['/default', '/uk', '/berlin', '/uae']);
    await screenshot(page, 'console-overview');
  });

  it('offers an editable example for every consent type of every served specification', async () => {
    await page.goto(`${server.consoleUrl}/preview?example=uk%3Aaccount-access`, { waitUntil: 'load' });
    expect(
      await page.$$eval('#example optgroup', (groups: unknown[]) =>
        (groups as PageElement[]).map((group) => group.getAttribute('label')),
      ),
    ).toEqual([
      expect.stringMatching(/^default: /),
      expect.stringMatching(/^uk: /),
      expect.stringMatching(/^berlin: /),
      expect.stringMatching(/^uae: /),
    ]);
    expect(await page.$$eval('#example option', (options: unknown[]) => options.length)).toBe(21);
    expect(JSON.parse(await page.$eval('#body', (textarea: unknown) => (textarea as PageControl).value))).toMatchObject(
      { Data: { Permissions: expect.arrayContaining(['ReadAccountsBasic']) } },
    );
    expect(await unlabelledControls()).toEqual([]);
    await screenshot(page, 'preview-form');
  });

  it('renders a UK account-access consent: the permissions in plain language, the expiry, and check boxes over the customer accounts', async () => {
    await previewExample('uk:account-access');
    expect(await textsOf(page, '#consent-page-heading')).toEqual(['uk-journey-tpp requests your consent']);
    expect(await textsOf(page, '.consent-page .box h3')).toEqual([
      'Access expires',
      'Transactions from',
      'Transactions until',
      'What will be shared',
    ]);
    expect(await textsOf(page, '.consent-page .box:has(fieldset) > ul li')).toEqual([
      'Your account names, types and currencies',
      'Your account numbers and sort codes, as well as names, types and currencies',
      'Your transactions, with their details such as payee account numbers',
      'Money paid into your accounts',
      'Money paid out of your accounts',
    ]);
    // allowMultipleAccounts: one check box per account of the demo customer.
    const accounts = await page.$$eval('.consent-page input[type="checkbox"]', (boxes: unknown[]) =>
      (boxes as PageControl[]).map((box) => box.value),
    );
    expect(accounts).toEqual(expect.arrayContaining(['Max Bonus Account (…3459)', 'Salary Saver Account (…3456)']));
    expect(accounts).toHaveLength(7);
    expect(await textsOf(page, '.exchange .ok')).toEqual([
      'satisfies the contract',
      'uses the answer',
      'satisfies the contract',
      'uses the answer',
      'satisfies the contract',
      'uses the answer',
    ]);
    expect(await unlabelledControls()).toEqual([]);
    await screenshot(page, 'uk-account-access-consent-page');
  });

  it('approves it with the keyboard: persist runs and the stored consent is Authorised on the chosen account', async () => {
    await page.focus('input[value="Max Bonus Account (…3459)"]');
    await page.keyboard.press('Space');
    await page.focus('button[value="approve"]');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    expect(await textsOf(page, '#stored-consent')).toEqual(['Stored consent']);
    expect(
      await page.$$eval('dl.facts dt', (terms: unknown[]) =>
        (terms as PageElement[]).map(
          (term) => `${term.textContent ?? ''}: ${term.nextElementSibling?.textContent ?? ''}`,
        ),
      ),
    ).toEqual(expect.arrayContaining(['Status: Authorised', 'Type: accounts']));
    const mappings = await page.$$eval('table tbody tr', (rows: unknown[]) =>
      (rows as PageTableRow[]).map((row) => Array.from(row.cells, (cell) => cell.textContent)),
    );
    // One mapping per permission, all on the one account chosen.
    expect(mappings).toEqual(
      [
        'ReadAccountsBasic',
        'ReadAccountsDetail',
        'ReadTransactionsDetail',
        'ReadTransactionsCredits',
        'ReadTransactionsDebits',
      ].map((permission) => ['psu@wso2.com', 'authorisation: Authorised', '30080098763459', permission, 'active']),
    );
    const persist = await textsOf(page, '.exchange h3');
    expect(persist.at(-1)).toBe('The customer approves: persist-authorized-consent');
    await screenshot(page, 'uk-account-access-approved');
  });

  it('finds the approval in the decision trace by its requestId, and links to the metrics of its point', async () => {
    const [requestId] = await textsOf(page, '#stored-consent + p code');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await clickAndWait(page, '#stored-consent + p a');
    expect(page.url()).toBe(`${server.consoleUrl}/trace?id=${requestId}`);
    const rows = await page.$$eval('table', (tables: unknown[]) =>
      (tables as PageElement[]).map((table) => [
        table.querySelector('caption')?.textContent ?? '',
        Array.from(table.querySelectorAll('tbody tr') as ArrayLike<PageTableRow>, (row) =>
          Array.from(row.cells, (cell) => cell.textContent).slice(1, 5),
        ),
      ]),
    );
    expect(rows[0]).toEqual([
      `Calls with requestId ${requestId} (1, newest first)`,
      [['persist-authorized-consent', 'Success', '-', 'uk']],
    ]);
    // The call's consent, with every decision on it, newest first: persist after populate after the creation.
    expect(rows[1][0]).toMatch(/^Every decision on consent [0-9a-f-]{36}, the consent of that call/);
    expect((rows[1][1] as string[][]).map((row) => row[0])).toEqual([
      'persist-authorized-consent',
      'populate-consent-authorize-screen',
      'enrich-consent-creation-response',
    ]);
    await screenshot(page, 'decision-trace');

    await clickAndWait(page, 'table a[href^="/console/metrics"]');
    expect(await textsOf(page, 'h1')).toEqual(['Metrics of persist-authorized-consent']);
    expect(await textsOf(page, 'table:first-of-type tbody td:nth-child(1)')).toEqual(['success']);
    await screenshot(page, 'point-metrics');
  });

  it('renders a Berlin AIS consent on named accounts: what is shared per account, read-only', async () => {
    await previewExample('berlin:ais-dedicated');
    expect(await textsOf(page, '#consent-page-heading')).toEqual(['berlin-journey-tpp requests your consent']);
    expect(await textsOf(page, '.consent-page .box h3')).toEqual([
      'Valid until',
      'Recurring access',
      'Access without you, per day',
      'Euro Travel Account (DE89370400440532013000)',
    ]);
    expect(await textsOf(page, '.consent-page .box:nth-of-type(4) li')).toEqual([
      'Account details',
      'Balances',
      'Transactions',
    ]);
    expect(await textsOf(page, '.consent-page .accounts li')).toEqual(['Euro Travel Account (DE89370400440532013000)']);
    expect(await page.$$('.consent-page input[type="checkbox"], .consent-page select')).toHaveLength(0);
    await screenshot(page, 'berlin-ais-consent-page');
  });

  it('renders a UAE data-sharing consent pushed in the request object: the permissions and the accounts of the requested types', async () => {
    await previewExample('uae:data-sharing');
    expect(await textsOf(page, '.exchange h3')).toEqual([
      'The TPP pushes the authorization request: validate-authorization-request',
      'The customer opens the consent page: populate-consent-authorize-screen',
    ]);
    expect(await textsOf(page, '.consent-page .box h3')).toEqual(
      expect.arrayContaining(['Consent expires', 'What will be shared']),
    );
    expect(await textsOf(page, '.consent-page .box:has(fieldset) > ul li')).toEqual([
      'Your account names, types and currencies',
      'Your account names, types, currencies and account numbers',
      'Your account balances',
      'Your transactions, with their descriptions and counterparties',
    ]);
    // Retail current and savings accounts only (AccountSubType CurrentAccount, Savings): no credit card.
    const accounts = await page.$$eval('.consent-page input[type="checkbox"]', (boxes: unknown[]) =>
      (boxes as PageControl[]).map((box) => box.value),
    );
    expect(accounts).toContain('Everyday Current Account (60161331926819)');
    expect(accounts.some((name) => name.includes('Credit Card'))).toBe(false);
    await screenshot(page, 'uae-data-sharing-consent-page');
  });

  it('runs a journey step by step, each call with its request, answer, verdict and requestId', async () => {
    await page.goto(`${server.consoleUrl}/journeys`, { waitUntil: 'load' });
    await page.select('#spec', 'default');
    await screenshot(page, 'journey-form');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 }),
      page.click('form button[type="submit"]'),
    ]);
    expect(await textsOf(page, '[role="status"]')).toEqual([
      expect.stringMatching(/^Every step passed: \d+ passed, 0 failed, 0 skipped\.$/),
    ]);
    expect((await textsOf(page, 'ol > li > h2')).every((title) => title.startsWith('Passed · '))).toBe(true);
    expect(await page.$$eval('.exchange .bad', (marks: unknown[]) => marks.length)).toBe(0);
    expect(
      await page.$$eval('.exchange a[href^="/console/trace?id="]', (links: unknown[]) => links.length),
    ).toBeGreaterThan(10);
    // The first step opened, as a person reads it: the request, the answer and the verdict of each call.
    await page.click('#step-1 summary');
    expect(await textsOf(page, '#step-1 .exchange h3')).toEqual([
      'Call 1: pre-process-consent-creation',
      'Call 2: enrich-consent-creation-response',
    ]);
    await screenshot(page, 'journey-run');
  }, 120_000);
});
