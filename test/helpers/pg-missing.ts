// vitest globalSetup when no PostgreSQL answers: the notice is printed again at the end of
// the run, where a newcomer reading the summary sees it.
export function teardown(): void {
  process.stderr.write(`\n*** ${process.env.NAHR_PG_SKIPPED ?? 'PostgreSQL tests SKIPPED'} ***\n`);
}
