/**
 * The test command's steps, run in order with their own output, then one summary line.
 * Every step runs even when an earlier one failed (so one run shows every problem), except
 * the end-to-end tests, which need the Chrome build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

type Step = { name: string; command: string[]; needs?: string };

const RESULTS = 'test-results';
const UNIT_JSON = `${RESULTS}/unit.json`;
const E2E_JSON = `${RESULTS}/e2e.json`;

const steps: Step[] = [
  { name: 'typecheck', command: ['tsc', '--noEmit'] },
  { name: 'unit', command: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_JSON}`] },
  { name: 'build:chrome', command: ['wxt', 'build'] },
  { name: 'build:firefox', command: ['wxt', 'build', '-b', 'firefox'] },
  {
    name: 'lint:firefox',
    command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery', '--self-hosted'],
    needs: 'build:firefox',
  },
  { name: 'e2e', command: ['playwright', 'test'], needs: 'build:chrome' },
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const outcome = new Map<string, boolean>();
const started = Date.now();
for (const step of steps) {
  if (step.needs && !outcome.get(step.needs)) {
    console.log(`\n── ${step.name}: skipped, ${step.needs} failed`);
    outcome.set(step.name, false);
    continue;
  }
  console.log(`\n── ${step.name}: ${step.command.join(' ')}`);
  const t0 = Date.now();
  const [bin, ...args] = step.command as [string, ...string[]];
  const run = spawnSync('npx', ['--no-install', bin, ...args], { stdio: 'inherit' });
  const passed = run.status === 0;
  outcome.set(step.name, passed);
  console.log(`── ${step.name}: ${passed ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Passed/failed test counts from a runner's JSON report, or null when it wrote none. */
function counts<Report>(file: string, read: (report: Report) => [number, number]): [number, number] | null {
  if (!existsSync(file)) return null;
  return read(JSON.parse(readFileSync(file, 'utf8')) as Report);
}
type VitestReport = { numPassedTests: number; numFailedTests: number };
type PlaywrightReport = { stats: { expected: number; flaky: number; unexpected: number } };
const unit = counts<VitestReport>(UNIT_JSON, (r) => [r.numPassedTests, r.numFailedTests]);
const e2e = counts<PlaywrightReport>(E2E_JSON, (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected]);
const failedSteps = [...outcome].filter(([, ok]) => !ok).map(([name]) => name);
const passed = (unit?.[0] ?? 0) + (e2e?.[0] ?? 0);
const failed = (unit?.[1] ?? 0) + (e2e?.[1] ?? 0);

console.log(`\nunit: ${unit ? `${unit[0]} passed, ${unit[1]} failed` : 'no report'}; e2e: ${e2e ? `${e2e[0]} passed, ${e2e[1]} failed` : 'no report'}`);
console.log(`steps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${passed} passed, ${failed + (failedSteps.length && !failed ? failedSteps.length : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
