// Command line of the native schema engine binary, which the Prisma CLI passes unchanged:
//   --version | -V
//   --datamodels FILE (repeatable)   Prisma schema files
//   --datasource JSON                 {"url": ..., "shadowDatabaseUrl": ...} from prisma.config.ts
//   --enabled-preview-features LIST   ignored (the wasm engine reads preview features from the schema)
//   --extension-types JSON            ignored (no extension types with PostgreSQL here)
//   cli COMMAND                       one-shot command (see cli-commands.mjs)

export function parseArgs(argv) {
  const args = { datamodelPaths: [], datasource: undefined, version: false, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels') args.datamodelPaths.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') args.cli = argv[++i];
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}
