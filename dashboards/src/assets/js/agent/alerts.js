// Warnings as they come: an in-page banner always, and a browser notification when the agent
// allowed them. A complaint's latest warning replaces its earlier ones (a breach replaces them all),
// newest on top; each can be dismissed; the banner keeps a few.

import { t } from '../i18n.js';
import { clockLabel } from '../wallboard/board.js';
import { formatPercent, formatTimeOfDay } from '../format.js';
import { SeenAlerts } from '../alertKey.js';

const maxAlerts = 5;

export class AgentAlerts {
  /**
   * @param {HTMLElement} container the banner area
   * @param {HTMLButtonElement} notifyButton asks for notification permission
   * @param {string} timeZone
   */
  constructor(container, notifyButton, timeZone) {
    this.container = container;
    this.notifyButton = notifyButton;
    this.timeZone = timeZone;
    this.alerts = [];
    this.seen = new SeenAlerts();
    notifyButton.addEventListener('click', async () => {
      await Notification.requestPermission();
      this.renderNotifyButton();
    });
    this.renderNotifyButton();
  }

  /**
   * @param {'warning' | 'breached' | 'escalated'} kind
   * @param {object} payload the hub message
   * @param {number} atMs server time of arrival (of publication, for one fetched on load)
   * @param {{ notify?: boolean }} [options] notify: false for one fetched on load, already past (no desktop notification)
   */
  add(kind, payload, atMs, { notify = true } = {}) {
    // Each alert once (the server may push one again after a restart), and no second notification for it.
    if (!this.seen.firstTime(kind, payload)) return;
    const element = document.createElement('div');
    element.className = `alert alert-${kind}`;
    element.dataset.complaintId = payload.complaintId ?? '';
    element.dataset.kind = kind;
    const entry = { kind, payload, atMs, element };
    this.fill(entry);
    // A complaint's newer news supersedes its older warnings; breaches and escalations stay until dismissed.
    const superseded = (a) => a.kind === 'warning' && a.payload.complaintId === payload.complaintId;
    for (const older of this.alerts.filter(superseded)) older.element.remove();
    this.alerts = this.alerts.filter((a) => !superseded(a));
    this.alerts.unshift(entry);
    this.container.prepend(element);
    for (const old of this.alerts.splice(maxAlerts)) old.element.remove();
    if (notify) this.notify(entry);
  }

  relabel() {
    for (const entry of this.alerts) this.fill(entry);
    this.renderNotifyButton();
  }

  fill(entry) {
    const { kind, atMs, element } = entry;
    const time = document.createElement('time');
    time.className = 'alert-time';
    time.textContent = formatTimeOfDay(atMs, this.timeZone);
    const text = document.createElement('span');
    text.className = 'alert-text';
    text.textContent = describe(kind, entry.payload);
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'alert-dismiss';
    dismiss.textContent = t('agent.alert.dismiss');
    dismiss.addEventListener('click', () => {
      element.remove();
      this.alerts = this.alerts.filter((a) => a !== entry);
    });
    element.replaceChildren(time, text, dismiss);
  }

  notify(entry) {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    try {
      // One notification per complaint and kind: a newer one replaces the older on the desktop.
      new Notification(t(`ticker.${entry.kind}`), { body: describe(entry.kind, entry.payload), tag: `${entry.kind}:${entry.payload.complaintId}` });
    } catch (error) {
      console.warn(`[alerts] notification failed: ${error.message}`);
    }
  }

  renderNotifyButton() {
    const button = this.notifyButton;
    if (typeof Notification === 'undefined') {
      button.hidden = false;
      button.disabled = true;
      button.textContent = t('agent.notify.unsupported');
      return;
    }
    button.hidden = false;
    button.disabled = Notification.permission !== 'default';
    button.dataset.permission = Notification.permission;
    button.textContent = Notification.permission === 'granted' ? t('agent.notify.granted')
      : Notification.permission === 'denied' ? t('agent.notify.denied') : t('agent.notify.enable');
  }
}

function describe(kind, payload) {
  const complaint = payload.complaintId;
  const clock = clockLabel(payload.clock);
  if (kind === 'warning') return t('agent.alert.warning', { complaint, clock, percent: formatPercent(payload.fraction ?? 0) });
  if (kind === 'breached') return t('agent.alert.breached', { complaint, clock });
  return t('agent.alert.escalated', { complaint, role: payload.role ? t(`escalation.role.${payload.role}`) : '' });
}
