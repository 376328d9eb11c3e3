// The live connection of a dashboard: SignalR hub /hubs/live with automatic reconnection, a
// visible state indicator, and a full resynchronisation on every (re)connect: subscribe to
// the scopes again, then reload state over REST while holding back pushed messages, then apply
// the held-back messages, so nothing that happened while disconnected (or while loading) is lost.

import { t, onLanguageChange } from './i18n.js';

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
   */
  constructor({ scopes, indicator, resync, handlers }) {
    this.scopes = scopes;
    this.indicator = indicator;
    this.resync = resync;
    this.handlers = handlers;
    /** @type {LiveState} */
    this.state = 'connecting';
    this.held = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/live')
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount, elapsedMilliseconds }) =>
          elapsedMilliseconds > reconnectingForMs ? null : retryDelaysMs[Math.min(previousRetryCount, retryDelaysMs.length - 1)],
      })
      .configureLogging(quietLogger)
      .build();
    for (const [name, handler] of Object.entries(handlers)) {
      this.connection.on(name, (payload) => this.deliver(name, handler, payload));
    }
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
    try {
      await this.connection.start();
    } catch (error) {
      console.warn(`[live] connection failed: ${error?.message ?? error}`);
      this.show('offline');
      this.retryLater();
      return;
    }
    await this.synchronise();
  }

  retryLater() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.connection.state === signalR.HubConnectionState.Disconnected) this.start();
    }, offlineRetryMs);
  }

  async synchronise() {
    this.held = [];
    try {
      for (const scope of this.scopes) await this.connection.invoke('Subscribe', scope);
      await this.resync();
    } catch (error) {
      console.warn(`[live] resynchronisation failed: ${error?.message ?? error}`);
      this.held = null;
      // Drop the connection so the reconnect path runs the whole synchronisation again.
      await this.connection.stop();
      return;
    }
    const held = this.held;
    this.held = null;
    for (const { handler, payload } of held) handler(payload);
    this.show('connected');
  }

  deliver(name, handler, payload) {
    if (this.held) this.held.push({ handler, payload });
    else handler(payload);
  }

  /** @param {LiveState} state */
  show(state) {
    this.state = state;
    this.indicator.dataset.state = state;
    this.indicator.textContent = t(`live.${state}`);
  }
}
