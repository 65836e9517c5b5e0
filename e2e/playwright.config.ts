// Breedwerf's browser tests. `cargo xtask test` builds the app and the server and sets
// BREEDWERF_BIN, BREEDWERF_ASSETS_DIR and CHROMIUM_PATH; Playwright starts the server on a fresh
// SQLite database with the demo accounts, and drives Debian's Chromium (never a downloaded one).
import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const port = Number(process.env.E2E_PORT ?? 8091);
const bin = process.env.BREEDWERF_BIN ?? path.resolve(__dirname, '../target/debug/breedwerf');
const assets = process.env.BREEDWERF_ASSETS_DIR ?? path.resolve(__dirname, '../dist');
const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breedwerf-e2e-'));
// The evaluation dashboard's own server: the demo with a generated pilot of 30 vacancies and 3,000
// applications, so the dashboard has scores and both arms to show without touching the first one.
const dashboardPort = port + 1;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Long keyboard flows take 25 s on two shared cores: room for a busy machine.
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      command: `"${bin}" serve --seed-demo`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        BREEDWERF_DATABASE_URL: `sqlite://${databaseDir}/e2e.db?mode=rwc`,
        BREEDWERF_BIND: `127.0.0.1:${port}`,
        BREEDWERF_ASSETS_DIR: assets,
        BREEDWERF_KEY_FILE: `${databaseDir}/breedwerf.keys`,
        RUST_LOG: 'warn',
      },
    },
    {
      command: `"${bin}" seed-demo --vacancies 30 --applications 3000 --seed 3 && "${bin}" serve`,
      url: `http://127.0.0.1:${dashboardPort}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        BREEDWERF_DATABASE_URL: `sqlite://${databaseDir}/dashboard.db?mode=rwc`,
        BREEDWERF_BIND: `127.0.0.1:${dashboardPort}`,
        BREEDWERF_ASSETS_DIR: assets,
        BREEDWERF_KEY_FILE: `${databaseDir}/dashboard.keys`,
        RUST_LOG: 'warn',
      },
    },
  ],
});
