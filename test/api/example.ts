import { OptionError, formatReport, lint, type Finding, type LintReport } from 'lambda-lint';

// Usage: node example.js build/function.zip [more packages...]
const paths = process.argv.slice(2);

let report: LintReport;
try {
  report = await lint(paths, { runtime: 'provided.al2', architecture: 'x86_64' });
} catch (error) {
  if (error instanceof OptionError) {
    console.error(`invalid option: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

for (const artifact of report.artifacts) {
  if (artifact.inputError !== null) {
    console.error(`${artifact.path}: cannot be read: ${artifact.inputError}`);
    continue;
  }

  const errors: Finding[] = artifact.findings.filter((finding) => finding.severity === 'error');
  console.log(`${artifact.path}: entrypoint ${artifact.entrypoint ?? 'none'}, errors: ${errors.length}`);
  for (const finding of errors) {
    console.log(`  ${finding.ruleId} ${finding.ruleName} ${finding.entry ?? ''}`);
  }
}

// The same report as the CLI's --format sarif prints it, e.g. for a code scanning upload.
const sarif = JSON.parse(formatReport(report, 'sarif')) as { runs: Array<{ results: unknown[] }> };
console.log(`SARIF results: ${sarif.runs[0].results.length}`);

process.exitCode = report.counts.error > 0 || report.unreadableArtifacts > 0 ? 1 : 0;
