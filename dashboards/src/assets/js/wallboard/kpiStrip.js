// Team (or floor) KPIs against their targets across the top of the wall board, each with a
// sparkline of its daily values over the last days (today's point follows the live KPIs).

import { t } from '../i18n.js';
import { kpiCatalog } from '../kpis.js';
import { fillKpiTile } from '../scoreView.js';
import { sparkline, dailyValues } from '../chart.js';

/** The KPIs a wall shows: the ones with targets first; the rest are on the manager view. */
const wallKpis = ['resolvedWithin48hRate', 'satisfactionAverage10', 'followupCoverage', 'followupRecordCompliance', 'averageFirstResponseSeconds', 'firstContactResolutionRate']
  .map((key) => kpiCatalog.find((entry) => entry.key === key));

export class KpiStrip {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    this.kpis = null;
    /** @type {{ days: object[] } | null} the daily series (GET …/kpis/daily) */
    this.trend = null;
    this.tiles = new Map();
  }

  /** @param {object | null} kpis a KpisResource (team or floor), today's */
  load(kpis) {
    this.kpis = kpis;
    this.render();
  }

  /** @param {{ days: object[] } | null} series a DailyKpisResource */
  loadTrend(series) {
    this.trend = series;
    this.render();
  }

  render() {
    for (const entry of wallKpis) {
      let tile = this.tiles.get(entry.key);
      if (!tile) {
        tile = document.createElement('div');
        this.tiles.set(entry.key, tile);
        this.container.append(tile);
      }
      const kpi = this.kpis?.[entry.key] ?? null;
      fillKpiTile(entry, kpi, tile);
      // Follow-up coverage is a quarter-to-date ratio of customers: it has no daily series.
      const days = this.trend?.days?.length ?? 0;
      if (days > 0 && this.trend.days[0][entry.key] !== undefined) {
        const values = dailyValues(this.trend, entry.key, this.kpis ? kpi?.value ?? null : undefined);
        tile.append(sparkline(values, {
          width: 120, height: 28, target: kpi?.target ?? null, className: 'sparkline kpi-trend', ariaLabel: t('kpi.trend', { days }),
        }));
      }
    }
  }
}
