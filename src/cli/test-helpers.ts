/** Run the CLI in-process and capture what it prints. */
import { main } from './main.ts';
import type { Io } from './io.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(args: readonly string[], cwd = process.cwd()): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTty: false, cwd };
  const code = await main(args, io);
  return { code, out, err };
}
