// Structured logs (pino) on stderr: stdout carries only a command's own output.
import pino from 'pino';

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export function createLog(level = process.env.LOG_LEVEL ?? 'info'): Log {
  return pino({ level, base: { app: 'nahr' } }, pino.destination({ fd: 2, sync: true }));
}

export const silentLog: Log = { info() {}, warn() {}, error() {}, debug() {} };
