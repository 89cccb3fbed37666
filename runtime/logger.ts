import pino from 'pino';

/**
 * JSON lines in production (for log collectors); readable lines when the start command
 * runs everything in one terminal (QINGLAN_PRETTY_LOGS=1).
 */
export function createLogger(name: string, level = process.env.LOG_LEVEL || 'info') {
  const pretty = process.env.QINGLAN_PRETTY_LOGS === '1';
  return pino({
    name,
    level,
    base: pretty ? undefined : { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
  });
}
