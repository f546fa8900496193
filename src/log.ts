// Structured logs (pino) on stderr: stdout carries only a command's own output. One JSON
// line per event; on a terminal, pino-pretty makes them readable (in-process and
// synchronous, so a short command's last lines are not lost on exit).
import pino from 'pino';
import pretty from 'pino-pretty';

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export function createLog(level = process.env.LOG_LEVEL ?? 'info', tty = process.stderr.isTTY === true): Log {
  const options = { level, base: { app: 'nahr' } };
  if (tty) return pino(options, pretty({ destination: 2, sync: true, colorize: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' }));
  return pino(options, pino.destination({ fd: 2, sync: true }));
}

export const silentLog: Log = { info() {}, warn() {}, error() {}, debug() {} };
