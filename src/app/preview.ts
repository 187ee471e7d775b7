// The local preview, wired: the engine is booted from the knowledge folder (again on every valid edit), and the HR
// features run on a throwaway in-memory store with you as the HR admin.
import { defaultKnowledgeDir } from '../catalog/paths.js';
import { servePreview, type PreviewServer } from '../transports/preview/server.js';
import { bootEngine } from './boot.js';
import { createSlackHr } from './slack-hr.js';

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Read for AIRISK_DATA_DIR, AIRISK_KNOWLEDGE_DIR, LOG_LEVEL, AIRISK_TIMEZONE; Slack credentials are ignored. */
  env: NodeJS.ProcessEnv;
  knowledgeDir?: string;
  /** The HR subcommands (announce, schedule, insights) with you as the HR admin and a throwaway store. Default on. */
  hr?: boolean;
}

export function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const { env } = options;
  return servePreview({
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    env,
    knowledgeDir: options.knowledgeDir ?? (env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir),
    loadEngine: (dir) => bootEngine(env, dir).engine,
    ...(options.hr === false
      ? {}
      : {
          startHr: (engine, settings) =>
            createSlackHr({ engine, settings, log: (line) => console.log(`[hr] ${line}`) }),
        }),
  });
}
