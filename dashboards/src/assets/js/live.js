// The live connection of a dashboard: SignalR hub /hubs/live with automatic reconnection, a
// visible state indicator, and a full resynchronisation on every (re)connect and whenever the
// server says the board fell behind (`resync`): subscribe to
// the scopes again, then reload state over REST while holding back pushed messages, then merge
// the held-back messages on top (pushBuffer.js), so nothing that happened while disconnected
// (or while loading) is lost. Synchronisations never overlap: a reconnect during one makes it
// run again before the held pushes are applied, so an older REST answer can never land last.

import { accessToken } from './auth.js';
import { t, onLanguageChange } from './i18n.js';
import { PushBuffer } from './pushBuffer.js';

/** @typedef {'connecting' | 'connected' | 'reconnecting' | 'offline'} LiveState */

// Quick retries cover a server restart; after this long the board says it is offline but keeps trying.
const reconnectingForMs = 30_000;
const retryDelaysMs = [0, 1_000, 2_000, 3_000, 5_000];
const offlineRetryMs = 5_000;

/** A SignalR logger that keeps expected connection loss out of the error console: the indicator shows it. */
const quietLogger = {
  log(level, message) {
    if (level >= signalR.LogLevel.Warning) console.warn(`[live] ${message}`);
  },
};

export class LiveConnection {
  /**
   * @param {object} options
   * @param {string[]} options.scopes hub scopes: "floor", "team:{id}", "agent:{id}"
   * @param {HTMLElement} options.indicator element showing 实时 / 重连中 / 离线
   * @param {() => Promise<void>} options.resync reloads the page's state from REST
   * @param {Record<string, (payload: any) => void>} options.handlers hub message name → handler
   * @param {() => Promise<void>} [options.preload] loads the page's state from REST while the hub connects, so a
   *   board shows its data before (and without) its live connection; finished before the first synchronisation starts
   */
  constructor({ scopes, indicator, resync, handlers, preload = null }) {
    this.scopes = scopes;
    this.indicator = indicator;
    this.resync = resync;
    this.preload = preload;
    this.synchronised = false;
    this.handlers = handlers;
    /** @type {LiveState} */
    this.state = 'connecting';
    /** @type {PushBuffer | null} pushes held while a synchronisation runs */
    this.held = null;
    /** @type {Promise<void> | null} the synchronisation running now */
    this.syncing = null;
    this.syncAgain = false;
    this.connection = new signalR.HubConnectionBuilder()
      // A browser WebSocket cannot carry a header: SignalR sends the token as access_token in the query string.
      .withUrl('/hubs/live', { accessTokenFactory: () => accessToken() ?? '' })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount, elapsedMilliseconds }) =>
          elapsedMilliseconds > reconnectingForMs ? null : retryDelaysMs[Math.min(previousRetryCount, retryDelaysMs.length - 1)],
      })
      .configureLogging(quietLogger)
      .build();
    for (const name of Object.keys(handlers)) {
      this.connection.on(name, (payload) => this.deliver(name, payload));
    }
    // The server dropped pushes this board had not read yet (it fell too far behind): reload, as after a reconnect.
    this.connection.on('resync', () => this.synchronise());
    this.connection.onreconnecting(() => this.show('reconnecting'));
    this.connection.onreconnected(() => this.synchronise());
    this.connection.onclose(() => {
      this.show('offline');
      this.retryLater();
    });
    onLanguageChange(() => this.show(this.state));
    this.show('connecting');
  }

  /** Connects (retrying until the server answers) and synchronises. */
  async start() {
    // Until a first synchronisation, REST alone fills the page (also while the hub cannot be reached). It finishes
    // before the synchronisation starts, so its older answer can never land after the synchronised one.
    const preloading = this.preload && !this.synchronised
      ? this.preload().catch((error) => console.warn(`[live] initial load failed: ${error?.message ?? error}`))
      : null;
    try {
      await this.connection.start();
    } catch (error) {
      console.warn(`[live] connection failed: ${error?.message ?? error}`);
      this.show('offline');
      this.retryLater();
      return;
    } finally {
      await preloading;
    }
    await this.synchronise();
  }

  /**
   * Moves the connection to other scopes (the TV rotation): leaves the old ones and synchronises on the new ones,
   * or, before the hub is up, only reloads (the first synchronisation subscribes them).
   * @param {string[]} scopes
   */
  async setScopes(scopes) {
    const old = this.scopes;
    this.scopes = scopes;
    if (this.connection.state !== 'Connected' || !this.synchronised) {
      if (this.preload) await this.preload().catch((error) => console.warn(`[live] load failed: ${error?.message ?? error}`));
      return;
    }
    try {
      for (const scope of old.filter((s) => !scopes.includes(s))) await this.connection.invoke('Unsubscribe', scope);
    } catch (error) {
      console.warn(`[live] unsubscribe failed: ${error?.message ?? error}`);
    }
    await this.synchronise();
  }

  retryLater() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.connection.state === signalR.HubConnectionState.Disconnected) this.start();
    }, offlineRetryMs);
  }

  /** Subscribes and reloads; if asked again meanwhile (a reconnect), runs once more before applying held pushes. */
  synchronise() {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = this.runSynchronisation().finally(() => { this.syncing = null; });
    return this.syncing;
  }

  async runSynchronisation() {
    this.held = new PushBuffer();
    try {
      do {
        this.syncAgain = false;
        for (const scope of this.scopes) await this.connection.invoke('Subscribe', scope);
        await this.resync();
      } while (this.syncAgain);
    } catch (error) {
      console.warn(`[live] resynchronisation failed: ${error?.message ?? error}`);
      this.held = null;
      // Drop the connection so the reconnect path runs the whole synchronisation again.
      await this.connection.stop();
      return;
    }
    const held = this.held.drain();
    this.held = null;
    this.synchronised = true;
    for (const { name, payload } of held) this.dispatch(name, payload);
    this.show('connected');
  }

  deliver(name, payload) {
    if (this.held) this.held.add(name, payload);
    else this.dispatch(name, payload);
  }

  dispatch(name, payload) {
    try {
      this.handlers[name](payload);
    } catch (error) {
      // One bad message must not stop the others (nor leave the held ones unapplied).
      console.error(`[live] ${name} handler failed`, error);
    }
  }

  /** @param {LiveState} state */
  show(state) {
    this.state = state;
    this.indicator.dataset.state = state;
    this.indicator.textContent = t(`live.${state}`);
  }
}
