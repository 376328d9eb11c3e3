// Sorting of the views' tables: numbers numerically with "no data" always last, text by locale.

/**
 * A sorted copy of rows by a column.
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => number | string | null | undefined} valueOf the column's value of a row
 * @param {'asc' | 'desc'} direction
 * @param {(row: T) => string} [tieBreak] a stable secondary key (e.g. the agent id)
 * @returns {T[]}
 */
export function sortRows(rows, valueOf, direction = 'asc', tieBreak = () => '') {
  const sign = direction === 'desc' ? -1 : 1;
  return rows
    .map((row) => ({ row, value: valueOf(row) }))
    .sort((a, b) => {
      const aMissing = a.value === null || a.value === undefined || Number.isNaN(a.value);
      const bMissing = b.value === null || b.value === undefined || Number.isNaN(b.value);
      if (aMissing || bMissing) {
        if (aMissing !== bMissing) return aMissing ? 1 : -1;
      } else if (a.value !== b.value) {
        const order = typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), 'zh-CN', { numeric: true });
        if (order !== 0) return sign * order;
      }
      return tieBreak(a.row).localeCompare(tieBreak(b.row), 'en', { numeric: true });
    })
    .map((entry) => entry.row);
}

/**
 * The next sort state after a click on a column header: a new column starts in its natural
 * direction; the same column flips.
 * @param {{ column: string, direction: 'asc' | 'desc' }} current
 * @param {string} column
 * @param {'asc' | 'desc'} naturalDirection
 */
export function nextSort(current, column, naturalDirection = 'asc') {
  if (current.column !== column) return { column, direction: naturalDirection };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
