import { EventEmitter } from 'node:events';
import pino from 'pino';
import { exitOnProcessErrors } from './process-errors';

function setup(stop: () => Promise<void>, timeoutMs = 1_000) {
  const lines: Array<{ level: number; msg: string; kind?: string; err?: { message: string } }> = [];
  const log = pino({ base: undefined }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const proc = new EventEmitter();
  const stopSpy = jest.fn(stop);
  const onFatal = jest.fn();
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const exit = jest.fn((code: number) => resolveExit(code));
  exitOnProcessErrors({ log, stop: stopSpy, timeoutMs, onFatal, exit, proc: proc as unknown as NodeJS.Process });
  return { lines, proc, stopSpy, onFatal, exit, exited };
}

const FATAL = 60;

describe('exitOnProcessErrors', () => {
  it('logs an unhandled rejection as fatal, stops gracefully, then exits 1', async () => {
    const { lines, proc, stopSpy, onFatal, exit, exited } = setup(() => Promise.resolve());
    const reason = new Error('boom');
    proc.emit('unhandledRejection', reason, Promise.resolve());
    expect(await exited).toBe(1);
    expect(stopSpy).toHaveBeenCalledTimes(1);
    expect(onFatal).toHaveBeenCalledWith(reason);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        level: FATAL,
        kind: 'unhandledRejection',
        err: expect.objectContaining({ message: 'boom' }),
      }),
    );
  });

  it('logs an uncaught exception as fatal and exits 1 even when the stop fails', async () => {
    const { lines, proc, exited } = setup(() => Promise.reject(new Error('disconnect failed')));
    proc.emit('uncaughtException', new Error('kaboom'));
    expect(await exited).toBe(1);
    expect(lines.map((l) => l.level)).toEqual([FATAL, 50]);
    expect(lines[0]).toEqual(
      expect.objectContaining({ kind: 'uncaughtException', err: expect.objectContaining({ message: 'kaboom' }) }),
    );
  });

  it('exits 1 after the timeout when the stop hangs', async () => {
    const started = Date.now();
    const { lines, proc, exited } = setup(() => new Promise<void>(() => {}), 50);
    proc.emit('uncaughtException', new Error('stuck'));
    expect(await exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ level: 50, timeoutMs: 50 }));
  });

  it('logs a second error while stopping without stopping or exiting twice', async () => {
    let finishStop: () => void = () => {};
    const { lines, proc, stopSpy, exit, exited } = setup(() => new Promise<void>((resolve) => (finishStop = resolve)));
    proc.emit('unhandledRejection', new Error('first'), Promise.resolve());
    proc.emit('uncaughtException', new Error('second'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopSpy).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finishStop();
    expect(await exited).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopSpy).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(lines.filter((l) => l.level === FATAL).map((l) => l.err?.message)).toEqual(['first', 'second']);
  });
});
