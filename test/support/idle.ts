// When a Bolt app has finished everything it was handed. Every receiver (HTTP, Socket Mode, the preview's) hands a
// request to app.processEvent, which acknowledges it (the HTTP answer a test awaits) and then runs the listeners;
// counting the calls still running tells a test when nothing more can come of the requests it sent, so it can
// check that something did not happen (a second answer, a reply to a dropped retry) without a fixed sleep.
import type { App } from '@slack/bolt';

/** Wraps `app.processEvent`; the returned function resolves once no request is being processed. Call it after the
 *  requests' answers (their acknowledgements) or their effects have been seen, so that they have started. */
export function trackIdle(app: App, timeoutMs = 10_000): () => Promise<void> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    running++;
    try {
      return await processEvent(event);
    } finally {
      running--;
      if (running === 0) for (const resolve of waiting.splice(0)) resolve();
    }
  };
  return () =>
    running === 0
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`the app was still processing ${running} request(s) after ${timeoutMs} ms`)),
            timeoutMs,
          );
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
}
