// Prints "N passed, M failed" from vitest's JSON report; failed checks outside
// vitest (lint, drift, typecheck) count as failures too.
import fs from "node:fs";

const [reportPath, failedChecks = "0"] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedChecks);
try {
  const report = JSON.parse(fs.readFileSync(reportPath, "utf8"));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed test but a failed suite: count it.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed"),
  ).length;
  failed += brokenFiles;
  if (report.numTotalTests === 0) failed += 1; // running no test is a failure
} catch (error) {
  console.error(`cannot read ${reportPath}: ${error.message}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
