// Launches Debian's Chromium through playwright-core: headless, no sandbox (containers, root),
// no background traffic, and a fresh profile that is removed again on close.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * How long one browser step (a click, a wait for a text) and one whole test file (the API's start,
 * with its embedded PostgreSQL, included) may take: generous, since the machine is shared with
 * other builds and test runs, and a slow machine must never fail a test.
 */
export const STEP_TIMEOUT_MS = 60_000;
export const FILE_TIMEOUT_MS = 1_200_000;

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'chance-admin-e2e-chromium-'));
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    })
    .catch(async (error) => {
      await rm(userDataDir, { recursive: true, force: true });
      throw error;
    });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new tab of `browser` that waits up to STEP_TIMEOUT_MS for each step and records its uncaught
 * errors in `pageErrors` (prefixed with `label`, when a test drives several users).
 */
export async function openPage(browser, pageErrors, label) {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(label ? `${label}: ${error.message}` : error.message));
  return page;
}

/**
 * Signs the admin SPA out through the Profile menu, as a user would, and leaves a fresh login page.
 * react-admin shows the login form only once the logout (a request revoking the session) has
 * finished, and hands that form the page just left, to return the next user there: the login page
 * is then loaded anew, so whoever signs in next starts on the dashboard like anyone signing in.
 */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await page.locator('input[name="email"]').waitFor();
  await page.goto(new URL('/?signed-out#/login', page.url()).href);
  await page.locator('input[name="email"]').waitFor();
}
