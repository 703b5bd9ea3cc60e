import { DEMO_PASSWORD, type DemoSize, loadDemo } from '../../features/demo/load-demo.js';
import { openForCommand, parseFlags, reportCommandError } from '../open.js';

/** `kalendaryo demo --size small|large`: the demo organisation, for trying the app and for benchmarks. */
export async function run(args: string[]): Promise<number | void> {
  const flags = parseFlags(args);
  const size = (flags.size ?? 'small') as DemoSize;
  if (size !== 'small' && size !== 'large') {
    process.stderr.write('usage: kalendaryo demo [--size small|large]\n');
    return 2;
  }
  try {
    const opened = await openForCommand();
    try {
      const started = Date.now();
      let reported = 0;
      const result = await loadDemo(opened.database, {
        size,
        adminEmail: opened.config.ADMIN_EMAIL,
        onProgress: (n) => {
          if (n - reported >= 100_000) {
            reported = n;
            process.stderr.write(`  ${n} entries…\n`);
          }
        },
      });
      if (result.createdAdmin) {
        process.stdout.write(`created the first administrator ${result.createdAdmin.email} with the one-time password ${result.createdAdmin.password}\n`);
      }
      if (result.alreadyLoaded) {
        process.stdout.write(`the demo organisation is loaded already (${result.staff} demo users); nothing changed\n`);
        return;
      }
      process.stdout.write(
        `demo organisation loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.staff} staff, ${result.communities} communities, ` +
          `${result.entries} entries (${result.series} recurring series)\nevery demo user signs in with the password ${DEMO_PASSWORD}\n`,
      );
    } finally {
      await opened.close();
    }
  } catch (error) {
    return reportCommandError(error);
  }
}
