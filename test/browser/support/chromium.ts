import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageElement } from './page-elements.js';

/** Debian's chromium (`apt-get install -y chromium`); the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_PRESENT = existsSync(CHROMIUM);

/** Committed, and linked from the README: the pages as the test run last saw them. */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__screenshots__');

export async function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // A container runs the tests as root, where Chromium's sandbox cannot start; the pages are our own.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'],
    defaultViewport: { width: 1280, height: 900 },
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Clicks and waits for the page the click leads to (a form submission, a link). */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** The text of every element matching the selector, trimmed and with runs of white space made single. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements: unknown[]) =>
    (elements as PageElement[]).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}
