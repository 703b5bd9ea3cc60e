/**
 * The `kalendaryo` command: one binary for every role (serve, worker, migrate, expand, ics …).
 * Each command lives in its own file under commands/ and is loaded only when asked for, so a quick
 * command (expand, ics check) never pays for the server's imports.
 */
export type CommandRunner = (args: string[]) => Promise<number | void>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: CommandRunner }> }> = {
  serve: { summary: 'start the server (PORT, DATA_DIR, DATABASE_URL)', load: () => import('./commands/serve.js') },
  migrate: { summary: 'apply database migrations', load: () => import('./commands/migrate.js') },
  worker: { summary: 'deliver notifications (e-mail, in-app, push, SMS) and plan reminders and digests', load: () => import('./commands/worker.js') },
  user: { summary: 'user create --email E --password P --role R', load: () => import('./commands/user.js') },
  token: { summary: 'token create --email E: print a personal API token', load: () => import('./commands/token.js') },
  demo: { summary: 'demo --size small|large: load the demo organisation', load: () => import('./commands/demo.js') },
  ics: { summary: 'ics check FILE …: what an import of FILE would create', load: () => import('./commands/ics.js') },
  import: { summary: 'import FILE --calendar ID [--as EMAIL] [--zone Z] [--report]: an .ics file into a calendar', load: () => import('./commands/import.js') },
  expand: { summary: 'expand recurrence cases (JSON Lines on stdin)', load: () => import('./commands/expand.js') },
};

function printHelp(): void {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  process.stdout.write(`usage: kalendaryo <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
}

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`kalendaryo: unknown command "${name}"\n`);
    printHelp();
    process.exitCode = 2;
    return;
  }
  const { run } = await command.load();
  const code = await run(rest);
  if (typeof code === 'number') process.exitCode = code;
}
