// The reports a manager takes away (周报/月报/季报): each as CSV or an Excel workbook, fetched with the session's token
// (a plain link cannot send it), and the printable 绩效公示 of the newest closed quarter.

import { t } from '../i18n.js';
import { download } from '../auth.js';

/** The floor's reports: i18n key and route (without format). */
export const floorReports = Object.freeze([
  { key: 'kpisDaily', path: '/api/floor/kpis/daily?days=90' },
  { key: 'kpisWeekly', path: '/api/floor/kpis/weekly?weeks=13' },
  { key: 'kpisMonthly', path: '/api/floor/kpis/monthly?months=3' },
  { key: 'satisfactionDaily', path: '/api/floor/satisfaction/daily?days=90' },
  { key: 'satisfactionWeekly', path: '/api/floor/satisfaction/weekly?weeks=13' },
  { key: 'satisfactionMonthly', path: '/api/floor/satisfaction/monthly?months=3' },
  { key: 'categories', path: '/api/floor/complaints/by-category?days=90' },
  { key: 'breachesByHour', path: '/api/floor/breaches/by-hour?days=90' },
  { key: 'breachCauses', path: '/api/floor/breach-causes?window=qtd' },
]);

/** A closed quarter's reports. */
export function quarterReports(quarter) {
  const q = encodeURIComponent(quarter);
  return [
    { key: 'quarterRanking', path: `/api/quarters/${q}/ranking`, quarter },
    { key: 'quarterTeams', path: `/api/quarters/${q}/teams`, quarter },
    { key: 'quarterSnapshot', path: `/api/quarters/${q}/snapshot`, quarter },
  ];
}

/** The route of `report` in `format` (csv or xlsx). */
export function reportUrl(path, format) {
  return `${path}${path.includes('?') ? '&' : '?'}format=${format}`;
}

/** The file name a download is saved under: the report's key, its quarter if any, and the format. */
export function reportFileName(report, format) {
  return `realtime-${report.key}${report.quarter ? `-${report.quarter}` : ''}.${format}`;
}

export class ReportList {
  /**
   * @param {HTMLElement} container
   * @param {(path: string) => Promise<any>} getJson
   */
  constructor(container, getJson) {
    this.container = container;
    this.getJson = getJson;
    /** @type {string | null} the newest closed quarter */
    this.quarter = null;
  }

  async reload() {
    try {
      const quarters = await this.getJson('/api/quarters');
      this.quarter = (Array.isArray(quarters) ? quarters : []).find((q) => q.status === 'closed')?.quarter ?? null;
    } catch {
      this.quarter = null;
    }
    this.render();
  }

  render() {
    const list = document.createElement('ul');
    list.className = 'report-list';
    const reports = [...floorReports, ...(this.quarter ? quarterReports(this.quarter) : [])];
    for (const report of reports) {
      const item = document.createElement('li');
      item.dataset.report = report.key;
      const name = document.createElement('span');
      name.className = 'report-name';
      name.textContent = t(`report.${report.key}`, { quarter: report.quarter ?? '' });
      item.append(name);
      for (const format of ['csv', 'xlsx']) item.append(this.link(report, format));
      list.append(item);
    }
    if (this.quarter) {
      const item = document.createElement('li');
      item.dataset.report = 'publication';
      const name = document.createElement('span');
      name.className = 'report-name';
      name.textContent = t('report.publication', { quarter: this.quarter });
      const open = document.createElement('a');
      open.className = 'small-button publication-link';
      open.href = `/publication.html?quarter=${encodeURIComponent(this.quarter)}`;
      open.textContent = t('report.open');
      item.append(name, open);
      list.append(item);
    }
    this.container.replaceChildren(list);
  }

  link(report, format) {
    const link = document.createElement('a');
    link.className = `small-button report-download report-${format}`;
    link.dataset.format = format;
    link.href = reportUrl(report.path, format);
    link.download = reportFileName(report, format);
    link.textContent = format === 'csv' ? 'CSV' : 'Excel';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      download(link.getAttribute('href'), link.download);
    });
    return link;
  }
}
