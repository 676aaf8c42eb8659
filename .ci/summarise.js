// The closing line CI reads: tests passed and failed over jest's --json files. A missing file, a
// suite that failed to run or a run with no test counts as failed.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let total = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`${file}: missing (the run did not finish)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  total += r.numTotalTests;
  const slow = r.testResults.map((t) => [(t.endTime - t.startTime) / 1000, t.name.replace(`${process.cwd()}/`, '')]).sort((a, b) => b[0] - a[0]).slice(0, 5);
  console.error(`${file}: ${r.numTotalTests} tests in ${r.numTotalTestSuites} files; slowest: ${slow.map(([s, n]) => `${n} ${s.toFixed(1)} s`).join(', ')}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && total > 0 ? 0 : 1);
