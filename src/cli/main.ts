/**
 * The `exoscape` command line. Exit codes: 0 success, 1 runtime failure, 2 usage or input error.
 * User errors print one clear message (no stack trace); unexpected errors print the stack, since
 * they are bugs worth reporting.
 */
import { Command, CommanderError } from 'commander';
import { isUserError } from '../common/errors.ts';
import { atlasCommand } from './atlas-commands.ts';
import { startCommand } from './start-command.ts';
import { modelCommand } from './model-commands.ts';
import { scenarioCommand } from './scenario-commands.ts';
import { benchCommand } from './bench-command.ts';
import { runCommand } from './run-command.ts';
import { queryCommand } from './query-command.ts';
import { plotCommand } from './plot-command.ts';
import { sweepCommand, workerCommand } from './sweep-commands.ts';
import { serveCommand } from './serve-command.ts';
import { assayCommand, reproduceCommand } from './assay-commands.ts';
import { processIo, type Io } from './io.ts';
import { VERSION } from '../version.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(io: Io): Command {
  const program = new Command('exoscape')
    .description('Exosome communication in the hypoxic tumor microenvironment: an evidence atlas and a spatial simulator')
    .version(VERSION, '-V, --version')
    .option('--data <dir>', 'use another data directory (atlas, vocabularies, seeds) instead of the packaged one');
  const dataDir = (): string | undefined => program.opts<{ data?: string }>().data;
  program.addCommand(atlasCommand(io, dataDir));
  program.addCommand(modelCommand(io, dataDir));
  program.addCommand(scenarioCommand(io, dataDir));
  program.addCommand(runCommand(io, dataDir));
  program.addCommand(benchCommand(io));
  program.addCommand(queryCommand(io));
  program.addCommand(plotCommand(io));
  program.addCommand(sweepCommand(io));
  program.addCommand(workerCommand(io));
  program.addCommand(startCommand(io, dataDir));
  program.addCommand(serveCommand(io, dataDir));
  program.addCommand(assayCommand(io));
  program.addCommand(reproduceCommand(io, dataDir));
  // addCommand() does not copy output settings to subcommands, so apply them to the whole tree.
  const override = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => { io.out(s); }, writeErr: (s) => { io.err(s); } });
    cmd.showHelpAfterError('(run with --help for usage)');
    for (const c of cmd.commands) override(c);
  };
  override(program);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode ?? EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      // commander has already printed its message
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isUserError(e)) {
      io.err(`exoscape: ${e.describe()}\n`);
      return EXIT_USAGE;
    }
    io.err(`exoscape: internal error — please report it with the command you ran\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILURE;
  }
}
