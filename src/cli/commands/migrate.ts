import { openForCommand, reportCommandError } from '../open.js';

export async function run(): Promise<number | void> {
  try {
    const opened = await openForCommand();
    const { applied } = opened;
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n');
    await opened.close();
  } catch (error) {
    return reportCommandError(error);
  }
}
