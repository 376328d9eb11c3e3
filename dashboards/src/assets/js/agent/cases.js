// The agent's own open cases (claims, follow-ups …) with countdowns, most urgent first: the complaint list's rows and
// redraw, with the case type where a complaint shows its category, fed by a CaseList of the agent.

import { t } from '../i18n.js';
import { caseTypeLabel } from '../cases.js';
import { AgentComplaints } from './complaints.js';

export class AgentCases extends AgentComplaints {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLElement} count
   * @param {import('../cases.js').CaseList} cases the agent's open cases
   * @param {string} [timeZone]
   */
  constructor(list, count, cases, timeZone) {
    super(list, count, cases.scope.agent ?? '', timeZone);
    this.caseList = cases;
    // The rows are drawn from the case list's own map, which its pushes and snapshots keep.
    this.complaints = cases.cases;
    this.emptyKey = 'agent.casesEmpty';
    this.statusPrefix = 'case';
  }

  get loaded() {
    return this.caseList?.loaded ?? false;
  }

  set loaded(_) {
    // The case list says when it has loaded.
  }

  createRow(id) {
    const row = super.createRow(id);
    delete row.element.dataset.complaintId;
    row.element.dataset.caseId = id;
    row.element.classList.add('is-case');
    return row;
  }

  describe(view) {
    return caseTypeLabel(view.caseType) || t('case.status.open');
  }
}
