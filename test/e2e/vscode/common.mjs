// Shared helpers of the code-server layers: launching Debian's chromium through playwright-core
// with the flags DESIGN.md lists, and the plain result line the CI script sums.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

export function env(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through test/e2e/run.sh)`);
  return v;
}

export async function launchBrowser(userDataDir) {
  fs.mkdirSync(userDataDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.GONGWEN_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    locale: 'en-US',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return context;
}

/** Counts checks and prints the final `N passed, N failed` line. */
export class Tally {
  constructor(label) {
    this.label = label;
    this.passed = 0;
    this.failed = 0;
  }
  ok(name) {
    this.passed++;
    console.log(`  ok   ${name}`);
  }
  fail(name, expected, saw, screenshot) {
    this.failed++;
    console.log(`  FAIL ${name}\n       expected: ${expected}\n       saw:      ${saw}${screenshot ? `\n       screenshot: ${screenshot}` : ''}`);
  }
  check(name, cond, expected, saw, screenshot) {
    if (cond) this.ok(name);
    else this.fail(name, expected, saw, screenshot);
    return !!cond;
  }
  summary() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 && this.passed > 0 ? 0 : 1;
  }
}

export function artifact(dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
