// Knowledge that follows the author's edits while the preview runs: the folder is watched (and re-checked on
// every page load and action, in case a watch event was missed), the engine is rebuilt with the loader the app
// hands in (src/app/boot.ts), and an invalid edit is reported with its problems while the last valid engine keeps
// answering.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeInvalidError, type KnowledgeProblem } from '../../catalog/knowledge/load.js';
import type { Engine } from '../../engine/types.js';

export interface KnowledgeStatus {
  /** false while the folder holds an invalid edit (the last valid knowledge is serving). */
  valid: boolean;
  /** When the knowledge that is serving was loaded (ISO time). */
  loadedAt: string;
  stats: ReturnType<Engine['stats']>;
  /** The invalid edit's problems, as `npm run kb:check` lists them. */
  problems: KnowledgeProblem[];
  /** A failure that is not about a knowledge file (e.g. the datasets folder), in words. */
  error: string | null;
}

const RELOAD_DEBOUNCE_MS = 150;

export class LiveKnowledge {
  private serving: Engine;
  private signature: string;
  private current: KnowledgeStatus;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(status: KnowledgeStatus) => void>();

  /** Boots once; invalid knowledge at start throws (the start command prints the problems and stops). */
  constructor(
    private readonly dir: string,
    private readonly load: (dir: string) => Engine,
  ) {
    this.signature = signatureOf(dir);
    this.serving = load(dir);
    this.current = this.statusOk();
  }

  /** The engine of the moment, as one object whose methods always reach the latest valid engine. */
  readonly engine: Engine = new Proxy({} as Engine, {
    get: (_target, key) => {
      const value = (this.serving as unknown as Record<PropertyKey, unknown>)[key];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(this.serving) : value;
    },
  });

  get status(): KnowledgeStatus {
    return this.current;
  }

  /** The last valid engine. */
  latest = (): Engine => this.serving;

  onChange(listener: (status: KnowledgeStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Watches the folder; edits reload after a short pause so a save that writes twice loads once. */
  watch(): void {
    try {
      this.watcher = watch(this.dir, { recursive: true }, () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), RELOAD_DEBOUNCE_MS);
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // No recursive watch on this system: the checks on page load and on every action still pick edits up.
    }
  }

  /** Reloads when any knowledge file was added, removed or changed since the last load; true if it did. */
  refresh(): boolean {
    const now = signatureOf(this.dir);
    if (now === this.signature) return false;
    this.signature = now;
    try {
      this.serving = this.load(this.dir);
      this.current = this.statusOk();
    } catch (err) {
      this.current = {
        ...this.current,
        valid: false,
        problems: err instanceof KnowledgeInvalidError ? err.problems : [],
        error: err instanceof KnowledgeInvalidError ? null : err instanceof Error ? err.message : String(err),
      };
    }
    for (const listener of this.listeners) listener(this.current);
    return true;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.listeners.clear();
  }

  private statusOk(): KnowledgeStatus {
    return {
      valid: true,
      loadedAt: new Date().toISOString(),
      stats: this.serving.stats(),
      problems: [],
      error: null,
    };
  }
}

/** Changes whenever a file under the folder is added, removed, resized or rewritten. */
function signatureOf(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else parts.push(`${path}:${st.size}:${st.mtimeMs}`);
    }
  };
  try {
    walk(dir);
  } catch {
    return 'unreadable';
  }
  return parts.join('|');
}
