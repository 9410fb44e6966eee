// Worker process of the long-running engine, started by supervisor.mjs with the CLI's arguments:
// the wasm schema engine and the database connections live here, so that a crash of this
// process cannot take down the process the CLI is talking to.

import { parseArgs } from './args.mjs';
import { RpcServer } from './rpc-server.mjs';

new RpcServer(parseArgs(process.argv.slice(2))).start();
