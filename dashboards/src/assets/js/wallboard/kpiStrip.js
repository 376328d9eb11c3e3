// Team (or floor) KPIs against their targets across the top of the wall board.

import { kpiCatalog } from '../kpis.js';
import { fillKpiTile } from '../scoreView.js';

/** The KPIs a wall shows: the ones with targets first; the rest are on the manager view. */
const wallKpis = ['resolvedWithin48hRate', 'satisfactionAverage10', 'followupCoverage', 'followupRecordCompliance', 'averageFirstResponseSeconds', 'firstContactResolutionRate']
  .map((key) => kpiCatalog.find((entry) => entry.key === key));

export class KpiStrip {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.container = container;
    this.kpis = null;
    this.tiles = new Map();
  }

  /** @param {object | null} kpis a KpisResource (team or floor) */
  load(kpis) {
    this.kpis = kpis;
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
      fillKpiTile(entry, this.kpis?.[entry.key] ?? null, tile);
    }
  }
}
