/**
 * `npm run cli -- <command> [...]`: each command is a module in ./commands exporting
 * `run(argv): Promise<number>` (the exit code) and `usage` (its --help text).
 */
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface CliCommand {
  usage: string;
  run(argv: string[]): Promise<number>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(path.join(here, 'commands'))
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const names = available();
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(`usage: npm run cli -- <command> [options]\n\ncommands: ${names.join(', ')}\n\nEach command takes --help.`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    console.error(`unknown command "${name}". Commands: ${names.join(', ')}`);
    return 2;
  }
  const mod = (await import(`./commands/${name}.js`)) as CliCommand;
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(mod.usage);
    return 0;
  }
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
