// A Bolt logger that keeps warnings and errors, so tests can assert what the app logged.
import { LogLevel, type Logger } from '@slack/bolt';

export function recordingLogger(lines: string[]): Logger {
  const record = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  return {
    debug: () => {},
    info: () => {},
    warn: record,
    error: record,
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}
